import { ComingSoon } from '../common/coming-soon.tsx';
import { TicketIcon } from '../common/icons.tsx';
import { PageHeader } from '../common/page-header.tsx';
import { usePageTitle } from '../common/use-page-title.ts';

/** Support tickets (placeholder until the Tickets page lands). */
export function TicketsPage() {
  usePageTitle('Tickets');
  return (
    <>
      <PageHeader title="Tickets" description="Issues the AI handed over to your team." />
      <ComingSoon icon={<TicketIcon size={26} />} title="Tickets are coming soon">
        You will be able to reply to customers, change status, priority and category, and jump to the original
        conversation from here.
      </ComingSoon>
    </>
  );
}

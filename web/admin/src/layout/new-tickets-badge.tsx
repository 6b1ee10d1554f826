import { Badge, VisuallyHidden } from '@mantine/core';
import { useTicketCounts } from '../api/tickets.ts';
import { useT } from '../i18n/use-t.ts';

/** How many tickets are New, beside "Tickets" in the navigation; nothing when there are none. */
export function NewTicketsBadge() {
  const t = useT();
  const { data } = useTicketCounts();
  const count = data?.new ?? 0;
  if (count === 0) return null;
  return (
    <Badge size="sm" variant="filled" color="blue.8" radius="xl" data-testid="nav-new-tickets">
      {count > 99 ? '99+' : count}
      <VisuallyHidden> {t('nav.newTickets')}</VisuallyHidden>
    </Badge>
  );
}

import { Grid, Stack, Title } from '@mantine/core';
import { useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useTicket } from '../../api/tickets.ts';
import { backLink } from '../../common/back-link.ts';
import { DetailNotFound, DetailSkeleton } from '../../common/detail-states.tsx';
import { QueryErrorState } from '../../common/error-state.tsx';
import { customerLabel } from '../../common/format.ts';
import { SideSection } from '../../common/side-section.tsx';
import { usePageTitle } from '../../common/use-page-title.ts';
import { useT } from '../../i18n/use-t.ts';
import { ReplyBox } from './reply-box.tsx';
import { TicketControls } from './ticket-controls.tsx';
import { TicketHeader } from './ticket-header.tsx';
import { TicketHistory } from './ticket-history.tsx';
import { TicketThread } from './ticket-thread.tsx';

/** `/tickets/:number` (also `#12`-style, as people paste it). */
function parseNumber(param: string | undefined): number {
  const digits = (param ?? '').replace(/^#/, '');
  return /^\d{1,9}$/.test(digits) ? Number(digits) : Number.NaN;
}

/** One ticket: header and actions, the thread with replies and notes, the reply box, properties and history. */
export function TicketPage() {
  const t = useT();
  const params = useParams();
  const number = parseNumber(params.number);
  const backTo = backLink(useLocation().state, '/tickets');
  const query = useTicket(number);
  const notFound = Number.isNaN(number) || isApiError(query.error, 404);
  usePageTitle(
    query.data
      ? t('ticket.pageTitle', { number: String(query.data.number) })
      : notFound
        ? t('ticket.notFound')
        : t('ticket.title'),
  );

  if (notFound) {
    return (
      <DetailNotFound
        title={t('ticket.notFound')}
        description={t('ticket.notFoundDescription')}
        backTo={backTo}
        backLabel={t('ticket.backToList')}
      />
    );
  }
  if (query.isPending) return <DetailSkeleton label={t('ticket.loading')} />;
  if (query.isError && !query.data) {
    return <QueryErrorState title={t('ticket.loadFailed')} query={query} />;
  }

  const ticket = query.data;
  const customerName = customerLabel(ticket.customer, t);
  return (
    <>
      <TicketHeader ticket={ticket} backTo={backTo} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md" component="section" aria-labelledby="thread-title">
            <Title order={2} fz="h4" id="thread-title">
              {t('ticket.thread')}
            </Title>
            <TicketThread ticketNumber={ticket.number} thread={ticket.thread} customerName={customerName} />
            <ReplyBox ticketNumber={ticket.number} customerName={customerName} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <SideSection title={t('ticket.title')}>
              <TicketControls ticket={ticket} />
            </SideSection>
            <SideSection title={t('ticket.history')}>
              <TicketHistory history={ticket.history} />
            </SideSection>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

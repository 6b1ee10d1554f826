import { Alert, NativeSelect, Stack } from '@mantine/core';
import { errorMessage, isApiError } from '../../api/client.ts';
import { useUpdateTicket } from '../../api/ticket-mutations.ts';
import {
  TICKET_PRIORITIES,
  type TicketDetail,
  type TicketPriority,
  type TicketStatus,
  type TicketUpdate,
} from '../../api/ticket-types.ts';
import { AlertIcon } from '../../common/icons.tsx';
import { useLocale } from '../../common/use-locale.ts';
import { labelIn } from '../../conversations/labels.ts';
import { type Translate, useT } from '../../i18n/use-t.ts';
import { announce } from '../../keyboard/announce.tsx';
import { useShortcut } from '../../keyboard/shortcuts.ts';
import { PRIORITY_KEYS, TICKET_STATUS_KEYS } from '../labels.ts';
import { CategoryControl } from './category-control.tsx';

/** Only the moves the server allows from the current status are offered. */
function statusOptions(t: Translate, ticket: TicketDetail) {
  const moves = ticket.allowedStatuses.filter((s) => s !== ticket.status);
  return [
    { value: ticket.status, label: labelIn(t, TICKET_STATUS_KEYS, ticket.status) },
    ...moves.map((s) => ({
      value: s,
      label:
        s === 'open' && ticket.status === 'resolved'
          ? t('ticket.status.reopen')
          : labelIn(t, TICKET_STATUS_KEYS, s),
    })),
  ];
}

function failureText(t: Translate, error: unknown): string {
  if (isApiError(error, 409) && error.code === 'invalid_transition') {
    return t('ticket.transitionRefused', { error: errorMessage(error) });
  }
  return errorMessage(error);
}

/** What `e` says when the ticket cannot move to Resolved ("… it can move to Open or Waiting."). */
function notResolvable(t: Translate, locale: string, ticket: TicketDetail): string {
  if (ticket.status === 'resolved') return t('ticket.alreadyResolved');
  const moves = ticket.allowedStatuses
    .filter((s) => s !== ticket.status)
    .map((s) => labelIn(t, TICKET_STATUS_KEYS, s));
  const status = labelIn(t, TICKET_STATUS_KEYS, ticket.status);
  if (moves.length === 0) return t('ticket.notResolvable', { status });
  const list = new Intl.ListFormat(locale, { type: 'disjunction' }).format(moves);
  return t('ticket.notResolvableMoves', { status, moves: list });
}

/** Status, priority and category of a ticket; each change is saved at once. `e` resolves it when allowed. */
export function TicketControls({ ticket }: { ticket: TicketDetail }) {
  const t = useT();
  const locale = useLocale();
  const update = useUpdateTicket(ticket.number);
  const change = (patch: TicketUpdate) => update.mutate(patch);
  useShortcut('resolve', () => {
    if (!ticket.allowedStatuses.includes('resolved')) announce(notResolvable(t, locale, ticket));
    else if (!update.isPending) change({ status: 'resolved' });
  });

  return (
    <Stack gap="sm" data-testid="ticket-controls">
      <NativeSelect
        label={t('ticket.field.status')}
        description={ticket.allowedStatuses.length === 0 ? t('ticket.noStatusChanges') : undefined}
        data={statusOptions(t, ticket)}
        value={ticket.status}
        disabled={update.isPending}
        onChange={(event) => change({ status: event.currentTarget.value as TicketStatus })}
        data-testid="ticket-status-select"
      />
      <NativeSelect
        label={t('ticket.priority')}
        data={TICKET_PRIORITIES.map((p) => ({ value: p, label: labelIn(t, PRIORITY_KEYS, p) }))}
        value={ticket.priority}
        disabled={update.isPending}
        onChange={(event) => change({ priority: event.currentTarget.value as TicketPriority })}
      />
      <CategoryControl
        value={ticket.category}
        disabled={update.isPending}
        onChange={(category) => change({ category })}
      />
      {update.isError && (
        <Alert
          variant="light"
          color="red"
          icon={<AlertIcon />}
          role="alert"
          title={t('ticket.update.failed')}
        >
          {failureText(t, update.error)}
        </Alert>
      )}
    </Stack>
  );
}

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
import { labelOf } from '../../conversations/labels.ts';
import { announce } from '../../keyboard/announce.tsx';
import { useShortcut } from '../../keyboard/shortcuts.ts';
import { PRIORITY_LABELS, TICKET_STATUS_LABELS } from '../labels.ts';
import { CategoryControl } from './category-control.tsx';

const PRIORITY_OPTIONS = TICKET_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }));

/** Only the moves the server allows from the current status are offered. */
function statusOptions(ticket: TicketDetail) {
  const moves = ticket.allowedStatuses.filter((s) => s !== ticket.status);
  return [
    { value: ticket.status, label: labelOf(TICKET_STATUS_LABELS, ticket.status) },
    ...moves.map((s) => ({
      value: s,
      label:
        s === 'open' && ticket.status === 'resolved' ? 'Open (reopen)' : labelOf(TICKET_STATUS_LABELS, s),
    })),
  ];
}

function failureText(error: unknown): string {
  if (isApiError(error, 409) && error.code === 'invalid_transition') {
    return `That status change is not allowed: ${errorMessage(error)} The ticket now shows its current status.`;
  }
  return errorMessage(error);
}

/** What `e` says when the ticket cannot move to Resolved. */
function notResolvable(ticket: TicketDetail): string {
  if (ticket.status === 'resolved') return 'This ticket is already resolved.';
  const moves = ticket.allowedStatuses
    .filter((s) => s !== ticket.status)
    .map((s) => labelOf(TICKET_STATUS_LABELS, s));
  const status = labelOf(TICKET_STATUS_LABELS, ticket.status);
  return `A ${status} ticket cannot be resolved yet${moves.length ? `: it can move to ${moves.join(' or ')}` : ''}.`;
}

/** Status, priority and category of a ticket; each change is saved at once. `e` resolves it when allowed. */
export function TicketControls({ ticket }: { ticket: TicketDetail }) {
  const update = useUpdateTicket(ticket.number);
  const change = (patch: TicketUpdate) => update.mutate(patch);
  useShortcut('resolve', () => {
    if (!ticket.allowedStatuses.includes('resolved')) announce(notResolvable(ticket));
    else if (!update.isPending) change({ status: 'resolved' });
  });

  return (
    <Stack gap="sm" data-testid="ticket-controls">
      <NativeSelect
        label="Status"
        description={ticket.allowedStatuses.length === 0 ? 'No status changes are possible.' : undefined}
        data={statusOptions(ticket)}
        value={ticket.status}
        disabled={update.isPending}
        onChange={(event) => change({ status: event.currentTarget.value as TicketStatus })}
        data-testid="ticket-status-select"
      />
      <NativeSelect
        label="Priority"
        data={PRIORITY_OPTIONS}
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
        <Alert variant="light" color="red" icon={<AlertIcon />} role="alert" title="Not changed">
          {failureText(update.error)}
        </Alert>
      )}
    </Stack>
  );
}

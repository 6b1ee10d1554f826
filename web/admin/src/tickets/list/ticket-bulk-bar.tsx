import { Button, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type TicketBulkChange, useBulkTickets } from '../../api/bulk-actions.ts';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../api/ticket-types.ts';
import { useTicketCategories } from '../../api/tickets.ts';
import { BulkActionBar } from '../../common/bulk-action-bar.tsx';
import { type BulkOutcome, bulkError, bulkOutcome } from '../../common/bulk-outcome.tsx';
import { ConfirmModal } from '../../common/confirm-modal.tsx';
import { PRIORITY_LABELS, TICKET_STATUS_LABELS } from '../labels.ts';

type Props = {
  /** The selected tickets' numbers, in list order. */
  numbers: number[];
  onClear: () => void;
  /** Called after an action with what it did; the selection is cleared by then. */
  onDone: (outcome: BulkOutcome) => void;
};

const tickets = (n: number) => (n === 1 ? '1 ticket' : `${n} tickets`);

/** A menu of values for one field of the selected tickets. */
function SetMenu({
  label,
  options,
  disabled,
  onPick,
}: {
  label: string;
  options: Array<{ value: string; label: string }>;
  disabled: boolean;
  onPick: (value: string) => void;
}) {
  return (
    <Menu shadow="md" position="bottom-start">
      <Menu.Target>
        <Button size="xs" variant="default" disabled={disabled}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {options.map((o) => (
          <Menu.Item key={o.value} onClick={() => onPick(o.value)}>
            {o.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * Status, priority, category or delete for the selected tickets (a move a ticket cannot make fails alone);
 * nothing while none are selected.
 */
export function TicketBulkBar({ numbers, onClear, onDone }: Props) {
  const bulk = useBulkTickets();
  const categories = useTicketCategories();
  const [confirming, confirm] = useDisclosure(false);
  // Rendered while nothing is selected too (as nothing), so a delete whose rows a live refresh removed
  // before the answer came still reports its outcome.
  if (numbers.length === 0 && !bulk.isPending) return null;

  function run(change: TicketBulkChange, doneText: (n: number) => string) {
    bulk.mutate(
      { numbers, ...change },
      {
        onSuccess: ({ results }) => {
          confirm.close();
          onClear();
          onDone(bulkOutcome(results, (r) => `#${r.number}`, doneText));
        },
        onError: (error) => {
          confirm.close();
          onDone(bulkError(error));
        },
      },
    );
  }

  return (
    <BulkActionBar label="Bulk actions for the selected tickets" count={numbers.length} onClear={onClear}>
      <SetMenu
        label="Set status"
        disabled={bulk.isPending}
        options={TICKET_STATUSES.map((s) => ({ value: s, label: TICKET_STATUS_LABELS[s] }))}
        onPick={(status) =>
          run({ set: { status: status as (typeof TICKET_STATUSES)[number] } }, (n) => `${tickets(n)} updated`)
        }
      />
      <SetMenu
        label="Set priority"
        disabled={bulk.isPending}
        options={[...TICKET_PRIORITIES].reverse().map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
        onPick={(priority) =>
          run(
            { set: { priority: priority as (typeof TICKET_PRIORITIES)[number] } },
            (n) => `${tickets(n)} updated`,
          )
        }
      />
      <SetMenu
        label="Set category"
        disabled={bulk.isPending || !categories.data}
        options={(categories.data ?? []).map((c) => ({ value: c, label: c }))}
        onPick={(category) => run({ set: { category } }, (n) => `${tickets(n)} updated`)}
      />
      <Button size="xs" variant="outline" color="red.8" disabled={bulk.isPending} onClick={confirm.open}>
        Delete…
      </Button>
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        title={`Delete ${tickets(numbers.length)}?`}
        confirmLabel={`Delete ${tickets(numbers.length)}`}
        onConfirm={() => run({ delete: true }, (n) => `${tickets(n)} deleted`)}
        pending={bulk.isPending}
        error={null}
        errorTitle="Not deleted"
      >
        The tickets disappear from the Tickets page. Their conversations stay.
      </ConfirmModal>
    </BulkActionBar>
  );
}

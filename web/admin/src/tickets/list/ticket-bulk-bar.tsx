import { Button, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type TicketBulkChange, useBulkTickets } from '../../api/bulk-actions.ts';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../api/ticket-types.ts';
import { useTicketCategories } from '../../api/tickets.ts';
import { BulkActionBar } from '../../common/bulk-action-bar.tsx';
import { type BulkOutcome, bulkError, bulkOutcome } from '../../common/bulk-outcome.tsx';
import { ConfirmModal } from '../../common/confirm-modal.tsx';
import { labelIn } from '../../conversations/labels.ts';
import type { MessageKey } from '../../i18n/messages-en.ts';
import { useT } from '../../i18n/use-t.ts';
import { PRIORITY_KEYS, TICKET_STATUS_KEYS } from '../labels.ts';

type Props = {
  /** The selected tickets' numbers, in list order. */
  numbers: number[];
  onClear: () => void;
  /** Called after an action with what it did; the selection is cleared by then. */
  onDone: (outcome: BulkOutcome) => void;
};

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
  const t = useT();
  const bulk = useBulkTickets();
  const categories = useTicketCategories();
  const [confirming, confirm] = useDisclosure(false);
  // Rendered while nothing is selected too (as nothing), so a delete whose rows a live refresh removed
  // before the answer came still reports its outcome.
  if (numbers.length === 0 && !bulk.isPending) return null;

  function run(change: TicketBulkChange, done: MessageKey) {
    bulk.mutate(
      { numbers, ...change },
      {
        onSuccess: ({ results }) => {
          confirm.close();
          onClear();
          onDone(
            bulkOutcome(
              results,
              (r) => `#${r.number}`,
              (count) => t(done, { count }),
            ),
          );
        },
        onError: (error) => {
          confirm.close();
          onDone(bulkError(error, t));
        },
      },
    );
  }

  return (
    <BulkActionBar label={t('ticketList.bulk.label')} count={numbers.length} onClear={onClear}>
      <SetMenu
        label={t('ticketList.bulk.setStatus')}
        disabled={bulk.isPending}
        options={TICKET_STATUSES.map((s) => ({ value: s, label: labelIn(t, TICKET_STATUS_KEYS, s) }))}
        onPick={(status) =>
          run({ set: { status: status as (typeof TICKET_STATUSES)[number] } }, 'ticketList.bulk.updated')
        }
      />
      <SetMenu
        label={t('ticketList.bulk.setPriority')}
        disabled={bulk.isPending}
        options={[...TICKET_PRIORITIES]
          .reverse()
          .map((p) => ({ value: p, label: labelIn(t, PRIORITY_KEYS, p) }))}
        onPick={(priority) =>
          run(
            { set: { priority: priority as (typeof TICKET_PRIORITIES)[number] } },
            'ticketList.bulk.updated',
          )
        }
      />
      <SetMenu
        label={t('ticketList.bulk.setCategory')}
        disabled={bulk.isPending || !categories.data}
        options={(categories.data ?? []).map((c) => ({ value: c, label: c }))}
        onPick={(category) => run({ set: { category } }, 'ticketList.bulk.updated')}
      />
      <Button size="xs" variant="outline" color="red.8" disabled={bulk.isPending} onClick={confirm.open}>
        {t('ticketList.bulk.delete')}
      </Button>
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        title={t('ticketList.bulk.deleteQuestion', { count: numbers.length })}
        confirmLabel={t('ticketList.bulk.deleteConfirm', { count: numbers.length })}
        onConfirm={() => run({ delete: true }, 'ticketList.bulk.deleted')}
        pending={bulk.isPending}
        error={null}
        errorTitle={t('ticketList.bulk.deleteFailed')}
      >
        {t('ticketList.bulk.deleteDescription')}
      </ConfirmModal>
    </BulkActionBar>
  );
}

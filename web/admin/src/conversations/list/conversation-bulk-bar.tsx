import { Button } from '@mantine/core';
import { type ConversationBulkAction, useBulkConversationStatus } from '../../api/bulk-actions.ts';
import type { ConversationListItem } from '../../api/types.ts';
import { BulkActionBar } from '../../common/bulk-action-bar.tsx';
import { type BulkOutcome, bulkError, bulkOutcome } from '../../common/bulk-outcome.tsx';
import { customerLabel } from '../../common/format.ts';
import { CheckIcon, UndoIcon } from '../../common/icons.tsx';
import { ExportMenu } from '../export-menu.tsx';

const ACTIONS = [
  { action: 'resolve', label: 'Resolve', Icon: CheckIcon, variant: 'filled' },
  { action: 'reopen', label: 'Reopen', Icon: UndoIcon, variant: 'default' },
] as const;

const DONE: Record<ConversationBulkAction, (n: number) => string> = {
  resolve: (n) => (n === 1 ? '1 conversation resolved' : `${n} conversations resolved`),
  reopen: (n) => (n === 1 ? '1 conversation reopened' : `${n} conversations reopened`),
};

type Props = {
  selected: ConversationListItem[];
  onClear: () => void;
  /** Called after an action with what it did; the selection is cleared by then. */
  onDone: (outcome: BulkOutcome) => void;
};

/** Resolve, reopen or export the selected conversations; nothing while none are selected. */
export function ConversationBulkBar({ selected, onClear, onDone }: Props) {
  const bulk = useBulkConversationStatus();
  const nameOf = new Map(selected.map((c) => [c.id, customerLabel(c.customer)]));
  // Rendered while nothing is selected too (as nothing), so an action whose rows left the list meanwhile
  // (a live refresh) still reports its outcome.
  if (selected.length === 0 && !bulk.isPending) return null;

  function run(action: ConversationBulkAction) {
    bulk.mutate(
      { ids: selected.map((c) => c.id), action },
      {
        onSuccess: ({ results }) => {
          onClear();
          onDone(bulkOutcome(results, (r) => nameOf.get(r.id) ?? r.id, DONE[action]));
        },
        onError: (error) => onDone(bulkError(error)),
      },
    );
  }

  return (
    <BulkActionBar
      label="Bulk actions for the selected conversations"
      count={selected.length}
      onClear={onClear}
    >
      {ACTIONS.map(({ action, label, Icon, variant }) => (
        <Button
          key={action}
          size="xs"
          variant={variant}
          leftSection={<Icon size={14} />}
          loading={bulk.isPending && bulk.variables?.action === action}
          disabled={bulk.isPending}
          onClick={() => run(action)}
        >
          {label}
        </Button>
      ))}
      <ExportMenu
        path="/api/conversations/export"
        params={{ ids: selected.map((c) => c.id).join(',') }}
        what={
          selected.length === 1
            ? 'The selected conversation'
            : `The ${selected.length} selected conversations`
        }
        label="Export selected"
        size="xs"
      />
    </BulkActionBar>
  );
}

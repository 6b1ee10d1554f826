import { Button } from '@mantine/core';
import { useBulkConversationStatus } from '../../api/bulk-actions.ts';
import type { ConversationListItem } from '../../api/types.ts';
import { BulkActionBar } from '../../common/bulk-action-bar.tsx';
import { type BulkOutcome, bulkError, bulkOutcome } from '../../common/bulk-outcome.tsx';
import { customerLabel } from '../../common/format.ts';
import { CheckIcon, UndoIcon } from '../../common/icons.tsx';
import { useT } from '../../i18n/use-t.ts';
import { ExportMenu } from '../export-menu.tsx';

const ACTIONS = [
  {
    action: 'resolve',
    label: 'conversationList.bulk.resolve',
    done: 'conversationList.bulk.resolved',
    Icon: CheckIcon,
    variant: 'filled',
  },
  {
    action: 'reopen',
    label: 'conversationList.bulk.reopen',
    done: 'conversationList.bulk.reopened',
    Icon: UndoIcon,
    variant: 'default',
  },
] as const;

type Props = {
  selected: ConversationListItem[];
  onClear: () => void;
  /** Called after an action with what it did; the selection is cleared by then. */
  onDone: (outcome: BulkOutcome) => void;
};

/** Resolve, reopen or export the selected conversations; nothing while none are selected. */
export function ConversationBulkBar({ selected, onClear, onDone }: Props) {
  const t = useT();
  const bulk = useBulkConversationStatus();
  const nameOf = new Map(selected.map((c) => [c.id, customerLabel(c.customer, t)]));
  // Rendered while nothing is selected too (as nothing), so an action whose rows left the list meanwhile
  // (a live refresh) still reports its outcome.
  if (selected.length === 0 && !bulk.isPending) return null;

  function run({ action, done }: (typeof ACTIONS)[number]) {
    bulk.mutate(
      { ids: selected.map((c) => c.id), action },
      {
        onSuccess: ({ results }) => {
          onClear();
          onDone(
            bulkOutcome(
              results,
              (r) => nameOf.get(r.id) ?? r.id,
              (count) => t(done, { count }),
            ),
          );
        },
        onError: (error) => onDone(bulkError(error, t)),
      },
    );
  }

  return (
    <BulkActionBar label={t('conversationList.bulk.label')} count={selected.length} onClear={onClear}>
      {ACTIONS.map((item) => (
        <Button
          key={item.action}
          size="xs"
          variant={item.variant}
          leftSection={<item.Icon size={14} />}
          loading={bulk.isPending && bulk.variables?.action === item.action}
          disabled={bulk.isPending}
          onClick={() => run(item)}
        >
          {t(item.label)}
        </Button>
      ))}
      <ExportMenu
        path="/api/conversations/export"
        params={{ ids: selected.map((c) => c.id).join(',') }}
        what={t('conversationList.bulk.exportWhat', { count: selected.length })}
        label={t('conversationList.bulk.export')}
        size="xs"
      />
    </BulkActionBar>
  );
}

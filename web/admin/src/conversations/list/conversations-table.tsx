import { Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ConversationListItem } from '../../api/types.ts';
import { DateText } from '../../common/date-text.tsx';
import { customerLabel, formatDateTime } from '../../common/format.ts';
import { listTableClasses as classes, ListTable, SkeletonRows } from '../../common/list-table.tsx';
import { rowOpenHandlers } from '../../common/row-open.ts';
import {
  SELECT_COLUMN_PLACEHOLDER,
  SelectRowCell,
  selectAllColumn,
} from '../../common/selection-checkboxes.tsx';
import { useLocale } from '../../common/use-locale.ts';
import type { RowSelection } from '../../common/use-row-selection.ts';
import { type Translate, useT } from '../../i18n/use-t.ts';
import { DeletionText, deletionLabel } from '../deletion-text.tsx';
import { CHANNEL_KEYS, labelIn, STATUS_KEYS } from '../labels.ts';
import { StatusBadge } from '../status-badge.tsx';

const columns = (t: Translate) => [
  { label: t('conversationList.column.status'), width: 136 },
  { label: t('conversationList.column.customer'), width: '22%' },
  { label: t('conversationList.column.channel'), width: 112 },
  { label: t('conversationList.column.date'), width: 188 },
  { label: t('conversationList.column.preview'), width: undefined },
];

/** Placeholder rows while the first page loads. */
export function ConversationsTableSkeleton() {
  const t = useT();
  return (
    <ListTable
      label={t('conversationList.title')}
      columns={columns(t)}
      minWidth={760}
      busy
      leading={SELECT_COLUMN_PLACEHOLDER}
    >
      <SkeletonRows
        cells={[
          { width: 18 },
          { width: 84, badge: true },
          { width: '70%' },
          { width: 56 },
          { width: 130 },
          { width: '85%' },
        ]}
      />
    </ListTable>
  );
}

type Props = {
  items: ConversationListItem[];
  /** The list's query string, handed to the conversation view for its "back" link. */
  listSearch: string;
  onOpen: (id: string) => void;
  /** The rows ticked for a bulk action. */
  selection: RowSelection<string>;
  stale?: boolean;
};

/** One row per conversation, with a select box; a row opens on click or Enter. */
export function ConversationsTable({ items, listSearch, onOpen, selection, stale }: Props) {
  const t = useT();
  const locale = useLocale();
  const now = Date.now();

  return (
    <ListTable
      label={t('conversationList.title')}
      columns={columns(t)}
      minWidth={760}
      busy={stale}
      leading={selectAllColumn(selection, t('conversationList.selectAll'))}
    >
      <Table.Tbody className={stale ? classes.stale : undefined}>
        {items.map((c) => {
          const customer = customerLabel(c.customer, t);
          const channel = labelIn(t, CHANNEL_KEYS, c.channel);
          return (
            <Table.Tr
              key={c.id}
              data-testid="conversation-row"
              data-conversation-id={c.id}
              data-selected={selection.isSelected(c.id) || undefined}
              tabIndex={0}
              aria-label={t('conversationList.rowLabel', {
                customer,
                status: labelIn(t, STATUS_KEYS, c.status),
                channel,
                date: formatDateTime(c.startedAt, locale),
                deletion: deletionLabel(c.expiresAt, now, t).toLowerCase(),
              })}
              className={classes.row}
              {...rowOpenHandlers(() => onOpen(c.id))}
            >
              <SelectRowCell
                selection={selection}
                rowKey={c.id}
                label={t('conversationList.selectRow', { customer })}
              />
              <Table.Td>
                <StatusBadge status={c.status} />
              </Table.Td>
              <Table.Td>
                <Text
                  component={Link}
                  to={`/conversations/${encodeURIComponent(c.id)}`}
                  state={{ listSearch }}
                  tabIndex={-1}
                  size="sm"
                  fw={600}
                  c="inherit"
                  truncate
                  display="block"
                  className={classes.customer}
                >
                  {customer}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{channel}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  <DateText iso={c.startedAt} />
                </Text>
                <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                  <DeletionText expiresAt={c.expiresAt} size="xs" />
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" truncate>
                  {c.preview || '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ListTable>
  );
}

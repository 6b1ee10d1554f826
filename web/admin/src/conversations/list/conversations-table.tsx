import { Skeleton, Table, Text } from '@mantine/core';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import type { ConversationListItem } from '../../api/types.ts';
import { DateText } from '../../common/date-text.tsx';
import { customerLabel, formatDateTime } from '../../common/format.ts';
import { useLocale } from '../../common/use-locale.ts';
import { CHANNEL_LABELS, labelOf, STATUS_LABELS } from '../labels.ts';
import { StatusBadge } from '../status-badge.tsx';
import classes from './conversations-table.module.css';

const COLUMNS = [
  { label: 'Status', width: 136 },
  { label: 'Customer', width: '22%' },
  { label: 'Channel', width: 112 },
  { label: 'Date', width: 188 },
  { label: 'Preview', width: undefined },
] as const;

function TableHead() {
  return (
    <Table.Thead>
      <Table.Tr>
        {COLUMNS.map((c) => (
          <Table.Th key={c.label} w={c.width} scope="col">
            {c.label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

function Frame({ children, busy }: { children: ReactNode; busy?: boolean }) {
  return (
    <Table.ScrollContainer minWidth={760} className={classes.frame}>
      <Table
        layout="fixed"
        verticalSpacing="sm"
        horizontalSpacing="md"
        highlightOnHover
        aria-label="Conversations"
        aria-busy={busy || undefined}
        className={classes.table}
      >
        <TableHead />
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}

/** Placeholder rows while the first page loads. */
export function ConversationsTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <Frame busy>
      <Table.Tbody>
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows.
          <Table.Tr key={i}>
            <Table.Td>
              <Skeleton height={20} width={84} radius="sm" />
            </Table.Td>
            <Table.Td>
              <Skeleton height={12} width="70%" />
            </Table.Td>
            <Table.Td>
              <Skeleton height={12} width={56} />
            </Table.Td>
            <Table.Td>
              <Skeleton height={12} width={130} />
            </Table.Td>
            <Table.Td>
              <Skeleton height={12} width="85%" />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Frame>
  );
}

type Props = {
  items: ConversationListItem[];
  /** The list's query string, handed to the conversation view for its "back" link. */
  listSearch: string;
  onOpen: (id: string) => void;
  stale?: boolean;
};

/** One row per conversation; a row opens on click or Enter. */
export function ConversationsTable({ items, listSearch, onOpen, stale }: Props) {
  const locale = useLocale();

  const openFromClick = (event: MouseEvent<HTMLTableRowElement>, id: string) => {
    // The customer link navigates by itself (and honours Ctrl/Cmd-click).
    if ((event.target as Element).closest('a')) return;
    onOpen(id);
  };
  const openFromKey = (event: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (event.key !== 'Enter' || event.target !== event.currentTarget) return;
    event.preventDefault();
    onOpen(id);
  };

  return (
    <Frame busy={stale}>
      <Table.Tbody className={stale ? classes.stale : undefined}>
        {items.map((c) => {
          const customer = customerLabel(c.customer);
          const channel = labelOf(CHANNEL_LABELS, c.channel);
          return (
            <Table.Tr
              key={c.id}
              data-testid="conversation-row"
              data-conversation-id={c.id}
              tabIndex={0}
              aria-label={`${customer}, ${labelOf(STATUS_LABELS, c.status)}, ${channel}, ${formatDateTime(c.startedAt, locale)}`}
              className={classes.row}
              onClick={(event) => openFromClick(event, c.id)}
              onKeyDown={(event) => openFromKey(event, c.id)}
            >
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
    </Frame>
  );
}

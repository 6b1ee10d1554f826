import { Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { TicketListItem } from '../../api/ticket-types.ts';
import { customerLabel } from '../../common/format.ts';
import { listTableClasses as classes, ListTable, SkeletonRows } from '../../common/list-table.tsx';
import { RelativeTime } from '../../common/relative-time.tsx';
import { rowOpenHandlers } from '../../common/row-open.ts';
import {
  SELECT_COLUMN_PLACEHOLDER,
  SelectRowCell,
  selectAllColumn,
} from '../../common/selection-checkboxes.tsx';
import type { RowSelection } from '../../common/use-row-selection.ts';
import { labelOf } from '../../conversations/labels.ts';
import { isPressing, PRIORITY_LABELS, TICKET_STATUS_LABELS } from '../labels.ts';
import { PriorityBadge, TicketStatusBadge } from '../ticket-badges.tsx';

const COLUMNS = [
  { label: 'Ticket', width: 88 },
  { label: 'Customer', width: undefined },
  { label: 'Status', width: 124 },
  { label: 'Priority', width: 112 },
  { label: 'Category', width: '17%' },
  { label: 'Created', width: 136 },
  { label: 'Updated', width: 136 },
] as const;

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Placeholder rows while the first page loads. */
export function TicketsTableSkeleton() {
  return (
    <ListTable label="Tickets" columns={COLUMNS} minWidth={900} busy leading={SELECT_COLUMN_PLACEHOLDER}>
      <SkeletonRows
        cells={[
          { width: 18 },
          { width: 44 },
          { width: '70%' },
          { width: 64, badge: true },
          { width: 64, badge: true },
          { width: '70%' },
          { width: 90 },
          { width: 90 },
        ]}
      />
    </ListTable>
  );
}

type Props = {
  items: TicketListItem[];
  /** The list's query string, handed to the ticket view for its "back" link. */
  listSearch: string;
  onOpen: (number: number) => void;
  /** The rows ticked for a bulk action. */
  selection: RowSelection<number>;
  stale?: boolean;
};

/**
 * One row per ticket, with a select box; a row opens on click or Enter; urgent and high rows carry a
 * coloured edge.
 */
export function TicketsTable({ items, listSearch, onOpen, selection, stale }: Props) {
  return (
    <ListTable
      label="Tickets"
      columns={COLUMNS}
      minWidth={900}
      busy={stale}
      leading={selectAllColumn(selection, 'Select all tickets shown')}
    >
      <Table.Tbody className={stale ? classes.stale : undefined}>
        {items.map((t) => {
          const customer = customerLabel(t.customer);
          return (
            <Table.Tr
              key={t.number}
              data-testid="ticket-row"
              data-ticket-number={t.number}
              data-selected={selection.isSelected(t.number) || undefined}
              data-status={t.status}
              data-priority={t.priority}
              data-accent={isPressing(t.priority) ? t.priority : undefined}
              tabIndex={0}
              aria-label={`Ticket #${t.number}, ${customer}, ${labelOf(TICKET_STATUS_LABELS, t.status)}, ${labelOf(PRIORITY_LABELS, t.priority)} priority`}
              className={classes.row}
              {...rowOpenHandlers(() => onOpen(t.number))}
            >
              <SelectRowCell
                selection={selection}
                rowKey={t.number}
                label={`Select ticket #${t.number} from ${customer}`}
              />
              <Table.Td>
                <Text
                  component={Link}
                  to={`/tickets/${t.number}`}
                  state={{ listSearch }}
                  tabIndex={-1}
                  size="sm"
                  fw={700}
                  c="inherit"
                  className={classes.customer}
                >
                  #{t.number}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} truncate data-testid="ticket-customer">
                  {customer}
                </Text>
              </Table.Td>
              <Table.Td>
                <TicketStatusBadge status={t.status} />
              </Table.Td>
              <Table.Td>
                <PriorityBadge priority={t.priority} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate>
                  {t.category}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={nowrap}>
                  <RelativeTime iso={t.createdAt} />
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={nowrap}>
                  <RelativeTime iso={t.updatedAt} />
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ListTable>
  );
}

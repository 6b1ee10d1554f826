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
import { labelIn } from '../../conversations/labels.ts';
import { type Translate, useT } from '../../i18n/use-t.ts';
import { isPressing, PRIORITY_KEYS, TICKET_STATUS_KEYS } from '../labels.ts';
import { PriorityBadge, TicketStatusBadge } from '../ticket-badges.tsx';

const columns = (t: Translate) => [
  { label: t('ticketList.column.ticket'), width: 88 },
  { label: t('ticketList.column.customer'), width: undefined },
  { label: t('ticketList.column.status'), width: 124 },
  { label: t('ticketList.column.priority'), width: 112 },
  { label: t('ticketList.column.category'), width: '17%' },
  { label: t('ticketList.column.created'), width: 136 },
  { label: t('ticketList.column.updated'), width: 136 },
];

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Placeholder rows while the first page loads. */
export function TicketsTableSkeleton() {
  const t = useT();
  return (
    <ListTable
      label={t('ticketList.title')}
      columns={columns(t)}
      minWidth={900}
      busy
      leading={SELECT_COLUMN_PLACEHOLDER}
    >
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
  const t = useT();
  return (
    <ListTable
      label={t('ticketList.title')}
      columns={columns(t)}
      minWidth={900}
      busy={stale}
      leading={selectAllColumn(selection, t('ticketList.selectAll'))}
    >
      <Table.Tbody className={stale ? classes.stale : undefined}>
        {items.map((ticket) => {
          const customer = customerLabel(ticket.customer, t);
          const number = String(ticket.number);
          return (
            <Table.Tr
              key={ticket.number}
              data-testid="ticket-row"
              data-ticket-number={ticket.number}
              data-selected={selection.isSelected(ticket.number) || undefined}
              data-status={ticket.status}
              data-priority={ticket.priority}
              data-accent={isPressing(ticket.priority) ? ticket.priority : undefined}
              tabIndex={0}
              aria-label={t('ticketList.rowLabel', {
                number,
                customer,
                status: labelIn(t, TICKET_STATUS_KEYS, ticket.status),
                priority: labelIn(t, PRIORITY_KEYS, ticket.priority),
              })}
              className={classes.row}
              {...rowOpenHandlers(() => onOpen(ticket.number))}
            >
              <SelectRowCell
                selection={selection}
                rowKey={ticket.number}
                label={t('ticketList.selectRow', { number, customer })}
              />
              <Table.Td>
                <Text
                  component={Link}
                  to={`/tickets/${ticket.number}`}
                  state={{ listSearch }}
                  tabIndex={-1}
                  size="sm"
                  fw={700}
                  c="inherit"
                  className={classes.customer}
                >
                  #{ticket.number}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} truncate data-testid="ticket-customer">
                  {customer}
                </Text>
              </Table.Td>
              <Table.Td>
                <TicketStatusBadge status={ticket.status} />
              </Table.Td>
              <Table.Td>
                <PriorityBadge priority={ticket.priority} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate>
                  {ticket.category}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={nowrap}>
                  <RelativeTime iso={ticket.createdAt} />
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={nowrap}>
                  <RelativeTime iso={ticket.updatedAt} />
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ListTable>
  );
}

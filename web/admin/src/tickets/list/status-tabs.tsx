import { Badge, Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { TICKET_STATUSES, type TicketCounts, type TicketStatus } from '../../api/ticket-types.ts';
import { TICKET_STATUS_LABELS } from '../labels.ts';

const TABS = [
  { value: 'all', label: 'All' },
  ...TICKET_STATUSES.map((s) => ({ value: s, label: TICKET_STATUS_LABELS[s] })),
] as const;

type Props = {
  status: TicketStatus | undefined;
  counts: TicketCounts | undefined;
  onChange: (status: TicketStatus | undefined) => void;
  /** The list: the current tab's panel. */
  children: ReactNode;
};

/** All / New / Open / Waiting / Resolved, each with how many tickets match the other filters. */
export function StatusTabs({ status, counts, onChange, children }: Props) {
  const current = status ?? 'all';
  return (
    <Tabs
      value={current}
      onChange={(value) => onChange(value && value !== 'all' ? (value as TicketStatus) : undefined)}
      activateTabWithKeyboard
      keepMounted={false}
    >
      <Tabs.List aria-label="Ticket status" mb="md">
        {TABS.map((tab) => {
          const count = counts?.[tab.value as keyof TicketCounts];
          return (
            <Tabs.Tab
              key={tab.value}
              value={tab.value}
              data-testid={`status-tab-${tab.value}`}
              rightSection={
                count === undefined ? null : (
                  <Badge
                    size="sm"
                    variant="light"
                    color="gray"
                    c="gray.9"
                    radius="sm"
                    data-testid="status-count"
                  >
                    {count}
                  </Badge>
                )
              }
            >
              {tab.label}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      <Tabs.Panel value={current}>{children}</Tabs.Panel>
    </Tabs>
  );
}

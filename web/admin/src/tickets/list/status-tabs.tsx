import { Badge, Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { TICKET_STATUSES, type TicketCounts, type TicketStatus } from '../../api/ticket-types.ts';
import { labelIn } from '../../conversations/labels.ts';
import { useT } from '../../i18n/use-t.ts';
import { TICKET_STATUS_KEYS } from '../labels.ts';

type Props = {
  status: TicketStatus | undefined;
  counts: TicketCounts | undefined;
  onChange: (status: TicketStatus | undefined) => void;
  /** The list: the current tab's panel. */
  children: ReactNode;
};

/** All / New / Open / Waiting / Resolved, each with how many tickets match the other filters. */
export function StatusTabs({ status, counts, onChange, children }: Props) {
  const t = useT();
  const current = status ?? 'all';
  const tabs = [
    { value: 'all', label: t('common.all') },
    ...TICKET_STATUSES.map((s) => ({ value: s, label: labelIn(t, TICKET_STATUS_KEYS, s) })),
  ];
  return (
    <Tabs
      value={current}
      onChange={(value) => onChange(value && value !== 'all' ? (value as TicketStatus) : undefined)}
      activateTabWithKeyboard
      keepMounted={false}
    >
      <Tabs.List aria-label={t('ticketList.tabs')} mb="md">
        {tabs.map((tab) => {
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

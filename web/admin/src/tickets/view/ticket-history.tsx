import { Text, Timeline } from '@mantine/core';
import type { TicketHistoryEntry } from '../../api/ticket-types.ts';
import { RelativeTime } from '../../common/relative-time.tsx';
import { labelOf } from '../../conversations/labels.ts';
import { PRIORITY_LABELS, REASON_LABELS, TICKET_STATUS_LABELS } from '../labels.ts';

const FIELD_NAMES: Record<string, string> = { status: 'Status', priority: 'Priority', category: 'Category' };

function valueLabel(field: string, value: string | null): string {
  if (value === null || value === '') return '—';
  if (field === 'status') return labelOf(TICKET_STATUS_LABELS, value);
  if (field === 'priority') return labelOf(PRIORITY_LABELS, value);
  return value;
}

/** What happened, in words: "Status: New → Open", "Replied to the customer". */
export function describeChange(entry: TicketHistoryEntry): string {
  switch (entry.field) {
    case 'created':
      return entry.to ? `Created the ticket: ${labelOf(REASON_LABELS, entry.to)}` : 'Created the ticket';
    case 'trigger':
      return `Reason: ${entry.to ? labelOf(REASON_LABELS, entry.to) : 'unknown'}`;
    case 'reply':
      return 'Replied to the customer';
    case 'note':
      return 'Added an internal note';
    case 'deleted':
      return 'Deleted the ticket';
    default: {
      const name = FIELD_NAMES[entry.field] ?? labelOf({}, entry.field);
      return `${name}: ${valueLabel(entry.field, entry.from)} → ${valueLabel(entry.field, entry.to)}`;
    }
  }
}

const ACTOR_COLORS = { ai: 'indigo', staff: 'teal', system: 'gray' } as const;

/** Every change to the ticket, oldest first: who, when, from → to. */
export function TicketHistory({ history }: { history: TicketHistoryEntry[] }) {
  if (history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No changes yet.
      </Text>
    );
  }
  return (
    <Timeline
      bulletSize={12}
      lineWidth={2}
      active={history.length - 1}
      role="list"
      aria-label="Change history"
      data-testid="ticket-history"
    >
      {history.map((entry) => (
        <Timeline.Item
          key={entry.id}
          color={ACTOR_COLORS[entry.actor.type] ?? 'gray'}
          title={
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="history-change">
              {describeChange(entry)}
            </Text>
          }
          role="listitem"
          data-testid="history-entry"
          data-field={entry.field}
        >
          <Text size="xs" c="dimmed">
            {entry.actor.name} · <RelativeTime iso={entry.at} />
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

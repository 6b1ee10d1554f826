import { Text, Timeline } from '@mantine/core';
import type { TicketHistoryEntry } from '../../api/ticket-types.ts';
import { RelativeTime } from '../../common/relative-time.tsx';
import { labelIn } from '../../conversations/labels.ts';
import { type Translate, useT } from '../../i18n/use-t.ts';
import { PRIORITY_KEYS, REASON_KEYS, TICKET_STATUS_KEYS } from '../labels.ts';

const FIELD_KEYS = {
  status: 'ticket.field.status',
  priority: 'ticket.field.priority',
  category: 'ticket.field.category',
} as const;

function valueLabel(t: Translate, field: string, value: string | null): string {
  if (value === null || value === '') return '—';
  if (field === 'status') return labelIn(t, TICKET_STATUS_KEYS, value);
  if (field === 'priority') return labelIn(t, PRIORITY_KEYS, value);
  return value;
}

/** What happened, in words: "Status: New → Open", "Replied to the customer". */
export function describeChange(t: Translate, entry: TicketHistoryEntry): string {
  switch (entry.field) {
    case 'created':
      return entry.to
        ? t('ticket.change.createdBecause', { reason: labelIn(t, REASON_KEYS, entry.to) })
        : t('ticket.change.created');
    case 'trigger':
      return t('ticket.change.reason', {
        reason: entry.to ? labelIn(t, REASON_KEYS, entry.to) : t('ticket.change.unknownReason'),
      });
    case 'reply':
      return t('ticket.change.reply');
    case 'note':
      return t('ticket.change.note');
    case 'deleted':
      return t('ticket.change.deleted');
    default: {
      const name = labelIn(t, FIELD_KEYS, entry.field);
      return `${name}: ${valueLabel(t, entry.field, entry.from)} → ${valueLabel(t, entry.field, entry.to)}`;
    }
  }
}

const ACTOR_COLORS = { ai: 'indigo', staff: 'teal', system: 'gray' } as const;

/** Every change to the ticket, oldest first: who, when, from → to. */
export function TicketHistory({ history }: { history: TicketHistoryEntry[] }) {
  const t = useT();
  if (history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('ticket.history.empty')}
      </Text>
    );
  }
  return (
    <Timeline
      bulletSize={12}
      lineWidth={2}
      active={history.length - 1}
      role="list"
      aria-label={t('ticket.history.label')}
      data-testid="ticket-history"
    >
      {history.map((entry) => (
        <Timeline.Item
          key={entry.id}
          color={ACTOR_COLORS[entry.actor.type] ?? 'gray'}
          title={
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="history-change">
              {describeChange(t, entry)}
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

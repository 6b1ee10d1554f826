import { Badge, type BadgeProps } from '@mantine/core';
import { labelIn } from '../conversations/labels.ts';
import { useT } from '../i18n/use-t.ts';
import {
  isPressing,
  PRIORITY_COLORS,
  PRIORITY_KEYS,
  TICKET_STATUS_COLORS,
  TICKET_STATUS_KEYS,
} from './labels.ts';

type Props = Omit<BadgeProps, 'children' | 'color'> & { 'data-testid'?: string };

const colorOf = (colors: Record<string, string>, value: string) => colors[value] ?? 'gray';

/** New / Open / Waiting / Resolved. */
export function TicketStatusBadge({ status, ...props }: { status: string } & Props) {
  const t = useT();
  const color = colorOf(TICKET_STATUS_COLORS, status);
  return (
    // Shade 9 text keeps the light badge above 4.5:1 contrast.
    <Badge variant="light" color={color} c={`${color}.9`} radius="sm" tt="none" fw={600} {...props}>
      {labelIn(t, TICKET_STATUS_KEYS, status)}
    </Badge>
  );
}

/** Low / Medium / High / Urgent; urgent and high are filled so they catch the eye. */
export function PriorityBadge({ priority, ...props }: { priority: string } & Props) {
  const t = useT();
  const color = colorOf(PRIORITY_COLORS, priority);
  const loud = isPressing(priority);
  return (
    <Badge
      variant={loud ? 'filled' : 'light'}
      color={loud ? `${color}.8` : color}
      c={loud ? 'white' : `${color}.9`}
      radius="sm"
      tt="none"
      fw={600}
      data-priority={priority}
      {...props}
    >
      {labelIn(t, PRIORITY_KEYS, priority)}
    </Badge>
  );
}

import { Badge, type BadgeProps } from '@mantine/core';
import type { ConversationStatus } from '../api/types.ts';
import { useT } from '../i18n/use-t.ts';
import { labelIn, STATUS_COLORS, STATUS_KEYS } from './labels.ts';

/** Draft / Resolved / Unresolved. */
export function StatusBadge({
  status,
  ...props
}: { status: ConversationStatus } & Omit<BadgeProps, 'children' | 'color'> & { 'data-testid'?: string }) {
  const t = useT();
  const color = STATUS_COLORS[status] ?? 'gray';
  return (
    // Shade 9 text keeps the light badge above 4.5:1 contrast.
    <Badge variant="light" color={color} c={`${color}.9`} radius="sm" tt="none" fw={600} {...props}>
      {labelIn(t, STATUS_KEYS, status)}
    </Badge>
  );
}

import { Button, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t.ts';

/**
 * The actions for the selected rows, shown while any are selected: "3 selected", the actions, and a way
 * to clear the selection. A labelled region, so screen readers can find it.
 */
export function BulkActionBar({
  label,
  count,
  onClear,
  children,
}: {
  label: string;
  count: number;
  onClear: () => void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Paper
      role="region"
      aria-label={label}
      withBorder
      radius="lg"
      px="md"
      py="xs"
      mb="md"
      bg="indigo.0"
      style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 0px) + 8px)', zIndex: 3 }}
    >
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          <Text size="sm" fw={700} role="status" data-testid="selected-count">
            {t('bulk.selected', { count })}
          </Text>
          {children}
        </Group>
        <Button variant="subtle" size="xs" onClick={onClear}>
          {t('bulk.clear')}
        </Button>
      </Group>
    </Paper>
  );
}

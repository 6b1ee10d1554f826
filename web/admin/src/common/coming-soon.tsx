import { EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

/** A tidy placeholder for a section that is still being built. */
export function ComingSoon({
  icon,
  title,
  children,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="lg" p="xl" data-testid="coming-soon">
      <EmptyState variant="light" icon={icon} title={title} description={children} py="lg" />
    </Paper>
  );
}

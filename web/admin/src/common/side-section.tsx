import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A small titled card in a detail page's side column. */
export function SideSection({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} fz="xs" tt="uppercase" c="dimmed" mb="sm" style={{ letterSpacing: '0.05em' }}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

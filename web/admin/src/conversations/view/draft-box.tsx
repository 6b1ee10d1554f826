import { Group, Paper, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { Draft } from '../../api/types.ts';
import { DateText } from '../../common/date-text.tsx';
import { PencilIcon } from '../../common/icons.tsx';
import classes from './conversation-view.module.css';

/** The AI's email reply waiting for staff review (read-only for now). */
export function DraftBox({ draft }: { draft: Draft }) {
  const titleId = useId();
  return (
    <Paper
      component="section"
      aria-labelledby={titleId}
      radius="md"
      p="md"
      className={classes.draft}
      data-testid="draft"
    >
      <Group justify="space-between" gap="xs" mb="xs">
        <Group gap={6} c="violet.9">
          <PencilIcon size={16} />
          <Title order={2} fz="sm" id={titleId}>
            Draft reply (waiting for review)
          </Title>
        </Group>
        <Text size="xs" c="dimmed">
          Last edited <DateText iso={draft.updatedAt} />
        </Text>
      </Group>
      <Text size="sm" className={classes.text}>
        {draft.body}
      </Text>
    </Paper>
  );
}

import { Avatar, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ThreadNote, ThreadReply } from '../../api/ticket-types.ts';
import { DateText } from '../../common/date-text.tsx';
import { useT } from '../../i18n/use-t.ts';
import { DeliveryState } from './delivery-state.tsx';
import classes from './ticket-view.module.css';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('') || 'S';

type Props = { ticketNumber: number; entry: ThreadReply | ThreadNote };

/** A staff reply (with how it was delivered) or an internal note (yellow, labelled, never sent). */
export function StaffEntry({ ticketNumber, entry }: Props) {
  const t = useT();
  const note = entry.kind === 'note';
  return (
    <Paper
      component="li"
      withBorder={!note}
      radius="md"
      p="md"
      className={note ? classes.note : classes.reply}
      data-testid={note ? 'ticket-note' : 'ticket-reply'}
      data-entry-id={entry.id}
    >
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Avatar color={note ? 'yellow' : 'teal'} radius="xl" size={34} aria-hidden="true">
          {initials(entry.author.name)}
        </Avatar>
        <Stack gap={8} miw={0} style={{ flex: 1 }}>
          <Group gap={8} justify="space-between" wrap="wrap">
            <Group gap={6} wrap="nowrap" miw={0}>
              <Text size="sm" fw={700} truncate>
                {entry.author.name}
              </Text>
              {note ? (
                <Badge size="sm" color="yellow.6" c="dark.9" radius="sm" tt="none">
                  {t('ticket.note.label')}
                </Badge>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('ticket.reply.replied')}
                </Text>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              <DateText iso={entry.createdAt} />
            </Text>
          </Group>
          <Text size="sm" className={classes.body} data-testid="entry-body">
            {entry.body}
          </Text>
          {note ? (
            <Text size="xs" c="dimmed">
              {t('ticket.note.private')}
            </Text>
          ) : (
            <DeliveryState ticketNumber={ticketNumber} reply={entry} />
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

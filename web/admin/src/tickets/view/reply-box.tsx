import { Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useAddTicketNote, useReplyToTicket } from '../../api/ticket-mutations.ts';
import { ErrorState } from '../../common/error-state.tsx';
import { useT } from '../../i18n/use-t.ts';
import { useFocusShortcut } from '../../keyboard/shortcuts.ts';
import classes from './ticket-view.module.css';

type Mode = 'reply' | 'note';

/** Writes a reply to the customer or an internal note; `r` focuses it, Ctrl/Cmd+Enter sends. */
export function ReplyBox({ ticketNumber, customerName }: { ticketNumber: number; customerName: string }) {
  const t = useT();
  const [mode, setMode] = useState<Mode>('reply');
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  useFocusShortcut('reply', input);
  const reply = useReplyToTicket(ticketNumber);
  const note = useAddTicketNote(ticketNumber);
  const action = mode === 'reply' ? reply : note;
  const busy = reply.isPending || note.isPending;
  const error = action.error;

  function send() {
    const body = text.trim();
    if (!body || busy) return;
    action.mutate(body, { onSuccess: () => setText('') });
  }

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-label={t('ticket.reply')}
      data-testid="reply-box"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t('ticket.reply.mode')}
            data={[
              { value: 'reply', label: t('ticket.reply.toCustomer') },
              { value: 'note', label: t('ticket.note.label') },
            ]}
            value={mode}
            onChange={(value) => {
              setMode(value as Mode);
              reply.reset();
              note.reset();
            }}
            w="fit-content"
          />
          <Textarea
            ref={input}
            label={
              mode === 'reply' ? t('ticket.reply.to', { name: customerName }) : t('ticket.note.inputLabel')
            }
            placeholder={t(mode === 'reply' ? 'ticket.reply.placeholder' : 'ticket.note.placeholder')}
            autosize
            minRows={3}
            maxRows={12}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                send();
              }
            }}
            className={mode === 'note' ? classes.noteInput : undefined}
            data-testid="reply-input"
          />
          {error && <ErrorState title={t('ticket.reply.notSent')} error={error} />}
          <Group justify="space-between" gap="sm">
            <Text size="xs" c="dimmed">
              {t('ticket.reply.shortcut')}
            </Text>
            <Button
              type="submit"
              loading={busy}
              disabled={!text.trim()}
              color={mode === 'note' ? 'yellow.8' : undefined}
            >
              {t(mode === 'reply' ? 'ticket.reply.send' : 'ticket.note.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useAddTicketNote, useReplyToTicket } from '../../api/ticket-mutations.ts';
import { AlertIcon } from '../../common/icons.tsx';
import { useFocusShortcut } from '../../keyboard/shortcuts.ts';
import classes from './ticket-view.module.css';

type Mode = 'reply' | 'note';

const MODES = [
  { value: 'reply', label: 'Reply to customer' },
  { value: 'note', label: 'Internal note' },
];

/** Writes a reply to the customer or an internal note; `r` focuses it, Ctrl/Cmd+Enter sends. */
export function ReplyBox({ ticketNumber, customerName }: { ticketNumber: number; customerName: string }) {
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
    <Paper withBorder radius="md" p="md" component="section" aria-label="Reply" data-testid="reply-box">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <Stack gap="sm">
          <SegmentedControl
            aria-label="Write a"
            data={MODES}
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
            label={mode === 'reply' ? `Reply to ${customerName}` : 'Internal note (only your team sees it)'}
            placeholder={mode === 'reply' ? 'Write your reply…' : 'Write a note for your team…'}
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
          {error && (
            <Alert variant="light" color="red" icon={<AlertIcon />} role="alert" title="Not sent">
              {errorMessage(error)}
            </Alert>
          )}
          <Group justify="space-between" gap="sm">
            <Text size="xs" c="dimmed">
              Ctrl+Enter (⌘+Enter on a Mac) sends
            </Text>
            <Button
              type="submit"
              loading={busy}
              disabled={!text.trim()}
              color={mode === 'note' ? 'yellow.8' : undefined}
            >
              {mode === 'reply' ? 'Send reply' : 'Add internal note'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

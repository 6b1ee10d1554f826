import { Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { ThreadItem, ThreadMessage } from '../../api/ticket-types.ts';
import { MessageItem } from '../../conversations/view/message-item.tsx';
import { indexToolCalls, messageBlocks } from '../../conversations/view/tool-calls.ts';
import { useT } from '../../i18n/use-t.ts';
import { StaffEntry } from './staff-entry.tsx';

type Props = { ticketNumber: number; thread: ThreadItem[]; customerName: string };

/** The conversation's messages (tool calls collapsed) with the ticket's replies and notes, oldest first. */
export function TicketThread({ ticketNumber, thread, customerName }: Props) {
  const t = useT();
  const rendered = useMemo(() => {
    const messages = thread.filter((item): item is ThreadMessage => item.kind === 'message');
    const index = indexToolCalls(messages);
    return thread.map((item) => ({
      item,
      blocks: item.kind === 'message' ? messageBlocks(item, index) : [],
    }));
  }, [thread]);

  if (thread.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('ticket.thread.empty')}
      </Text>
    );
  }
  return (
    <Stack
      component="ol"
      gap="sm"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('ticket.thread')}
      data-testid="ticket-thread"
    >
      {rendered.map(({ item, blocks }) =>
        item.kind === 'message' ? (
          // MessageItem is an <article> (the conversation view wraps it too): the list needs its own item.
          <li key={`m:${item.id}`}>
            <MessageItem message={item} blocks={blocks} customerName={customerName} />
          </li>
        ) : (
          <StaffEntry key={`${item.kind}:${item.id}`} ticketNumber={ticketNumber} entry={item} />
        ),
      )}
    </Stack>
  );
}

import { Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Message } from '../../api/types.ts';
import { MessageItem } from './message-item.tsx';
import { indexToolCalls, messageBlocks } from './tool-calls.ts';

/** The whole history, oldest first. */
export function MessageList({
  messages,
  customerName,
  customerEmail,
}: {
  messages: Message[];
  customerName: string;
  customerEmail?: string | null;
}) {
  const rendered = useMemo(() => {
    const index = indexToolCalls(messages);
    return messages.map((message) => ({ message, blocks: messageBlocks(message, index) }));
  }, [messages]);

  if (messages.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No messages yet.
      </Text>
    );
  }
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Messages">
      {rendered.map(({ message, blocks }) => (
        <MessageItem
          key={message.id}
          message={message}
          blocks={blocks}
          customerName={customerName}
          customerEmail={customerEmail}
        />
      ))}
    </Stack>
  );
}

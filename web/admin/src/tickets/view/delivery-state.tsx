import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useRetryReplyEmail } from '../../api/ticket-mutations.ts';
import type { ThreadReply } from '../../api/ticket-types.ts';
import { AlertIcon, CheckIcon } from '../../common/icons.tsx';

function Line({ tone, children }: { tone: 'ok' | 'wait' | 'bad'; children: ReactNode }) {
  const color = tone === 'ok' ? 'teal.9' : tone === 'bad' ? 'red.8' : 'dimmed';
  return (
    <Group gap={4} c={color} wrap="nowrap">
      {tone === 'ok' && <CheckIcon size={14} />}
      {tone === 'bad' && <AlertIcon size={14} />}
      <Text size="xs" fw={500} c={color} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

/** How a reply reached the customer: in the chat, by email (sent, sending, failed + Retry), or not at all. */
export function DeliveryState({ ticketNumber, reply }: { ticketNumber: number; reply: ThreadReply }) {
  const retry = useRetryReplyEmail(ticketNumber);
  const { chat, email } = reply.delivery;
  return (
    <Group gap="md" wrap="wrap" data-testid="delivery" data-email-status={email?.status ?? 'none'}>
      {chat === 'delivered' && <Line tone="ok">Delivered in chat</Line>}
      {email?.status === 'delivered' && <Line tone="ok">Email sent to {email.to}</Line>}
      {email?.status === 'pending' && <Line tone="wait">Sending email to {email.to}…</Line>}
      {email?.status === 'failed' && (
        <Group gap="xs" wrap="nowrap">
          <Line tone="bad">
            Email failed: {email.error || 'the mail server refused it'}
            {email.attempts > 1 ? ` (${email.attempts} attempts)` : ''}
          </Line>
          <Button
            size="compact-xs"
            variant="light"
            color="red"
            loading={retry.isPending}
            onClick={() => retry.mutate(reply.id)}
          >
            Retry
          </Button>
        </Group>
      )}
      {!chat && !email && <Line tone="wait">Saved; the customer has no chat or email to deliver it to</Line>}
      {retry.isError && (
        <Text size="xs" c="red.8" role="alert">
          {errorMessage(retry.error)}
        </Text>
      )}
    </Group>
  );
}

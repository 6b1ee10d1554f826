import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useRetryReplyEmail } from '../../api/ticket-mutations.ts';
import type { ThreadReply } from '../../api/ticket-types.ts';
import { AlertIcon, CheckIcon } from '../../common/icons.tsx';
import { useT } from '../../i18n/use-t.ts';

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
  const t = useT();
  const retry = useRetryReplyEmail(ticketNumber);
  const { chat, email } = reply.delivery;
  return (
    <Group gap="md" wrap="wrap" data-testid="delivery" data-email-status={email?.status ?? 'none'}>
      {chat === 'delivered' && <Line tone="ok">{t('ticket.delivery.chat')}</Line>}
      {email?.status === 'delivered' && (
        <Line tone="ok">{t('ticket.delivery.emailSent', { to: email.to })}</Line>
      )}
      {email?.status === 'pending' && (
        <Line tone="wait">{t('ticket.delivery.emailSending', { to: email.to })}</Line>
      )}
      {email?.status === 'failed' && (
        <Group gap="xs" wrap="nowrap">
          <Line tone="bad">
            {t('ticket.delivery.emailFailed', { error: email.error || t('email.refused') })}
            {email.attempts > 1 ? ` (${t('email.attempts', { count: email.attempts })})` : ''}
          </Line>
          <Button
            size="compact-xs"
            variant="light"
            color="red"
            loading={retry.isPending}
            onClick={() => retry.mutate(reply.id)}
          >
            {t('ticket.delivery.retry')}
          </Button>
        </Group>
      )}
      {!chat && !email && <Line tone="wait">{t('ticket.delivery.nowhere')}</Line>}
      {retry.isError && (
        <Text size="xs" c="red.8" role="alert">
          {errorMessage(retry.error)}
        </Text>
      )}
    </Group>
  );
}

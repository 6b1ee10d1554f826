import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ConversationDetail, LinkedTicket, Rating } from '../../api/types.ts';
import { DateText } from '../../common/date-text.tsx';
import { customerLabel } from '../../common/format.ts';
import { ThumbDownIcon, ThumbUpIcon } from '../../common/icons.tsx';
import { SideSection } from '../../common/side-section.tsx';
import { useT } from '../../i18n/use-t.ts';
import { CreateTicketButton } from '../../tickets/create-ticket-button.tsx';
import { PRIORITY_KEYS, REASON_KEYS } from '../../tickets/labels.ts';
import { TicketStatusBadge } from '../../tickets/ticket-badges.tsx';
import { CHANNEL_KEYS, labelIn } from '../labels.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function TicketRow({ ticket }: { ticket: LinkedTicket }) {
  const t = useT();
  return (
    <Stack gap={2} data-testid="linked-ticket" data-ticket-number={ticket.number}>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Anchor component={Link} to={`/tickets/${ticket.number}`} fw={600} size="sm">
          {t('ticket.numbered', { number: String(ticket.number) })}
        </Anchor>
        <TicketStatusBadge status={ticket.status} size="sm" />
      </Group>
      <Text size="xs" c="dimmed">
        {t('conversation.ticketSummary', {
          priority: labelIn(t, PRIORITY_KEYS, ticket.priority),
          category: ticket.category,
          reason: labelIn(t, REASON_KEYS, ticket.reason),
        })}
      </Text>
    </Stack>
  );
}

function RatingView({ rating }: { rating: Rating }) {
  const t = useT();
  const good = rating.rating === 'good';
  return (
    <Stack gap={4} data-testid="rating" data-rating={rating.rating}>
      <Group gap={6} c={good ? 'teal.9' : 'red.9'}>
        {good ? <ThumbUpIcon size={18} /> : <ThumbDownIcon size={18} />}
        <Text fw={600} size="sm">
          {t(good ? 'conversation.rating.good' : 'conversation.rating.bad')}
        </Text>
      </Group>
      {rating.comment && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          “{rating.comment}”
        </Text>
      )}
      <Text size="xs" c="dimmed">
        <DateText iso={rating.createdAt} />
      </Text>
    </Stack>
  );
}

/** Details, linked tickets and the customer's rating. */
export function ConversationSidebar({ conversation }: { conversation: ConversationDetail }) {
  const t = useT();
  return (
    <Stack gap="md">
      <SideSection title={t('conversation.details')}>
        <Stack gap="sm">
          <Field label={t('conversation.customer')}>{customerLabel(conversation.customer, t)}</Field>
          {conversation.customer.name && conversation.customer.email && (
            <Field label={t('conversation.email')}>{conversation.customer.email}</Field>
          )}
          <Field label={t('conversation.channel')}>
            {labelIn(t, CHANNEL_KEYS, conversation.channel)}
            {conversation.channelName ? ` · ${conversation.channelName}` : ''}
          </Field>
          <Field label={t('conversation.started')}>
            <DateText iso={conversation.startedAt} />
          </Field>
          <Field label={t('conversation.lastMessage')}>
            <DateText iso={conversation.lastMessageAt} />
          </Field>
        </Stack>
      </SideSection>
      <SideSection title={t('conversation.tickets')} testId="linked-tickets">
        <Stack gap="sm">
          {conversation.tickets.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('conversation.noTickets')}
            </Text>
          ) : (
            conversation.tickets.map((ticket) => <TicketRow key={ticket.number} ticket={ticket} />)
          )}
          <CreateTicketButton conversationId={conversation.id} tickets={conversation.tickets} />
        </Stack>
      </SideSection>
      <SideSection title={t('conversation.rating')}>
        {conversation.rating ? (
          <RatingView rating={conversation.rating} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('conversation.notRated')}
          </Text>
        )}
      </SideSection>
    </Stack>
  );
}

import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ConversationDetail, LinkedTicket, Rating } from '../../api/types.ts';
import { DateText } from '../../common/date-text.tsx';
import { customerLabel } from '../../common/format.ts';
import { ThumbDownIcon, ThumbUpIcon } from '../../common/icons.tsx';
import { SideSection } from '../../common/side-section.tsx';
import { CreateTicketButton } from '../../tickets/create-ticket-button.tsx';
import { PRIORITY_LABELS, REASON_LABELS } from '../../tickets/labels.ts';
import { TicketStatusBadge } from '../../tickets/ticket-badges.tsx';
import { CHANNEL_LABELS, labelOf } from '../labels.ts';

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
  return (
    <Stack gap={2} data-testid="linked-ticket" data-ticket-number={ticket.number}>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Anchor component={Link} to={`/tickets/${ticket.number}`} fw={600} size="sm">
          Ticket #{ticket.number}
        </Anchor>
        <TicketStatusBadge status={ticket.status} size="sm" />
      </Group>
      <Text size="xs" c="dimmed">
        {labelOf(PRIORITY_LABELS, ticket.priority)} priority · {ticket.category} ·{' '}
        {labelOf(REASON_LABELS, ticket.reason)}
      </Text>
    </Stack>
  );
}

function RatingView({ rating }: { rating: Rating }) {
  const good = rating.rating === 'good';
  return (
    <Stack gap={4} data-testid="rating" data-rating={rating.rating}>
      <Group gap={6} c={good ? 'teal.9' : 'red.9'}>
        {good ? <ThumbUpIcon size={18} /> : <ThumbDownIcon size={18} />}
        <Text fw={600} size="sm">
          {good ? 'Good' : 'Bad'}
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
  return (
    <Stack gap="md">
      <SideSection title="Details">
        <Stack gap="sm">
          <Field label="Customer">{customerLabel(conversation.customer)}</Field>
          {conversation.customer.name && conversation.customer.email && (
            <Field label="Email">{conversation.customer.email}</Field>
          )}
          <Field label="Channel">
            {labelOf(CHANNEL_LABELS, conversation.channel)}
            {conversation.channelName ? ` · ${conversation.channelName}` : ''}
          </Field>
          <Field label="Started">
            <DateText iso={conversation.startedAt} />
          </Field>
          <Field label="Last message">
            <DateText iso={conversation.lastMessageAt} />
          </Field>
        </Stack>
      </SideSection>
      <SideSection title="Tickets" testId="linked-tickets">
        <Stack gap="sm">
          {conversation.tickets.length === 0 ? (
            <Text size="sm" c="dimmed">
              No tickets for this conversation.
            </Text>
          ) : (
            conversation.tickets.map((t) => <TicketRow key={t.number} ticket={t} />)
          )}
          <CreateTicketButton conversationId={conversation.id} tickets={conversation.tickets} />
        </Stack>
      </SideSection>
      <SideSection title="Rating">
        {conversation.rating ? (
          <RatingView rating={conversation.rating} />
        ) : (
          <Text size="sm" c="dimmed">
            Not rated.
          </Text>
        )}
      </SideSection>
    </Stack>
  );
}

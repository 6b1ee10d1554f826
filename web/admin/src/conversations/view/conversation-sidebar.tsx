import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ConversationDetail, LinkedTicket, Rating } from '../../api/types.ts';
import { DateText } from '../../common/date-text.tsx';
import { customerLabel } from '../../common/format.ts';
import { ThumbDownIcon, ThumbUpIcon } from '../../common/icons.tsx';
import { CHANNEL_LABELS, labelOf } from '../labels.ts';

const TICKET_STATUS = { new: 'New', open: 'Open', waiting: 'Waiting', resolved: 'Resolved' };
const TICKET_STATUS_COLOR: Record<string, string> = {
  new: 'blue',
  open: 'orange',
  waiting: 'grape',
  resolved: 'teal',
};
const PRIORITY = { low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' };
const REASONS = {
  customer_requested_human: 'Customer asked for a human',
  ai_unable_to_solve: 'AI could not solve it',
  bad_rating: 'Bad rating',
  fallback_mode: 'Fallback mode',
  staff_created: 'Created by staff',
};

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} fz="xs" tt="uppercase" c="dimmed" mb="sm" style={{ letterSpacing: '0.05em' }}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

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
  const color = TICKET_STATUS_COLOR[ticket.status] ?? 'gray';
  return (
    <Stack gap={2} data-testid="linked-ticket" data-ticket-number={ticket.number}>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Anchor component={Link} to={`/tickets/${ticket.number}`} fw={600} size="sm">
          Ticket #{ticket.number}
        </Anchor>
        <Badge size="sm" variant="light" color={color} c={`${color}.9`} radius="sm" tt="none">
          {labelOf(TICKET_STATUS, ticket.status)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {labelOf(PRIORITY, ticket.priority)} priority · {ticket.category} · {labelOf(REASONS, ticket.reason)}
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
      <Section title="Details">
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
      </Section>
      <Section title="Tickets" testId="linked-tickets">
        {conversation.tickets.length === 0 ? (
          <Text size="sm" c="dimmed">
            No tickets for this conversation.
          </Text>
        ) : (
          <Stack gap="sm">
            {conversation.tickets.map((t) => (
              <TicketRow key={t.number} ticket={t} />
            ))}
          </Stack>
        )}
      </Section>
      <Section title="Rating">
        {conversation.rating ? (
          <RatingView rating={conversation.rating} />
        ) : (
          <Text size="sm" c="dimmed">
            Not rated.
          </Text>
        )}
      </Section>
    </Stack>
  );
}

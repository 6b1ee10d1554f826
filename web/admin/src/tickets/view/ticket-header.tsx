import { Button, Flex, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { TicketDetail } from '../../api/ticket-types.ts';
import { BackAnchor, EmailMeta, MetaDot } from '../../common/back-anchor.tsx';
import { customerLabel } from '../../common/format.ts';
import { ChatIcon } from '../../common/icons.tsx';
import { RelativeTime } from '../../common/relative-time.tsx';
import { labelIn } from '../../conversations/labels.ts';
import { richText } from '../../i18n/rich-text.ts';
import { useT } from '../../i18n/use-t.ts';
import { REASON_KEYS } from '../labels.ts';
import { PriorityBadge, TicketStatusBadge } from '../ticket-badges.tsx';
import { DeleteTicketButton } from './delete-ticket-button.tsx';

function ConversationLink({ conversationId }: { conversationId: string | null }) {
  const t = useT();
  if (!conversationId) {
    return (
      <Stack gap={2} align="flex-end">
        <Button variant="default" leftSection={<ChatIcon size={16} />} disabled>
          {t('ticket.viewConversation')}
        </Button>
        <Text size="xs" c="dimmed" data-testid="conversation-expired">
          {t('ticket.conversationExpired', { days: 90 })}
        </Text>
      </Stack>
    );
  }
  return (
    <Button
      component={Link}
      to={`/conversations/${encodeURIComponent(conversationId)}`}
      variant="default"
      leftSection={<ChatIcon size={16} />}
    >
      {t('ticket.viewConversation')}
    </Button>
  );
}

/** Back link, number and customer, status and priority, why the ticket exists, dates, and its actions. */
export function TicketHeader({ ticket, backTo }: { ticket: TicketDetail; backTo: string }) {
  const t = useT();
  const name = customerLabel(ticket.customer, t);
  const email = ticket.customer.email;
  return (
    <Stack gap="sm" mb="lg">
      <BackAnchor to={backTo}>{t('ticket.list')}</BackAnchor>
      <Group justify="space-between" align="flex-start" gap="md">
        {/* Wide enough for the title before the actions share its line; on a phone they wrap below. */}
        <Stack gap={6} miw={0} style={{ flex: '1 1 16rem' }}>
          <Group gap="sm" wrap="wrap" align="center">
            <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere' }}>
              <span data-testid="ticket-number">#{ticket.number}</span>{' '}
              <Text span inherit data-testid="ticket-customer">
                {name}
              </Text>
            </Title>
            <TicketStatusBadge status={ticket.status} size="lg" data-testid="ticket-status" />
            <PriorityBadge priority={ticket.priority} size="lg" data-testid="ticket-priority" />
          </Group>
          <Flex direction={{ base: 'column', sm: 'row' }} gap={{ base: 2, sm: 'xs' }} c="dimmed" wrap="wrap">
            <EmailMeta email={email} name={name} />
            <Text span size="sm" data-testid="ticket-reason">
              {labelIn(t, REASON_KEYS, ticket.reason)}
            </Text>
            <MetaDot />
            <Text span size="sm">
              {richText(t('ticket.createdAt'), { time: <RelativeTime iso={ticket.createdAt} /> })}
            </Text>
            <MetaDot />
            <Text span size="sm">
              {richText(t('ticket.updatedAt'), { time: <RelativeTime iso={ticket.updatedAt} /> })}
            </Text>
          </Flex>
        </Stack>
        <Group gap="sm" align="flex-start">
          <ConversationLink conversationId={ticket.conversationId} />
          <DeleteTicketButton ticketNumber={ticket.number} backTo={backTo} />
        </Group>
      </Group>
    </Stack>
  );
}

import { Flex, Group, Stack, Text, Title } from '@mantine/core';
import { conversationPath } from '../../api/conversations.ts';
import type { ConversationDetail } from '../../api/types.ts';
import { BackAnchor, EmailMeta, MetaDot } from '../../common/back-anchor.tsx';
import { DateText } from '../../common/date-text.tsx';
import { customerLabel } from '../../common/format.ts';
import { richText } from '../../i18n/rich-text.ts';
import { useT } from '../../i18n/use-t.ts';
import { DeletionText } from '../deletion-text.tsx';
import { ExportMenu } from '../export-menu.tsx';
import { CHANNEL_KEYS, labelIn } from '../labels.ts';
import { StatusBadge } from '../status-badge.tsx';
import { ResolveButton } from './resolve-button.tsx';

/** Back link, who the customer is, channel, status, start and deletion dates, Export and Resolve. */
export function ConversationHeader({
  conversation,
  backTo,
}: {
  conversation: ConversationDetail;
  backTo: string;
}) {
  const t = useT();
  const name = customerLabel(conversation.customer, t);
  const email = conversation.customer.email;
  const channel = labelIn(t, CHANNEL_KEYS, conversation.channel);
  return (
    <Stack gap="sm" mb="lg">
      <BackAnchor to={backTo}>{t('conversation.list')}</BackAnchor>
      <Group justify="space-between" align="flex-start" gap="md">
        {/* Wide enough for the name before the actions share its line; on a phone they wrap below. */}
        <Stack gap={6} miw={0} style={{ flex: '1 1 16rem' }}>
          <Group gap="sm" wrap="wrap" align="center">
            <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere' }} data-testid="conversation-customer">
              {name}
            </Title>
            <StatusBadge status={conversation.status} size="lg" data-testid="conversation-status" />
          </Group>
          <Flex
            direction={{ base: 'column', sm: 'row' }}
            gap={{ base: 2, sm: 'xs' }}
            c="dimmed"
            wrap="wrap"
            data-testid="conversation-meta"
          >
            <EmailMeta email={email} name={name} />
            <Text span size="sm" data-testid="conversation-channel">
              {channel}
              {conversation.channelName && conversation.channelName !== channel
                ? ` (${conversation.channelName})`
                : ''}
            </Text>
            <MetaDot />
            <Text span size="sm">
              {richText(t('conversation.startedAt'), { date: <DateText iso={conversation.startedAt} /> })}
            </Text>
            <MetaDot />
            <DeletionText expiresAt={conversation.expiresAt} />
          </Flex>
          {conversation.subject && (
            <Text size="sm">
              <Text span fw={600}>
                {t('conversation.subject')}
              </Text>{' '}
              {conversation.subject}
            </Text>
          )}
        </Stack>
        <Group gap="sm" align="flex-start">
          <ExportMenu
            path={`${conversationPath(conversation.id)}/export`}
            what={t('conversation.exportWhat')}
          />
          <ResolveButton id={conversation.id} status={conversation.status} />
        </Group>
      </Group>
    </Stack>
  );
}

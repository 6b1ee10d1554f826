import { Avatar, Group, Paper, Stack, Text } from '@mantine/core';
import type { Message } from '../../api/types.ts';
import { DateText } from '../../common/date-text.tsx';
import type { MessageKey } from '../../i18n/messages-en.ts';
import { useT } from '../../i18n/use-t.ts';
import { labelIn, ROLE_KEYS } from '../labels.ts';
import classes from './conversation-view.module.css';
import { EmailAttachments, EmailDeliveryLine, EmailHeader, InboundEmailBody } from './email-parts.tsx';
import { ToolCallCard } from './tool-call-card.tsx';
import type { MessageBlock } from './tool-calls.ts';

const ROLE_STYLE: Record<string, { color: string; initials: MessageKey }> = {
  customer: { color: 'gray', initials: 'conversation.initials.customer' },
  ai: { color: 'indigo', initials: 'conversation.initials.ai' },
  staff: { color: 'teal', initials: 'conversation.initials.staff' },
  system: { color: 'yellow', initials: 'conversation.initials.system' },
};

type Props = {
  message: Message;
  blocks: MessageBlock[];
  customerName: string;
  /** Where the emails we send in this conversation go. */
  customerEmail?: string | null;
};

/** The message's text blocks and tool-call cards. */
function Blocks({ blocks }: { blocks: MessageBlock[] }) {
  const t = useT();
  return (
    <>
      {blocks.length === 0 && (
        <Text size="sm" c="dimmed" fs="italic">
          {t('conversation.noText')}
        </Text>
      )}
      {blocks.map((block) =>
        block.kind === 'text' ? (
          <Text key={block.key} size="sm" className={classes.text}>
            {block.text}
          </Text>
        ) : (
          <ToolCallCard
            key={block.key}
            toolName={block.toolName}
            toolCallId={block.toolCallId}
            input={block.call?.input}
            output={block.result?.output}
            hasCall={block.call !== null}
            hasResult={block.result !== null}
          />
        ),
      )}
    </>
  );
}

/** One message: who said it, when, its text and the tools it used; for email, headers and delivery. */
export function MessageItem({ message, blocks, customerName, customerEmail }: Props) {
  const t = useT();
  const role = labelIn(t, ROLE_KEYS, message.role);
  const style = ROLE_STYLE[message.role] ?? ROLE_STYLE.system;
  const author = message.role === 'customer' ? customerName : null;
  const email = message.email ?? null;
  const text = blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : [])).join('\n\n');

  return (
    <Paper
      component="article"
      withBorder
      radius="md"
      p="md"
      data-testid="message"
      data-role={message.role}
      className={classes.message}
      data-variant={message.role}
      data-email={email ? email.direction : undefined}
    >
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Avatar color={style.color} radius="xl" size={34} aria-hidden="true">
          {t(style.initials)}
        </Avatar>
        <Stack gap={8} miw={0} style={{ flex: 1 }}>
          <Group gap={8} justify="space-between" wrap="wrap">
            <Group gap={6} wrap="nowrap" miw={0}>
              <Text size="sm" fw={700} data-testid="message-role">
                {role}
              </Text>
              {author && author !== role && (
                <Text size="sm" c="dimmed" truncate>
                  {author}
                </Text>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              <DateText iso={message.createdAt} />
            </Text>
          </Group>
          {email && <EmailHeader email={email} fallbackTo={customerEmail} />}
          {email?.direction === 'in' ? (
            <InboundEmailBody email={email} text={text}>
              <Blocks blocks={blocks} />
            </InboundEmailBody>
          ) : (
            <Blocks blocks={blocks} />
          )}
          {email && <EmailAttachments email={email} />}
          {email?.delivery && <EmailDeliveryLine delivery={email.delivery} />}
        </Stack>
      </Group>
    </Paper>
  );
}

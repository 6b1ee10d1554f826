import { Button, Code, Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { useT } from '../i18n/use-t.ts';

export type WebhookAction = 'keep' | 'replace' | 'remove';

type Props = {
  /** The stored URL, masked; null when none is stored. */
  masked: string | null;
  action: WebhookAction;
  url: string;
  error?: string;
  onChange: (patch: { webhookAction?: WebhookAction; webhookUrl?: string }) => void;
};

/** The Slack webhook: a URL input, or the stored (masked) URL with Replace and Remove. */
export function SlackWebhookField({ masked, action, url, error, onChange }: Props) {
  const t = useT();
  const description = t('settings.notifications.webhook.description');
  if (!masked || action === 'replace') {
    return (
      <Stack gap={6}>
        <TextInput
          label={t(masked ? 'settings.notifications.webhook.new' : 'settings.notifications.webhook')}
          description={description}
          placeholder="https://hooks.slack.com/services/…"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={url}
          error={error}
          autoFocus={Boolean(masked)}
          onChange={(event) => onChange({ webhookUrl: event.currentTarget.value })}
        />
        {masked && (
          <Button
            size="compact-sm"
            variant="subtle"
            w="fit-content"
            onClick={() => onChange({ webhookAction: 'keep', webhookUrl: '' })}
          >
            {t('settings.notifications.webhook.keepCurrent')}
          </Button>
        )}
      </Stack>
    );
  }
  return (
    <Input.Wrapper label={t('settings.notifications.webhook')} description={description} labelElement="div">
      <Stack gap={6} mt={6}>
        {action === 'remove' ? (
          <Text size="sm" c="red.8" data-testid="slack-webhook-removing">
            {t('settings.notifications.webhook.removed')}
          </Text>
        ) : (
          <Code data-testid="slack-webhook-set" style={{ overflowWrap: 'anywhere' }} w="fit-content">
            {masked}
          </Code>
        )}
        <Group gap="xs">
          {action === 'remove' ? (
            <Button size="xs" variant="default" onClick={() => onChange({ webhookAction: 'keep' })}>
              {t('settings.notifications.webhook.keep')}
            </Button>
          ) : (
            <>
              <Button size="xs" variant="default" onClick={() => onChange({ webhookAction: 'replace' })}>
                {t('settings.notifications.webhook.replace')}
              </Button>
              <Button
                size="xs"
                variant="default"
                color="red"
                onClick={() => onChange({ webhookAction: 'remove' })}
              >
                {t('settings.notifications.webhook.remove')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

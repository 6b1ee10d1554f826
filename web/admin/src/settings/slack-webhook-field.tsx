import { Button, Code, Group, Input, Stack, Text, TextInput } from '@mantine/core';

export type WebhookAction = 'keep' | 'replace' | 'remove';

type Props = {
  /** The stored URL, masked; null when none is stored. */
  masked: string | null;
  action: WebhookAction;
  url: string;
  error?: string;
  onChange: (patch: { webhookAction?: WebhookAction; webhookUrl?: string }) => void;
};

const DESCRIPTION = 'An incoming-webhook URL from your Slack workspace (https://hooks.slack.com/services/…).';

/** The Slack webhook: a URL input, or the stored (masked) URL with Replace and Remove. */
export function SlackWebhookField({ masked, action, url, error, onChange }: Props) {
  if (!masked || action === 'replace') {
    return (
      <Stack gap={6}>
        <TextInput
          label={masked ? 'New Slack webhook URL' : 'Slack webhook URL'}
          description={DESCRIPTION}
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
            Keep current URL
          </Button>
        )}
      </Stack>
    );
  }
  return (
    <Input.Wrapper label="Slack webhook URL" description={DESCRIPTION} labelElement="div">
      <Stack gap={6} mt={6}>
        {action === 'remove' ? (
          <Text size="sm" c="red.8" data-testid="slack-webhook-removing">
            The webhook will be removed when you save.
          </Text>
        ) : (
          <Code data-testid="slack-webhook-set" style={{ overflowWrap: 'anywhere' }} w="fit-content">
            {masked}
          </Code>
        )}
        <Group gap="xs">
          {action === 'remove' ? (
            <Button size="xs" variant="default" onClick={() => onChange({ webhookAction: 'keep' })}>
              Keep webhook
            </Button>
          ) : (
            <>
              <Button size="xs" variant="default" onClick={() => onChange({ webhookAction: 'replace' })}>
                Replace URL
              </Button>
              <Button
                size="xs"
                variant="default"
                color="red"
                onClick={() => onChange({ webhookAction: 'remove' })}
              >
                Remove
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import {
  type ChannelMode,
  type ChannelSetting,
  type ChannelSettings,
  type NewEmailChannel,
  useAddEmailChannel,
  useChannelSettings,
  useSaveChannelModes,
} from '../api/settings.ts';
import { DoneStatus } from '../common/done-status.tsx';
import {
  AlertIcon,
  ApiIcon,
  ChatIcon,
  CheckIcon,
  CopyIcon,
  ExternalLinkIcon,
  MailIcon,
} from '../common/icons.tsx';
import { CHANNEL_LABELS, labelOf } from '../conversations/labels.ts';
import { SectionQuery, SettingsSection } from './settings-parts.tsx';

const MODE_LABELS = { auto: 'Auto-reply', draft: 'Draft for review' };
const MODE_COLORS: Record<string, string> = { auto: 'teal', draft: 'violet' };
const EMAIL_TYPES = new Set<string>(['gmail', 'outlook', 'email']);
const MODE_OPTIONS = [
  { value: 'auto', label: 'Auto' },
  { value: 'draft', label: 'Draft' },
];

/** The tag a storefront pastes into its theme to show the chat widget. */
export const widgetSnippet = (origin: string, widgetKey: string) =>
  `<script src="${origin}/widget.js" data-widget-key="${widgetKey}" async></script>`;

function WidgetInstall({ widgetKey }: { widgetKey: string }) {
  const snippet = widgetSnippet(window.location.origin, widgetKey);
  return (
    <Stack gap="sm" component="section" aria-labelledby="widget-install-title">
      <Title order={3} fz="md" id="widget-install-title">
        Chat widget
      </Title>
      <Text size="sm" c="dimmed">
        Add this tag to your storefront theme (for example just before <Code>{'</body>'}</Code> in{' '}
        <Code>theme.liquid</Code>) to show the chat widget to your customers.
      </Text>
      <Code
        block
        data-testid="widget-snippet"
        aria-label="Widget install snippet"
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {snippet}
      </Code>
      <Group gap="sm">
        <CopyButton value={snippet}>
          {({ copied, copy }) => (
            <Button
              size="sm"
              variant={copied ? 'light' : 'filled'}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
              onClick={copy}
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
        <Anchor href="/demo" target="_blank" rel="noopener" size="sm" fw={500}>
          <Group component="span" gap={4} wrap="nowrap">
            See it on the demo storefront <ExternalLinkIcon size={14} />
          </Group>
        </Anchor>
      </Group>
    </Stack>
  );
}

function ChannelTypeIcon({ type }: { type: string }) {
  if (type === 'widget') return <ChatIcon size={16} />;
  if (EMAIL_TYPES.has(type)) return <MailIcon size={16} />;
  return <ApiIcon size={16} />;
}

/** An email channel's Auto/Draft switch: saved at once, then "Saved" or the server's message. */
function ModeControl({ channel }: { channel: ChannelSetting }) {
  const save = useSaveChannelModes();
  const pendingMode = save.isPending ? save.variables?.[0]?.mode : undefined;
  return (
    <Stack gap={4} data-testid="channel-mode" data-mode={channel.mode}>
      <SegmentedControl
        size="xs"
        aria-label={`Reply mode for ${channel.name}`}
        data={MODE_OPTIONS}
        value={pendingMode ?? channel.mode}
        disabled={save.isPending}
        onChange={(next) => {
          if (next === channel.mode || save.isPending) return;
          save.mutate([{ id: channel.id, mode: next as ChannelMode }]);
        }}
        w="fit-content"
      />
      <Text size="xs" c="teal.9" role="status" aria-live="polite" data-testid="mode-saved">
        {save.isSuccess &&
          (channel.mode === 'draft'
            ? 'Saved: AI replies wait for review'
            : 'Saved: the AI replies by email at once')}
      </Text>
      {save.isError && (
        <Text size="xs" c="red.8" role="alert">
          Not saved: {errorMessage(save.error)}
        </Text>
      )}
    </Stack>
  );
}

function ChannelRow({ channel }: { channel: ChannelSetting }) {
  const color = MODE_COLORS[channel.mode] ?? 'gray';
  return (
    <Table.Tr data-testid="channel-row" data-channel-type={channel.type} data-channel-id={channel.id}>
      <Table.Td>
        <Group gap={6} wrap="nowrap" c="gray.7">
          <ChannelTypeIcon type={channel.type} />
          <Text size="sm" c="dark">
            {labelOf(CHANNEL_LABELS, channel.type)}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        <Text size="sm" fw={500} data-testid="channel-name">
          {channel.name}
        </Text>
        {channel.inboundAddress && channel.inboundAddress !== channel.name && (
          <Text size="xs" c="dimmed" data-testid="channel-address">
            {channel.inboundAddress}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {EMAIL_TYPES.has(channel.type) ? (
          <ModeControl channel={channel} />
        ) : (
          <Badge
            variant="light"
            color={color}
            c={`${color}.9`}
            radius="sm"
            tt="none"
            data-testid="channel-mode"
            data-mode={channel.mode}
          >
            {labelOf(MODE_LABELS, channel.mode)}
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function ChannelList({ channels }: { channels: ChannelSetting[] }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="channel-list-title">
      <Title order={3} fz="md" id="channel-list-title">
        Connected channels
      </Title>
      <Text size="sm" c="dimmed">
        Where customers reach you. For email channels, <b>Auto</b> sends the AI's answer at once; <b>Draft</b>{' '}
        keeps it as a draft on the conversation until someone on your team sends it.
      </Text>
      {channels.length === 0 ? (
        <Text size="sm" data-testid="channels-empty">
          No channels yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="sm" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Type</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Mode</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {channels.map((channel) => (
                <ChannelRow key={channel.id} channel={channel} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validateNewChannel(values: NewEmailChannel) {
  const errors: { name?: string; inboundAddress?: string } = {};
  const name = values.name.trim();
  const address = values.inboundAddress.trim();
  if (!name) errors.name = 'Enter a name, for example "Support inbox".';
  else if (name.length > 100) errors.name = 'Use at most 100 characters.';
  if (!address) errors.inboundAddress = 'Enter the address customers write to.';
  else if (!EMAIL.test(address) || address.length > 200) {
    errors.inboundAddress = 'Enter an email address, for example support@your-store.com.';
  }
  return errors;
}

/** A generic email channel: a name and the inbound address mail arrives at (checked here and by the server). */
function AddEmailChannel() {
  const [values, setValues] = useState<NewEmailChannel>({ name: '', inboundAddress: '' });
  const [submitted, setSubmitted] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const add = useAddEmailChannel();
  const errors = validateNewChannel(values);
  const shown = submitted ? errors : {};

  const update = (patch: Partial<NewEmailChannel>) => {
    setValues((old) => ({ ...old, ...patch }));
    setAdded(null);
    if (add.isError) add.reset();
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="add-email-channel-title">
      <Title order={3} fz="md" id="add-email-channel-title">
        Add an email channel
      </Title>
      <Text size="sm" c="dimmed">
        Have your mail server forward an address to Supportify's inbound mail listener: every new email to it
        becomes a conversation. New channels start in Auto mode.
      </Text>
      <form
        noValidate
        aria-label="Add email channel"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          if (add.isPending || Object.keys(errors).length > 0) return;
          const input = { name: values.name.trim(), inboundAddress: values.inboundAddress.trim() };
          add.mutate(input, {
            onSuccess: () => {
              setValues({ name: '', inboundAddress: '' });
              setSubmitted(false);
              setAdded(input.inboundAddress);
            },
          });
        }}
      >
        <Stack gap="sm">
          <Group gap="sm" align="flex-start" grow wrap="wrap">
            <TextInput
              label="Channel name"
              placeholder="Support inbox"
              value={values.name}
              onChange={(event) => update({ name: event.currentTarget.value })}
              error={shown.name}
              maxLength={100}
              miw={200}
            />
            <TextInput
              label="Inbound address"
              placeholder="support@your-store.com"
              type="email"
              value={values.inboundAddress}
              onChange={(event) => update({ inboundAddress: event.currentTarget.value })}
              error={shown.inboundAddress}
              maxLength={200}
              miw={220}
            />
          </Group>
          {add.isError && (
            <Alert
              variant="light"
              color="red"
              title="Channel not added"
              icon={<AlertIcon />}
              role="alert"
              data-testid="add-channel-error"
            >
              {errorMessage(add.error)}
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" loading={add.isPending} leftSection={<MailIcon size={16} />}>
              Add email channel
            </Button>
            <DoneStatus shown={added !== null}>Added {added}</DoneStatus>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/**
 * Settings → Channels: the widget install snippet, the shop's channels with the email channels'
 * Auto/Draft mode, and a form for a new email channel.
 */
export function ChannelSettingsSection() {
  const query = useChannelSettings();
  return (
    <SettingsSection
      title="Channels"
      description="Install the chat widget on your store, choose how the AI answers email, and add email channels."
      testId="settings-channels"
    >
      <SectionQuery query={query} what="channel settings">
        {(settings: ChannelSettings) => (
          <Stack gap="xl">
            <WidgetInstall widgetKey={settings.widgetKey} />
            <ChannelList channels={settings.channels} />
            <AddEmailChannel />
          </Stack>
        )}
      </SectionQuery>
    </SettingsSection>
  );
}

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
import { CHANNEL_KEYS, labelIn } from '../conversations/labels.ts';
import { richText } from '../i18n/rich-text.ts';
import { type Translate, useT } from '../i18n/use-t.ts';
import { SectionQuery, SettingsSection } from './settings-parts.tsx';

const MODE_KEYS = {
  auto: 'settings.channels.mode.autoReply',
  draft: 'settings.channels.mode.draftForReview',
} as const;
const MODE_COLORS: Record<string, string> = { auto: 'teal', draft: 'violet' };
const EMAIL_TYPES = new Set<string>(['gmail', 'outlook', 'email']);

/** The tag a storefront pastes into its theme to show the chat widget. */
export const widgetSnippet = (origin: string, widgetKey: string) =>
  `<script src="${origin}/widget.js" data-widget-key="${widgetKey}" async></script>`;

function WidgetInstall({ widgetKey }: { widgetKey: string }) {
  const t = useT();
  const snippet = widgetSnippet(window.location.origin, widgetKey);
  return (
    <Stack gap="sm" component="section" aria-labelledby="widget-install-title">
      <Title order={3} fz="md" id="widget-install-title">
        {t('settings.channels.widget')}
      </Title>
      <Text size="sm" c="dimmed">
        {richText(t('settings.channels.widget.help'), {
          body: <Code>{'</body>'}</Code>,
          file: <Code>theme.liquid</Code>,
        })}
      </Text>
      <Code
        block
        data-testid="widget-snippet"
        aria-label={t('settings.channels.widget.snippet')}
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
              {t(copied ? 'settings.channels.copied' : 'settings.channels.copy')}
            </Button>
          )}
        </CopyButton>
        <Anchor href="/demo" target="_blank" rel="noopener" size="sm" fw={500}>
          <Group component="span" gap={4} wrap="nowrap">
            {t('settings.channels.demo')} <ExternalLinkIcon size={14} />
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
  const t = useT();
  const save = useSaveChannelModes();
  const pendingMode = save.isPending ? save.variables?.[0]?.mode : undefined;
  return (
    <Stack gap={4} data-testid="channel-mode" data-mode={channel.mode}>
      <SegmentedControl
        size="xs"
        aria-label={t('settings.channels.modeFor', { name: channel.name })}
        data={[
          { value: 'auto', label: t('settings.channels.mode.auto') },
          { value: 'draft', label: t('settings.channels.mode.draft') },
        ]}
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
          t(channel.mode === 'draft' ? 'settings.channels.savedDraft' : 'settings.channels.savedAuto')}
      </Text>
      {save.isError && (
        <Text size="xs" c="red.8" role="alert">
          {t('settings.channels.notSaved', { error: errorMessage(save.error) })}
        </Text>
      )}
    </Stack>
  );
}

function ChannelRow({ channel }: { channel: ChannelSetting }) {
  const t = useT();
  const color = MODE_COLORS[channel.mode] ?? 'gray';
  return (
    <Table.Tr data-testid="channel-row" data-channel-type={channel.type} data-channel-id={channel.id}>
      <Table.Td>
        <Group gap={6} wrap="nowrap" c="gray.7">
          <ChannelTypeIcon type={channel.type} />
          <Text size="sm" c="dark">
            {labelIn(t, CHANNEL_KEYS, channel.type)}
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
            {labelIn(t, MODE_KEYS, channel.mode)}
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function ChannelList({ channels }: { channels: ChannelSetting[] }) {
  const t = useT();
  return (
    <Stack gap="sm" component="section" aria-labelledby="channel-list-title">
      <Title order={3} fz="md" id="channel-list-title">
        {t('settings.channels.connected')}
      </Title>
      <Text size="sm" c="dimmed">
        {richText(t('settings.channels.connected.help'), {
          auto: <b>{t('settings.channels.mode.auto')}</b>,
          draft: <b>{t('settings.channels.mode.draft')}</b>,
        })}
      </Text>
      {channels.length === 0 ? (
        <Text size="sm" data-testid="channels-empty">
          {t('settings.channels.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="sm" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.channels.type')}</Table.Th>
                <Table.Th>{t('settings.channels.name')}</Table.Th>
                <Table.Th>{t('settings.channels.mode')}</Table.Th>
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

function validateNewChannel(t: Translate, values: NewEmailChannel) {
  const errors: { name?: string; inboundAddress?: string } = {};
  const name = values.name.trim();
  const address = values.inboundAddress.trim();
  if (!name) errors.name = t('settings.channels.nameRequired');
  else if (name.length > 100) errors.name = t('settings.channels.nameTooLong', { max: 100 });
  if (!address) errors.inboundAddress = t('settings.channels.addressRequired');
  else if (!EMAIL.test(address) || address.length > 200) {
    errors.inboundAddress = t('settings.channels.addressInvalid');
  }
  return errors;
}

/** A generic email channel: a name and the inbound address mail arrives at (checked here and by the server). */
function AddEmailChannel() {
  const t = useT();
  const [values, setValues] = useState<NewEmailChannel>({ name: '', inboundAddress: '' });
  const [submitted, setSubmitted] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const add = useAddEmailChannel();
  const errors = validateNewChannel(t, values);
  const shown = submitted ? errors : {};

  const update = (patch: Partial<NewEmailChannel>) => {
    setValues((old) => ({ ...old, ...patch }));
    setAdded(null);
    if (add.isError) add.reset();
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="add-email-channel-title">
      <Title order={3} fz="md" id="add-email-channel-title">
        {t('settings.channels.addTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('settings.channels.addHelp')}
      </Text>
      <form
        noValidate
        aria-label={t('settings.channels.add')}
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
              label={t('settings.channels.channelName')}
              placeholder={t('settings.channels.channelName.placeholder')}
              value={values.name}
              onChange={(event) => update({ name: event.currentTarget.value })}
              error={shown.name}
              maxLength={100}
              miw={200}
            />
            <TextInput
              label={t('settings.channels.inboundAddress')}
              placeholder={t('settings.channels.inboundAddress.placeholder')}
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
              title={t('settings.channels.notAdded')}
              icon={<AlertIcon />}
              role="alert"
              data-testid="add-channel-error"
            >
              {errorMessage(add.error)}
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" loading={add.isPending} leftSection={<MailIcon size={16} />}>
              {t('settings.channels.add')}
            </Button>
            <DoneStatus shown={added !== null}>
              {t('settings.channels.added', { address: added ?? '' })}
            </DoneStatus>
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
  const t = useT();
  const query = useChannelSettings();
  return (
    <SettingsSection
      title={t('settings.channels.title')}
      description={t('settings.channels.description')}
      testId="settings-channels"
    >
      <SectionQuery query={query} what={t('settings.channels.what')}>
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

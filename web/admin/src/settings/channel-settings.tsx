import { Anchor, Badge, Button, Code, CopyButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { type ChannelSetting, type ChannelSettings, useChannelSettings } from '../api/settings.ts';
import { CheckIcon, CopyIcon, ExternalLinkIcon } from '../common/icons.tsx';
import { CHANNEL_LABELS, labelOf } from '../conversations/labels.ts';
import { SectionQuery, SettingsSection } from './settings-parts.tsx';

const MODE_LABELS = { auto: 'Auto-reply', draft: 'Draft for review' };
const MODE_COLORS: Record<string, string> = { auto: 'teal', draft: 'violet' };

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

function ChannelRow({ channel }: { channel: ChannelSetting }) {
  const color = MODE_COLORS[channel.mode] ?? 'gray';
  return (
    <Table.Tr data-testid="channel-row" data-channel-type={channel.type}>
      <Table.Td>{labelOf(CHANNEL_LABELS, channel.type)}</Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        <Text size="sm" fw={500}>
          {channel.name}
        </Text>
        {channel.inboundAddress && channel.inboundAddress !== channel.name && (
          <Text size="xs" c="dimmed">
            {channel.inboundAddress}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
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
        Where customers reach you. Email channels in <b>Draft for review</b> mode keep the AI's replies as
        drafts until someone on your team sends them.
      </Text>
      {channels.length === 0 ? (
        <Text size="sm" data-testid="channels-empty">
          No channels yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
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

/** Settings → Channels: the widget install snippet and the shop's channels (read-only for now). */
export function ChannelSettingsSection() {
  const query = useChannelSettings();
  return (
    <SettingsSection
      title="Channels"
      description="Install the chat widget on your store and see the channels that feed your conversations."
      testId="settings-channels"
    >
      <SectionQuery query={query} what="channel settings">
        {(settings: ChannelSettings) => (
          <Stack gap="xl">
            <WidgetInstall widgetKey={settings.widgetKey} />
            <ChannelList channels={settings.channels} />
          </Stack>
        )}
      </SectionQuery>
    </SettingsSection>
  );
}

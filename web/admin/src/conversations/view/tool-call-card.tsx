import { Accordion, Badge, Code, Group, Stack, Text } from '@mantine/core';
import { ToolIcon } from '../../common/icons.tsx';
import { useT } from '../../i18n/use-t.ts';
import classes from './conversation-view.module.css';
import { prettyJson } from './tool-calls.ts';

type Props = {
  toolName: string;
  toolCallId: string;
  input: unknown;
  output: unknown;
  hasCall: boolean;
  hasResult: boolean;
};

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const t = useT();
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Code block className={classes.json}>
        {prettyJson(value, t('conversation.tool.none'))}
      </Code>
    </Stack>
  );
}

/** One tool the AI used: collapsed to its name; expands to pretty-printed Input and Output. */
export function ToolCallCard({ toolName, toolCallId, input, output, hasCall, hasResult }: Props) {
  const t = useT();
  return (
    <Accordion
      variant="contained"
      chevronPosition="right"
      radius="md"
      data-testid="tool-call"
      data-tool-name={toolName}
      className={classes.toolCard}
    >
      <Accordion.Item value={toolCallId}>
        <Accordion.Control icon={<ToolIcon size={16} />}>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" ff="monospace" fw={600}>
              {toolName}
            </Text>
            {!hasResult && (
              <Badge size="xs" variant="outline" color="gray" c="gray.8">
                {t('conversation.tool.noResult')}
              </Badge>
            )}
          </Group>
        </Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm">
            {hasCall && <JsonBlock label={t('conversation.tool.input')} value={input} />}
            {hasResult && <JsonBlock label={t('conversation.tool.output')} value={output} />}
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

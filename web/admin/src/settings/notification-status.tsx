import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.ts';
import {
  type NotificationFailure,
  type NotificationTarget,
  type TargetStatus,
  type TestResult,
  useTestNotifications,
} from '../api/notification-settings.ts';
import { DateText } from '../common/date-text.tsx';
import { AlertIcon } from '../common/icons.tsx';

export const TARGET_LABELS: Record<NotificationTarget, string> = { slack: 'Slack', email: 'Email' };

const STATUS = {
  unset: { label: 'Not set up', color: 'gray' },
  ok: { label: 'Working', color: 'teal' },
  failing: { label: 'Failing', color: 'red' },
} as const;

/** Whether a target is set up and its last delivery worked. */
export function TargetStatusBadge({ target, status }: { target: NotificationTarget; status: TargetStatus }) {
  const look = STATUS[status] ?? STATUS.unset;
  return (
    <Badge
      variant="light"
      color={look.color}
      c={`${look.color}.9`}
      radius="sm"
      tt="none"
      data-testid={`status-${target}`}
      data-status={status}
    >
      {TARGET_LABELS[target]}: {look.label}
    </Badge>
  );
}

function resultText(result: TestResult, configured: boolean): string {
  if (!configured && !result.ok) return 'not set up';
  return result.ok ? 'sent' : `failed — ${result.error ?? 'no reason given'}`;
}

/** "Send test notification" to the saved targets, and what each one answered. */
export function TestNotifications({
  unsaved,
  configured,
}: {
  unsaved: boolean;
  /** Which targets the saved settings set up (a test to the others only says "not set up"). */
  configured: Record<NotificationTarget, boolean>;
}) {
  const test = useTestNotifications();
  const results = test.data ? (Object.entries(test.data) as Array<[NotificationTarget, TestResult]>) : [];
  return (
    <Stack gap="xs" data-testid="notification-test">
      <Group gap="sm">
        <Button variant="default" loading={test.isPending} onClick={() => test.mutate()}>
          Send test notification
        </Button>
        <Text size="xs" c="dimmed">
          {unsaved
            ? 'Uses the saved settings: save your changes first.'
            : 'Goes to every target that is set up.'}
        </Text>
      </Group>
      {test.isError && (
        <Alert variant="light" color="red" icon={<AlertIcon />} role="alert" title="Test not sent">
          {errorMessage(test.error)}
        </Alert>
      )}
      {test.isSuccess && (
        <Stack gap={4} role="status" aria-live="polite">
          {results.length === 0 && (
            <Text size="sm">Nothing to test: set up Slack or email recipients first.</Text>
          )}
          {results.map(([target, result]) => (
            <Text
              key={target}
              size="sm"
              c={result.ok ? 'teal.9' : configured[target] ? 'red.8' : 'dimmed'}
              data-testid={`test-result-${target}`}
              data-ok={result.ok}
              style={{ overflowWrap: 'anywhere' }}
            >
              {TARGET_LABELS[target] ?? target}: {resultText(result, configured[target])}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** Notifications that could not be delivered after every retry, newest first. */
export function FailureList({ failures }: { failures: NotificationFailure[] }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="notification-failures-title">
      <Title order={3} fz="md" id="notification-failures-title">
        Recent delivery failures
      </Title>
      {failures.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="no-failures">
          None: every notification was delivered.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" withTableBorder data-testid="notification-failures">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Target</Table.Th>
                <Table.Th>Ticket</Table.Th>
                <Table.Th>Error</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {failures.map((f) => (
                <Table.Tr key={`${f.createdAt}:${f.target}:${f.ticketNumber}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <DateText iso={f.createdAt} />
                  </Table.Td>
                  <Table.Td>{TARGET_LABELS[f.target] ?? f.target}</Table.Td>
                  <Table.Td>
                    {f.ticketNumber === null ? (
                      '—'
                    ) : (
                      <Anchor component={Link} to={`/tickets/${f.ticketNumber}`} size="sm">
                        #{f.ticketNumber}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {f.error}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({f.attempts} {f.attempts === 1 ? 'attempt' : 'attempts'})
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

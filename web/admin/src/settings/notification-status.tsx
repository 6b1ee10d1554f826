import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import {
  type NotificationFailure,
  type NotificationTarget,
  type TargetStatus,
  type TestResult,
  useTestNotifications,
} from '../api/notification-settings.ts';
import { DateText } from '../common/date-text.tsx';
import { ErrorState } from '../common/error-state.tsx';
import { labelIn } from '../conversations/labels.ts';
import { type Translate, useT } from '../i18n/use-t.ts';

const TARGET_KEYS = {
  slack: 'settings.notifications.target.slack',
  email: 'settings.notifications.target.email',
} as const satisfies Record<NotificationTarget, string>;

/** "Slack", "Email"; an unknown target as it is. */
const targetLabel = (t: Translate, target: string) =>
  Object.hasOwn(TARGET_KEYS, target) ? labelIn(t, TARGET_KEYS, target) : target;

const STATUS = {
  unset: { label: 'settings.notifications.status.unset', color: 'gray' },
  ok: { label: 'settings.notifications.status.ok', color: 'teal' },
  failing: { label: 'settings.notifications.status.failing', color: 'red' },
} as const;

/** Whether a target is set up and its last delivery worked. */
export function TargetStatusBadge({ target, status }: { target: NotificationTarget; status: TargetStatus }) {
  const t = useT();
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
      {targetLabel(t, target)}: {t(look.label)}
    </Badge>
  );
}

function resultText(t: Translate, result: TestResult, configured: boolean): string {
  if (!configured && !result.ok) return t('settings.notifications.result.unset');
  if (result.ok) return t('settings.notifications.result.sent');
  return t('settings.notifications.result.failed', {
    error: result.error ?? t('settings.notifications.result.noReason'),
  });
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
  const t = useT();
  const test = useTestNotifications();
  const results = test.data ? (Object.entries(test.data) as Array<[NotificationTarget, TestResult]>) : [];
  return (
    <Stack gap="xs" data-testid="notification-test">
      <Group gap="sm">
        <Button variant="default" loading={test.isPending} onClick={() => test.mutate()}>
          {t('settings.notifications.sendTest')}
        </Button>
        <Text size="xs" c="dimmed">
          {t(unsaved ? 'settings.notifications.test.unsaved' : 'settings.notifications.test.saved')}
        </Text>
      </Group>
      {test.isError && <ErrorState title={t('settings.notifications.test.failed')} error={test.error} />}
      {test.isSuccess && (
        <Stack gap={4} role="status" aria-live="polite">
          {results.length === 0 && <Text size="sm">{t('settings.notifications.test.nothing')}</Text>}
          {results.map(([target, result]) => (
            <Text
              key={target}
              size="sm"
              c={result.ok ? 'teal.9' : configured[target] ? 'red.8' : 'dimmed'}
              data-testid={`test-result-${target}`}
              data-ok={result.ok}
              style={{ overflowWrap: 'anywhere' }}
            >
              {targetLabel(t, target)}: {resultText(t, result, configured[target])}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** Notifications that could not be delivered after every retry, newest first. */
export function FailureList({ failures }: { failures: NotificationFailure[] }) {
  const t = useT();
  return (
    <Stack gap="xs" component="section" aria-labelledby="notification-failures-title">
      <Title order={3} fz="md" id="notification-failures-title">
        {t('settings.notifications.failures')}
      </Title>
      {failures.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="no-failures">
          {t('settings.notifications.failures.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" withTableBorder data-testid="notification-failures">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.notifications.failures.when')}</Table.Th>
                <Table.Th>{t('settings.notifications.failures.target')}</Table.Th>
                <Table.Th>{t('settings.notifications.failures.ticket')}</Table.Th>
                <Table.Th>{t('settings.notifications.failures.error')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {failures.map((f) => (
                <Table.Tr key={`${f.createdAt}:${f.target}:${f.ticketNumber}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <DateText iso={f.createdAt} />
                  </Table.Td>
                  <Table.Td>{targetLabel(t, f.target)}</Table.Td>
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
                      ({t('email.attempts', { count: f.attempts })})
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

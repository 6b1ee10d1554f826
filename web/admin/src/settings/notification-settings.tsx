import { Divider, Group, Stack, Switch, TagsInput, Title } from '@mantine/core';
import {
  type NotificationSettings,
  type NotificationSettingsUpdate,
  useNotificationSettings,
  useSaveNotificationSettings,
} from '../api/notification-settings.ts';
import { FailureList, TargetStatusBadge, TestNotifications } from './notification-status.tsx';
import { SaveBar, SectionQuery, SettingsSection } from './settings-parts.tsx';
import { SlackWebhookField, type WebhookAction } from './slack-webhook-field.tsx';
import { useSettingsForm } from './use-settings-form.ts';

type FormValues = {
  webhookAction: WebhookAction;
  /** A new URL (no webhook stored yet, or replacing it). */
  webhookUrl: string;
  emailRecipients: string[];
  newTicket: boolean;
  urgent: boolean;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validate(values: FormValues, stored: boolean) {
  const errors: { webhookUrl?: string; emailRecipients?: string } = {};
  const url = values.webhookUrl.trim();
  if ((!stored || values.webhookAction === 'replace') && url && !url.startsWith('https://')) {
    errors.webhookUrl = 'Enter an https:// URL, for example https://hooks.slack.com/services/…';
  }
  const bad = values.emailRecipients.filter((email) => !EMAIL.test(email));
  if (bad.length > 0) errors.emailRecipients = `Not an email address: ${bad.join(', ')}`;
  return errors;
}

/** What the PUT sends for the webhook: the masked URL keeps the stored one, '' removes it. */
function webhookToSend(settings: NotificationSettings, values: FormValues): string {
  if (settings.slackWebhookSet && values.webhookAction === 'keep') return settings.slackWebhookUrl ?? '';
  if (values.webhookAction === 'remove') return '';
  return values.webhookUrl.trim();
}

function NotificationsForm({ settings }: { settings: NotificationSettings }) {
  const form = useSettingsForm<FormValues>({
    webhookAction: 'keep',
    webhookUrl: '',
    emailRecipients: settings.emailRecipients,
    newTicket: settings.notifyOn.newTicket,
    urgent: settings.notifyOn.urgent,
  });
  const save = useSaveNotificationSettings();
  const { values } = form;
  const stored = settings.slackWebhookSet;
  const errors = validate(values, stored);
  const webhookChanged = stored ? values.webhookAction !== 'keep' : values.webhookUrl.trim() !== '';
  const dirty =
    webhookChanged ||
    values.emailRecipients.join('\n') !== settings.emailRecipients.join('\n') ||
    values.newTicket !== settings.notifyOn.newTicket ||
    values.urgent !== settings.notifyOn.urgent;

  const update = (patch: Partial<FormValues>) => {
    form.set(patch);
    if (save.isSuccess) save.reset();
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!dirty || save.isPending || Object.keys(errors).length > 0) return;
        const body: NotificationSettingsUpdate = {
          slackWebhookUrl: webhookToSend(settings, values),
          emailRecipients: values.emailRecipients,
          notifyOn: { newTicket: values.newTicket, urgent: values.urgent },
        };
        save.mutate(body, { onSuccess: form.reset });
      }}
    >
      <Stack gap="lg">
        <Group gap="xs">
          <TargetStatusBadge target="slack" status={settings.status.slack} />
          <TargetStatusBadge target="email" status={settings.status.email} />
        </Group>
        <SlackWebhookField
          masked={stored ? settings.slackWebhookUrl : null}
          action={values.webhookAction}
          url={values.webhookUrl}
          error={errors.webhookUrl}
          onChange={update}
        />
        <TagsInput
          label="Email recipients"
          description="Who gets an email for each alert. Press Enter or comma after each address."
          placeholder={values.emailRecipients.length ? '' : 'support@yourshop.com'}
          value={values.emailRecipients}
          onChange={(emailRecipients) => update({ emailRecipients })}
          splitChars={[',', ' ', ';']}
          acceptValueOnBlur
          clearable
          error={errors.emailRecipients}
        />
        <Stack gap="sm">
          <Title order={3} fz="sm">
            Notify when
          </Title>
          <Switch
            label="A new ticket is created"
            checked={values.newTicket}
            onChange={(event) => update({ newTicket: event.currentTarget.checked })}
          />
          <Switch
            label="A ticket is urgent"
            description="Also when a ticket's priority is raised to Urgent."
            checked={values.urgent}
            onChange={(event) => update({ urgent: event.currentTarget.checked })}
          />
        </Stack>
      </Stack>
      <SaveBar form={form} save={save} dirty={dirty} />
      <Divider my="xl" />
      <Stack gap="xl">
        <TestNotifications
          unsaved={dirty}
          configured={{ slack: settings.slackWebhookSet, email: settings.emailRecipients.length > 0 }}
        />
        <FailureList failures={settings.failures} />
      </Stack>
    </form>
  );
}

/** Settings → Notifications: Slack and email alerts for new and urgent tickets, a test, recent failures. */
export function NotificationSettingsSection() {
  const query = useNotificationSettings();
  return (
    <SettingsSection
      title="Notifications"
      description="Get alerted in Slack or by email when a ticket needs your team, so no urgent issue waits."
      testId="settings-notifications"
    >
      <SectionQuery query={query} what="notification settings">
        {(settings) => <NotificationsForm settings={settings} />}
      </SectionQuery>
    </SettingsSection>
  );
}

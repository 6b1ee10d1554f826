import { Divider, Group, Stack, Switch, TagsInput, Title } from '@mantine/core';
import {
  type NotificationSettings,
  type NotificationSettingsUpdate,
  useNotificationSettings,
  useSaveNotificationSettings,
} from '../api/notification-settings.ts';
import { type Translate, useT } from '../i18n/use-t.ts';
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

function validate(t: Translate, values: FormValues, stored: boolean) {
  const errors: { webhookUrl?: string; emailRecipients?: string } = {};
  const url = values.webhookUrl.trim();
  if ((!stored || values.webhookAction === 'replace') && url && !url.startsWith('https://')) {
    errors.webhookUrl = t('settings.notifications.webhookInvalid');
  }
  const bad = values.emailRecipients.filter((email) => !EMAIL.test(email));
  if (bad.length > 0) errors.emailRecipients = t('settings.notifications.notEmail', { list: bad.join(', ') });
  return errors;
}

/** What the PUT sends for the webhook: the masked URL keeps the stored one, '' removes it. */
function webhookToSend(settings: NotificationSettings, values: FormValues): string {
  if (settings.slackWebhookSet && values.webhookAction === 'keep') return settings.slackWebhookUrl ?? '';
  if (values.webhookAction === 'remove') return '';
  return values.webhookUrl.trim();
}

function NotificationsForm({ settings }: { settings: NotificationSettings }) {
  const t = useT();
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
  const errors = validate(t, values, stored);
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
          label={t('settings.notifications.recipients')}
          description={t('settings.notifications.recipients.description')}
          placeholder={
            values.emailRecipients.length ? '' : t('settings.notifications.recipients.placeholder')
          }
          value={values.emailRecipients}
          onChange={(emailRecipients) => update({ emailRecipients })}
          splitChars={[',', ' ', ';']}
          acceptValueOnBlur
          clearable
          error={errors.emailRecipients}
        />
        <Stack gap="sm">
          <Title order={3} fz="sm">
            {t('settings.notifications.notifyWhen')}
          </Title>
          <Switch
            label={t('settings.notifications.newTicket')}
            checked={values.newTicket}
            onChange={(event) => update({ newTicket: event.currentTarget.checked })}
          />
          <Switch
            label={t('settings.notifications.urgent')}
            description={t('settings.notifications.urgent.description')}
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
  const t = useT();
  const query = useNotificationSettings();
  return (
    <SettingsSection
      title={t('settings.notifications.title')}
      description={t('settings.notifications.description')}
      testId="settings-notifications"
    >
      <SectionQuery query={query} what={t('settings.notifications.what')}>
        {(settings) => <NotificationsForm settings={settings} />}
      </SectionQuery>
    </SettingsSection>
  );
}

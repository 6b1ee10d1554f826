import { Alert, Anchor, NumberInput, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type RetentionSettings, useRetentionSettings, useSaveRetentionSettings } from '../api/retention.ts';
import { AlertIcon } from '../common/icons.tsx';
import { useLocale } from '../common/use-locale.ts';
import { numberOrEmpty, SaveBar, SectionQuery, SettingsSection } from './settings-parts.tsx';
import { useSettingsForm } from './use-settings-form.ts';

function RetentionForm({ retention }: { retention: RetentionSettings }) {
  const locale = useLocale();
  const numbers = new Intl.NumberFormat(locale);
  const form = useSettingsForm<{ days: number | '' }>({ days: retention.days });
  const save = useSaveRetentionSettings();
  const days = form.values.days;
  const dirty = days !== '' && days !== retention.days;
  const nextPurge = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(retention.nextPurgeAt),
  );

  return (
    <Stack gap="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!dirty || typeof days !== 'number' || save.isPending) return;
          save.mutate({ days }, { onSuccess: form.reset });
        }}
      >
        <NumberInput
          label="Keep conversations for (days)"
          description={`Conversations and their messages are deleted this many days after they started. At most ${retention.maxDays} days (GDPR and Shopify's data rules).`}
          value={days}
          onChange={(value) => {
            form.set({ days: numberOrEmpty(value) });
            if (save.isSuccess) save.reset();
          }}
          min={1}
          max={retention.maxDays}
          clampBehavior="strict"
          allowDecimal={false}
          allowNegative={false}
          maw={280}
        />
        <SaveBar form={form} save={save} dirty={dirty} />
      </form>
      <Text size="sm" data-testid="retention-next-purge">
        Next purge: <strong>{nextPurge}</strong> —{' '}
        {retention.deletedAtNextPurge === 0
          ? 'nothing to delete.'
          : `${numbers.format(retention.deletedAtNextPurge)} conversations will be deleted.`}
      </Text>
      <Alert variant="light" color={retention.expiringWithin7Days ? 'orange' : 'gray'} icon={<AlertIcon />}>
        {numbers.format(retention.expiringWithin7Days)} conversations are deleted within 7 days.{' '}
        {/* The alert's own text colour: indigo links fall under 4.5:1 on its orange tint. */}
        <Anchor
          component={Link}
          to="/conversations?expiresWithinDays=7"
          c="inherit"
          fw={600}
          underline="always"
        >
          Review and export them
        </Anchor>{' '}
        before they go. Tickets stay; they show their conversation as expired.
      </Alert>
    </Stack>
  );
}

/** Settings → Data retention: how long conversations are kept, and what the next purge deletes. */
export function RetentionSettingsSection() {
  const query = useRetentionSettings();
  return (
    <SettingsSection
      title="Data retention"
      description="Conversations are deleted automatically; export what you need to keep before then."
      testId="settings-retention"
    >
      <SectionQuery query={query} what="retention settings">
        {(retention) => <RetentionForm retention={retention} />}
      </SectionQuery>
    </SettingsSection>
  );
}

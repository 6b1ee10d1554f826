import { Alert, Anchor, NumberInput, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type RetentionSettings, useRetentionSettings, useSaveRetentionSettings } from '../api/retention.ts';
import { AlertIcon } from '../common/icons.tsx';
import { useLocale } from '../common/use-locale.ts';
import { richText } from '../i18n/rich-text.ts';
import { useT } from '../i18n/use-t.ts';
import { numberOrEmpty, SaveBar, SectionQuery, SettingsSection } from './settings-parts.tsx';
import { useSettingsForm } from './use-settings-form.ts';

function RetentionForm({ retention }: { retention: RetentionSettings }) {
  const t = useT();
  const locale = useLocale();
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
          label={t('settings.retention.days')}
          description={t('settings.retention.days.description', { max: retention.maxDays })}
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
        {richText(t('settings.retention.nextPurge'), {
          date: <strong>{nextPurge}</strong>,
          outcome:
            retention.deletedAtNextPurge === 0
              ? t('settings.retention.nothingToDelete')
              : t('settings.retention.willBeDeleted', { count: retention.deletedAtNextPurge }),
        })}
      </Text>
      <Alert variant="light" color={retention.expiringWithin7Days ? 'orange' : 'gray'} icon={<AlertIcon />}>
        {richText(t('settings.retention.expiringSoon', { count: retention.expiringWithin7Days, days: 7 }), {
          // The alert's own text colour: indigo links fall under 4.5:1 on its orange tint.
          link: (
            <Anchor
              component={Link}
              to="/conversations?expiresWithinDays=7"
              c="inherit"
              fw={600}
              underline="always"
            >
              {t('settings.retention.review')}
            </Anchor>
          ),
        })}
      </Alert>
    </Stack>
  );
}

/** Settings → Data retention: how long conversations are kept, and what the next purge deletes. */
export function RetentionSettingsSection() {
  const t = useT();
  const query = useRetentionSettings();
  return (
    <SettingsSection
      title={t('settings.retention.title')}
      description={t('settings.retention.description')}
      testId="settings-retention"
    >
      <SectionQuery query={query} what={t('settings.retention.what')}>
        {(retention) => <RetentionForm retention={retention} />}
      </SectionQuery>
    </SettingsSection>
  );
}

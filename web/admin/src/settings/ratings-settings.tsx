import { Stack, Switch } from '@mantine/core';
import { type RatingSettings, useRatingSettings, useSaveRatingSettings } from '../api/settings.ts';
import { useT } from '../i18n/use-t.ts';
import { SaveBar, SectionQuery, SettingsSection } from './settings-parts.tsx';
import { useSettingsForm } from './use-settings-form.ts';

function RatingsForm({ settings }: { settings: RatingSettings }) {
  const t = useT();
  const form = useSettingsForm(settings);
  const save = useSaveRatingSettings();
  const { values } = form;
  const dirty =
    values.enabled !== settings.enabled || values.escalateOnBadRating !== settings.escalateOnBadRating;

  const update = (patch: Partial<RatingSettings>) => {
    form.set(patch);
    if (save.isSuccess) save.reset();
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!dirty || save.isPending) return;
        save.mutate(
          { enabled: values.enabled, escalateOnBadRating: values.escalateOnBadRating },
          { onSuccess: form.reset },
        );
      }}
    >
      <Stack gap="lg">
        <Switch
          label={t('settings.ratings.enabled')}
          description={t('settings.ratings.enabled.description')}
          checked={values.enabled}
          onChange={(event) => update({ enabled: event.currentTarget.checked })}
        />
        <Switch
          label={t('settings.ratings.escalate')}
          description={t(
            values.enabled ? 'settings.ratings.escalate.description' : 'settings.ratings.escalate.disabled',
          )}
          checked={values.escalateOnBadRating}
          disabled={!values.enabled}
          onChange={(event) => update({ escalateOnBadRating: event.currentTarget.checked })}
        />
      </Stack>
      <SaveBar form={form} save={save} dirty={dirty} />
    </form>
  );
}

/** Settings → Ratings: whether customers are asked to rate chats, and whether bad ratings open tickets. */
export function RatingsSettings() {
  const t = useT();
  const query = useRatingSettings();
  return (
    <SettingsSection
      title={t('settings.ratings.title')}
      description={t('settings.ratings.description')}
      testId="settings-ratings"
    >
      <SectionQuery query={query} what={t('settings.ratings.what')}>
        {(settings) => <RatingsForm settings={settings} />}
      </SectionQuery>
    </SettingsSection>
  );
}

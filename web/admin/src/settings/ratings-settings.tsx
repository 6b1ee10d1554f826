import { Stack, Switch } from '@mantine/core';
import { type RatingSettings, useRatingSettings, useSaveRatingSettings } from '../api/settings.ts';
import { SaveBar, SectionQuery, SettingsSection } from './settings-parts.tsx';
import { useSettingsForm } from './use-settings-form.ts';

function RatingsForm({ settings }: { settings: RatingSettings }) {
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
          label="Ask customers to rate resolved chats"
          description="When a chat is resolved, the widget asks the customer for a good or bad rating and an optional comment."
          checked={values.enabled}
          onChange={(event) => update({ enabled: event.currentTarget.checked })}
        />
        <Switch
          label="Escalate on Bad Rating"
          description={
            values.enabled
              ? 'Creates a ticket when a customer rates a chat badly, so a person follows up.'
              : 'Creates a ticket when a customer rates a chat badly. Turn on ratings to use it.'
          }
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
  const query = useRatingSettings();
  return (
    <SettingsSection
      title="Ratings"
      description="Customer ratings show on each conversation and can escalate unhappy customers to your team."
      testId="settings-ratings"
    >
      <SectionQuery query={query} what="rating settings">
        {(settings) => <RatingsForm settings={settings} />}
      </SectionQuery>
    </SettingsSection>
  );
}

import { Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useSetLanguage } from '../api/auth.ts';
import { errorMessage } from '../api/client.ts';
import { DoneStatus } from '../common/done-status.tsx';
import { LANGUAGES, type Language } from '../i18n/translate.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { SettingsSection } from './settings-parts.tsx';

/** Settings → Your profile: the staff member's own language (saved as soon as it is picked). */
export function ProfileSettingsSection() {
  const t = useT();
  const language = useLanguage();
  const save = useSetLanguage();
  // The picked language shows at once; the saved one takes over when the server answers (or on failure).
  const [picked, setPicked] = useState<Language | null>(null);
  return (
    <SettingsSection
      title={t('settings.profile.title')}
      description={t('settings.profile.description')}
      testId="settings-profile"
    >
      <Stack gap="sm">
        <Radio.Group
          label={t('settings.profile.language')}
          value={picked ?? language}
          onChange={(next) => {
            setPicked(next as Language);
            save.mutate(next as Language, { onSettled: () => setPicked(null) });
          }}
        >
          <Stack gap="xs" mt="xs">
            {LANGUAGES.map((value) => (
              // Each language is named in itself, so it can be found whatever the current one is.
              <Radio key={value} value={value} label={t(`language.${value}`)} lang={value} />
            ))}
          </Stack>
        </Radio.Group>
        <DoneStatus shown={save.isSuccess}>{t('settings.profile.saved')}</DoneStatus>
        {save.isError && (
          <Text c="red" size="sm" role="alert">
            {t('settings.profile.saveFailed')}: {errorMessage(save.error)}
          </Text>
        )}
      </Stack>
    </SettingsSection>
  );
}

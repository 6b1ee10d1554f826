import { Alert, Badge, Group, NumberInput, Progress, Stack, Text, Title } from '@mantine/core';
import { type BillingSettings, useBillingSettings, useSaveBillingSettings } from '../api/settings.ts';
import { AlertIcon } from '../common/icons.tsx';
import { useLocale } from '../common/use-locale.ts';
import { richText } from '../i18n/rich-text.ts';
import { useT } from '../i18n/use-t.ts';
import { numberOrEmpty, SaveBar, SectionQuery, SettingsSection } from './settings-parts.tsx';
import { useSettingsForm } from './use-settings-form.ts';

const MAX_CAP = 100_000_000;

/** "July 2026" for `2026-07`, and the first day of the following month ("August 1, 2026"). */
function monthLabels(month: string, locale: string | undefined) {
  const [year, mon] = month.split('-').map(Number);
  if (!year || !mon) return { month, resetsOn: null };
  const format = (date: Date, options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
    } catch {
      return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }).format(date);
    }
  };
  return {
    month: format(new Date(Date.UTC(year, mon - 1, 1)), { month: 'long', year: 'numeric' }),
    resetsOn: format(new Date(Date.UTC(year, mon, 1)), { dateStyle: 'long' }),
  };
}

function UsageMeter({ billing }: { billing: BillingSettings }) {
  const t = useT();
  const locale = useLocale();
  const numbers = new Intl.NumberFormat(locale);
  const { monthlyAiReplyCap: cap, usage } = billing;
  const labels = monthLabels(usage.month, locale);
  const percent = cap === null ? 0 : cap === 0 ? 100 : Math.min(100, (usage.aiReplies / cap) * 100);
  const color = billing.fallbackMode ? 'red' : percent >= 80 ? 'orange' : 'indigo';

  return (
    <Stack gap={6} data-testid="billing-usage">
      <Group justify="space-between" align="baseline" gap="xs">
        <Title order={3} fz="sm">
          {t('settings.billing.repliesIn', { month: labels.month })}
        </Title>
        {billing.fallbackMode && (
          <Badge color="red" variant="light" c="red.9" radius="sm" tt="none">
            {t('settings.billing.fallbackMode')}
          </Badge>
        )}
      </Group>
      <Text size="sm">
        {richText(t(cap === null ? 'settings.billing.usedNoCap' : 'settings.billing.usedOfCap'), {
          count: (
            <Text span fw={700} fz="lg" data-testid="billing-usage-count">
              {numbers.format(usage.aiReplies)}
            </Text>
          ),
          cap: (
            <span data-testid="billing-cap-label">
              {cap === null ? t('settings.billing.noCap') : numbers.format(cap)}
            </span>
          ),
        })}
      </Text>
      {cap !== null && (
        <Progress
          value={percent}
          color={color}
          size="lg"
          radius="xl"
          aria-label={t('settings.billing.usedLabel', { used: usage.aiReplies, cap })}
        />
      )}
      {labels.resetsOn && (
        <Text size="xs" c="dimmed">
          {t('settings.billing.resetsOn', { date: labels.resetsOn })}
        </Text>
      )}
    </Stack>
  );
}

function BillingForm({ billing }: { billing: BillingSettings }) {
  const t = useT();
  const form = useSettingsForm<{ cap: number | '' }>({ cap: billing.monthlyAiReplyCap ?? '' });
  const save = useSaveBillingSettings();
  const cap = form.values.cap === '' ? null : form.values.cap;
  const dirty = cap !== billing.monthlyAiReplyCap;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!dirty || save.isPending) return;
        save.mutate({ monthlyAiReplyCap: cap }, { onSuccess: form.reset });
      }}
    >
      <NumberInput
        label={t('settings.billing.cap')}
        description={t('settings.billing.cap.description')}
        placeholder={t('settings.billing.noCap')}
        value={form.values.cap}
        onChange={(value) => {
          form.set({ cap: numberOrEmpty(value) });
          if (save.isSuccess) save.reset();
        }}
        min={0}
        max={MAX_CAP}
        clampBehavior="strict"
        allowDecimal={false}
        allowNegative={false}
        maw={280}
      />
      <SaveBar form={form} save={save} dirty={dirty} />
    </form>
  );
}

/** Settings → Billing: this month's AI replies against the cap, the cap, and what fallback mode means. */
export function BillingSettingsSection() {
  const t = useT();
  const query = useBillingSettings();
  return (
    <SettingsSection
      title={t('settings.billing.title')}
      description={t('settings.billing.description')}
      testId="settings-billing"
    >
      <SectionQuery query={query} what={t('settings.billing.what')}>
        {(billing) => (
          <Stack gap="xl">
            <UsageMeter billing={billing} />
            <BillingForm billing={billing} />
            <Alert
              variant="light"
              color={billing.fallbackMode ? 'red' : 'gray'}
              icon={<AlertIcon />}
              title={t(
                billing.fallbackMode ? 'settings.billing.fallbackOn' : 'settings.billing.aboutFallback',
              )}
            >
              {t('settings.billing.fallbackExplained')}
            </Alert>
          </Stack>
        )}
      </SectionQuery>
    </SettingsSection>
  );
}

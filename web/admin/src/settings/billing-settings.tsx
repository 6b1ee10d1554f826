import { Alert, Badge, Group, NumberInput, Progress, Stack, Text, Title } from '@mantine/core';
import { type BillingSettings, useBillingSettings, useSaveBillingSettings } from '../api/settings.ts';
import { AlertIcon } from '../common/icons.tsx';
import { useLocale } from '../common/use-locale.ts';
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
          AI replies in {labels.month}
        </Title>
        {billing.fallbackMode && (
          <Badge color="red" variant="light" c="red.9" radius="sm" tt="none">
            Fallback mode
          </Badge>
        )}
      </Group>
      <Text size="sm">
        <Text span fw={700} fz="lg" data-testid="billing-usage-count">
          {numbers.format(usage.aiReplies)}
        </Text>{' '}
        {cap === null ? (
          <>
            used · <span data-testid="billing-cap-label">No cap</span>
          </>
        ) : (
          <>
            of <span data-testid="billing-cap-label">{numbers.format(cap)}</span> used
          </>
        )}
      </Text>
      {cap !== null && (
        <Progress
          value={percent}
          color={color}
          size="lg"
          radius="xl"
          aria-label={`AI replies used this month: ${numbers.format(usage.aiReplies)} of ${numbers.format(cap)}`}
        />
      )}
      {labels.resetsOn && (
        <Text size="xs" c="dimmed">
          The count starts again on {labels.resetsOn} (UTC).
        </Text>
      )}
    </Stack>
  );
}

function BillingForm({ billing }: { billing: BillingSettings }) {
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
        label="Monthly AI reply cap"
        description="The most AI replies per calendar month (UTC). Leave empty for no cap."
        placeholder="No cap"
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
  const query = useBillingSettings();
  return (
    <SettingsSection
      title="Billing"
      description="Limit how many AI replies the assistant sends each month."
      testId="settings-billing"
    >
      <SectionQuery query={query} what="billing settings">
        {(billing) => (
          <Stack gap="xl">
            <UsageMeter billing={billing} />
            <BillingForm billing={billing} />
            <Alert
              variant="light"
              color={billing.fallbackMode ? 'red' : 'gray'}
              icon={<AlertIcon />}
              title={billing.fallbackMode ? 'Fallback mode is on' : 'About fallback mode'}
            >
              When the cap is reached the assistant stops using tools, tells customers a person will follow up
              and opens a ticket. It answers normally again next month, or as soon as you raise or remove the
              cap.
            </Alert>
          </Stack>
        )}
      </SectionQuery>
    </SettingsSection>
  );
}

import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import { DoneStatus } from '../common/done-status.tsx';
import { ErrorState, QueryErrorState } from '../common/error-state.tsx';
import { useT } from '../i18n/use-t.ts';

/** One settings section: a titled card. */
export function SettingsSection({
  title,
  description,
  testId,
  children,
}: {
  title: string;
  description?: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby={titleId}
      data-testid={testId}
      maw={760}
    >
      <Stack gap={4} mb="lg">
        <Title order={2} fz="h3" id={titleId}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {children}
    </Paper>
  );
}

/** A section's load: skeleton, then the error with Retry, then `children(data)`; `what`: "the AI settings". */
export function SectionQuery<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (query.data !== undefined) return children(query.data);
  if (query.isError) {
    return <QueryErrorState title={t('settings.loadFailed', { what })} query={query} />;
  }
  return <FormSkeleton label={t('settings.loadingWhat', { what })} />;
}

function FormSkeleton({ label }: { label: string }) {
  return (
    <Stack gap="md" aria-busy="true" aria-label={label}>
      <Skeleton height={14} width="45%" />
      <Skeleton height={36} />
      <Skeleton height={14} width="60%" />
      <Skeleton height={36} />
    </Stack>
  );
}

/** While a section's code loads: the card's frame with a skeleton inside. */
export function SectionFallback() {
  const t = useT();
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }} maw={760}>
      <Skeleton height={24} width={160} mb="lg" />
      <FormSkeleton label={t('settings.loading')} />
    </Paper>
  );
}

/**
 * Save (disabled until something changed), Discard changes, an inline "Saved" once the server took it,
 * and the server's message when it did not.
 */
export function FormActions({
  dirty,
  saving,
  saved,
  error,
  onDiscard,
}: {
  dirty: boolean;
  saving: boolean;
  saved: boolean;
  error: unknown;
  onDiscard: () => void;
}) {
  const t = useT();
  return (
    <Stack gap="sm" mt="xl">
      {error != null && <ErrorState title={t('settings.form.notSaved')} error={error} />}
      <Group gap="sm">
        <Button type="submit" disabled={!dirty} loading={saving}>
          {t('settings.form.save')}
        </Button>
        <Button variant="default" disabled={!dirty || saving} onClick={onDiscard}>
          {t('settings.form.discard')}
        </Button>
        <DoneStatus shown={saved && !dirty}>{t('settings.form.saved')}</DoneStatus>
      </Group>
    </Stack>
  );
}

/**
 * FormActions for a useSettingsForm form and its save mutation: Discard changes drops the edits and the
 * last save's outcome, then runs `onDiscard` (anything else the form resets).
 */
export function SaveBar({
  form,
  save,
  dirty,
  onDiscard,
}: {
  form: { reset: () => void };
  save: { isPending: boolean; isSuccess: boolean; error: unknown; reset: () => void };
  dirty: boolean;
  onDiscard?: () => void;
}) {
  return (
    <FormActions
      dirty={dirty}
      saving={save.isPending}
      saved={save.isSuccess}
      error={save.error}
      onDiscard={() => {
        form.reset();
        save.reset();
        onDiscard?.();
      }}
    />
  );
}

/** A NumberInput's value as a number, or '' while the field is empty or not a number yet. */
export function numberOrEmpty(value: string | number): number | '' {
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  const next = Number(value);
  return value.trim() === '' || !Number.isFinite(next) ? '' : next;
}

import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import {
  type SavedView,
  type SavedViewKind,
  useDeleteSavedView,
  useRenameSavedView,
} from '../api/saved-views.ts';
import { useT } from '../i18n/use-t.ts';
import { describeFilters } from './view-filters.ts';

/** One saved view: its name and filters, renamed in place, deleted after a second click. */
export function SavedViewRow({ kind, view }: { kind: SavedViewKind; view: SavedView }) {
  const t = useT();
  const rename = useRenameSavedView(kind);
  const remove = useDeleteSavedView(kind);
  const [mode, setMode] = useState<'show' | 'rename' | 'confirm'>('show');
  const [name, setName] = useState(view.name);
  const error = rename.error ?? remove.error;
  const filters = describeFilters(view.filters, kind, t) ?? t('views.noFilters');
  const show = () => {
    rename.reset();
    remove.reset();
    setMode('show');
  };

  return (
    <Paper withBorder radius="md" p="sm" data-testid="saved-view-row">
      {mode === 'rename' ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            rename.mutate({ id: view.id, name: name.trim() }, { onSuccess: show });
          }}
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('views.rename.label', { name: view.name })}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              maxLength={80}
              required
              data-autofocus
              style={{ flex: 1 }}
            />
            <Button variant="default" onClick={show} disabled={rename.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={rename.isPending} disabled={!name.trim()}>
              {t('common.save')}
            </Button>
          </Group>
        </form>
      ) : (
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} truncate>
              {mode === 'confirm' ? t('views.delete.question', { name: view.name }) : view.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {view.createdBy ? t('views.savedBy', { filters, name: view.createdBy.name }) : filters}
            </Text>
          </Stack>
          {mode === 'confirm' ? (
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="default" onClick={show} disabled={remove.isPending}>
                {t('common.cancel')}
              </Button>
              <Button
                size="xs"
                color="red.8"
                loading={remove.isPending}
                onClick={() => remove.mutate(view.id)}
                aria-label={t('views.delete.confirmAria', { name: view.name })}
              >
                {t('common.delete')}
              </Button>
            </Group>
          ) : (
            <Group gap="xs" wrap="nowrap">
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setName(view.name);
                  setMode('rename');
                }}
                aria-label={t('views.rename.aria', { name: view.name })}
              >
                {t('views.rename')}
              </Button>
              <Button
                size="xs"
                variant="outline"
                color="red.8"
                onClick={() => setMode('confirm')}
                aria-label={t('views.delete.aria', { name: view.name })}
              >
                {t('views.delete')}
              </Button>
            </Group>
          )}
        </Group>
      )}
      {error && (
        <Text size="xs" c="red.8" role="alert" mt={4}>
          {errorMessage(error)}
        </Text>
      )}
    </Paper>
  );
}

import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import {
  type SavedView,
  type SavedViewKind,
  useDeleteSavedView,
  useRenameSavedView,
} from '../api/saved-views.ts';
import { describeFilters } from './view-filters.ts';

/** One saved view: its name and filters, renamed in place, deleted after a second click. */
export function SavedViewRow({ kind, view }: { kind: SavedViewKind; view: SavedView }) {
  const rename = useRenameSavedView(kind);
  const remove = useDeleteSavedView(kind);
  const [mode, setMode] = useState<'show' | 'rename' | 'confirm'>('show');
  const [name, setName] = useState(view.name);
  const error = rename.error ?? remove.error;
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
              label={`New name for ${view.name}`}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              maxLength={80}
              required
              data-autofocus
              style={{ flex: 1 }}
            />
            <Button variant="default" onClick={show} disabled={rename.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={rename.isPending} disabled={!name.trim()}>
              Save
            </Button>
          </Group>
        </form>
      ) : (
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} truncate>
              {mode === 'confirm' ? `Delete “${view.name}” for everyone?` : view.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {describeFilters(view.filters) ?? 'No filters'}
              {view.createdBy ? ` · saved by ${view.createdBy.name}` : ''}
            </Text>
          </Stack>
          {mode === 'confirm' ? (
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="default" onClick={show} disabled={remove.isPending}>
                Cancel
              </Button>
              <Button
                size="xs"
                color="red.8"
                loading={remove.isPending}
                onClick={() => remove.mutate(view.id)}
                aria-label={`Delete view ${view.name}`}
              >
                Delete
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
                aria-label={`Rename view ${view.name}`}
              >
                Rename
              </Button>
              <Button
                size="xs"
                variant="outline"
                color="red.8"
                onClick={() => setMode('confirm')}
                aria-label={`Delete view ${view.name}…`}
              >
                Delete…
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

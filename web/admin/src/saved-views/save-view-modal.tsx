import { Button, Group, Modal, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { type SavedViewKind, useCreateSavedView, type ViewFilters } from '../api/saved-views.ts';
import { describeFilters } from './view-filters.ts';

type Props = { kind: SavedViewKind; filters: ViewFilters; opened: boolean; onClose: () => void };

/** Names the list's current filters and saves them for everyone in the shop. */
export function SaveViewModal({ kind, filters, opened, onClose }: Props) {
  const create = useCreateSavedView(kind);
  const [name, setName] = useState('');
  const close = () => {
    if (create.isPending) return;
    setName('');
    create.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={700}>Save view</Text>} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name: name.trim(), filters }, { onSuccess: close });
        }}
      >
        <TextInput
          label="Name"
          description="Everyone on your team sees saved views."
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          maxLength={80}
          required
          data-autofocus
          error={create.isError ? errorMessage(create.error) : undefined}
        />
        <Text size="sm" c="dimmed" mt="sm" data-testid="view-filters">
          {describeFilters(filters) ?? 'No filters: the whole list.'}
        </Text>
        <Group justify="flex-end" gap="sm" mt="lg">
          <Button variant="default" onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
            Save view
          </Button>
        </Group>
      </form>
    </Modal>
  );
}

import { Button, Group, Modal, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { type SavedViewKind, useCreateSavedView, type ViewFilters } from '../api/saved-views.ts';
import { useT } from '../i18n/use-t.ts';
import { describeFilters } from './view-filters.ts';

type Props = { kind: SavedViewKind; filters: ViewFilters; opened: boolean; onClose: () => void };

/** Names the list's current filters and saves them for everyone in the shop. */
export function SaveViewModal({ kind, filters, opened, onClose }: Props) {
  const t = useT();
  const create = useCreateSavedView(kind);
  const [name, setName] = useState('');
  const close = () => {
    if (create.isPending) return;
    setName('');
    create.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={700}>{t('views.save.title')}</Text>} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name: name.trim(), filters }, { onSuccess: close });
        }}
      >
        <TextInput
          label={t('views.save.name')}
          description={t('views.save.description')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          maxLength={80}
          required
          data-autofocus
          error={create.isError ? errorMessage(create.error) : undefined}
        />
        <Text size="sm" c="dimmed" mt="sm" data-testid="view-filters">
          {describeFilters(filters, kind, t) ?? t('views.save.wholeList')}
        </Text>
        <Group justify="flex-end" gap="sm" mt="lg">
          <Button variant="default" onClick={close} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
            {t('views.save.submit')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}

import { Modal, Stack, Text } from '@mantine/core';
import type { SavedView, SavedViewKind } from '../api/saved-views.ts';
import { useT } from '../i18n/use-t.ts';
import { SavedViewRow } from './saved-view-row.tsx';

type Props = { kind: SavedViewKind; views: SavedView[]; opened: boolean; onClose: () => void };

/** Every saved view of the list, to rename or delete. */
export function ManageViewsModal({ kind, views, opened, onClose }: Props) {
  const t = useT();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={700}>{t('views.title')}</Text>}
      centered
      size="lg"
    >
      {views.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('views.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {views.map((view) => (
            <SavedViewRow key={view.id} kind={kind} view={view} />
          ))}
        </Stack>
      )}
    </Modal>
  );
}

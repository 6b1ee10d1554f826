import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/client.ts';
import { useT } from '../i18n/use-t.ts';
import { AlertIcon } from './icons.tsx';

/**
 * A destructive action confirmed in a modal: the question, what it does, Cancel and the red confirm
 * button (busy while `pending`, which also keeps the modal open), and the server's refusal under `errorTitle`.
 */
export function ConfirmModal({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  onConfirm,
  pending,
  error,
  errorTitle,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending: boolean;
  error: unknown;
  errorTitle: string;
}) {
  const t = useT();
  return (
    <Modal
      opened={opened}
      onClose={() => {
        if (!pending) onClose();
      }}
      title={<Text fw={700}>{title}</Text>}
      centered
    >
      <Text size="sm">{children}</Text>
      {error != null && (
        <Alert variant="light" color="red" icon={<AlertIcon />} role="alert" mt="md" title={errorTitle}>
          {errorMessage(error)}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm" mt="lg">
        <Button variant="default" onClick={onClose} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button color="red.8" loading={pending} onClick={onConfirm} data-autofocus>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}

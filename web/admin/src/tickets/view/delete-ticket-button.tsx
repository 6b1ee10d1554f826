import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { useDeleteTicket } from '../../api/ticket-mutations.ts';
import { ConfirmModal } from '../../common/confirm-modal.tsx';
import { useT } from '../../i18n/use-t.ts';

/** "Delete", confirmed in a modal; afterwards back to the ticket list. */
export function DeleteTicketButton({ ticketNumber, backTo }: { ticketNumber: number; backTo: string }) {
  const t = useT();
  const [opened, modal] = useDisclosure(false);
  const remove = useDeleteTicket(ticketNumber);
  const navigate = useNavigate();

  return (
    <>
      <Button variant="outline" color="red.8" onClick={modal.open}>
        {t('ticket.delete')}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={() => {
          modal.close();
          remove.reset();
        }}
        title={t('ticket.delete.question', { number: String(ticketNumber) })}
        confirmLabel={t('ticket.delete.confirm')}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate(backTo, { replace: true }) })}
        pending={remove.isPending}
        error={remove.error}
        errorTitle={t('ticket.delete.failed')}
      >
        {t('ticket.delete.description')}
      </ConfirmModal>
    </>
  );
}

import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { useDeleteTicket } from '../../api/ticket-mutations.ts';
import { ConfirmModal } from '../../common/confirm-modal.tsx';

/** "Delete", confirmed in a modal; afterwards back to the ticket list. */
export function DeleteTicketButton({ ticketNumber, backTo }: { ticketNumber: number; backTo: string }) {
  const [opened, modal] = useDisclosure(false);
  const remove = useDeleteTicket(ticketNumber);
  const navigate = useNavigate();

  return (
    <>
      <Button variant="outline" color="red.8" onClick={modal.open}>
        Delete
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={() => {
          modal.close();
          remove.reset();
        }}
        title={`Delete ticket #${ticketNumber}?`}
        confirmLabel="Delete ticket"
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate(backTo, { replace: true }) })}
        pending={remove.isPending}
        error={remove.error}
        errorTitle="Not deleted"
      >
        The ticket disappears from the Tickets page. Use this for spam or tickets that need no follow-up; the
        conversation itself stays.
      </ConfirmModal>
    </>
  );
}

import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { useDeleteTicket } from '../../api/ticket-mutations.ts';
import { AlertIcon } from '../../common/icons.tsx';

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
      <Modal
        opened={opened}
        onClose={() => {
          if (remove.isPending) return;
          modal.close();
          remove.reset();
        }}
        title={<Text fw={700}>Delete ticket #{ticketNumber}?</Text>}
        centered
      >
        <Text size="sm">
          The ticket disappears from the Tickets page. Use this for spam or tickets that need no follow-up;
          the conversation itself stays.
        </Text>
        {remove.isError && (
          <Alert variant="light" color="red" icon={<AlertIcon />} role="alert" mt="md" title="Not deleted">
            {errorMessage(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm" mt="lg">
          <Button variant="default" onClick={modal.close} disabled={remove.isPending}>
            Cancel
          </Button>
          <Button
            color="red.8"
            loading={remove.isPending}
            onClick={() => remove.mutate(undefined, { onSuccess: () => navigate(backTo, { replace: true }) })}
            data-autofocus
          >
            Delete ticket
          </Button>
        </Group>
      </Modal>
    </>
  );
}

import { Alert, Anchor, Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useCreateTicket } from '../api/ticket-mutations.ts';
import { TICKET_PRIORITIES, type TicketPriority } from '../api/ticket-types.ts';
import { useTicketCategories } from '../api/tickets.ts';
import type { LinkedTicket } from '../api/types.ts';
import { AlertIcon, CheckIcon } from '../common/icons.tsx';
import { PRIORITY_LABELS } from './labels.ts';

const PRIORITY_OPTIONS = TICKET_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }));

function CreateTicketForm({ conversationId, onDone }: { conversationId: string; onDone: () => void }) {
  const categories = useTicketCategories();
  const create = useCreateTicket();
  const [category, setCategory] = useState('');
  const [priority, setPriority] = useState<TicketPriority>('medium');
  const [summary, setSummary] = useState('');
  const names = categories.data ?? [];
  const chosen = category || names[0] || 'Other';

  if (create.data) {
    const { number, created } = create.data;
    return (
      <Stack gap="md" role="status" data-testid="create-ticket-result" data-created={created !== false}>
        <Group gap={6} c={created === false ? undefined : 'teal.9'}>
          {created !== false && <CheckIcon size={18} />}
          <Text fw={600}>
            {created === false
              ? `This conversation already has ticket #${number} open.`
              : `Ticket #${number} created.`}
          </Text>
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Close
          </Button>
          <Button component={Link} to={`/tickets/${number}`}>
            Open ticket #{number}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!summary.trim() || create.isPending) return;
        create.mutate({ conversationId, category: chosen, priority, summary: summary.trim() });
      }}
    >
      <Stack gap="md">
        <NativeSelect
          label="Category"
          data={names.length ? names : [chosen]}
          value={chosen}
          onChange={(e) => setCategory(e.currentTarget.value)}
        />
        <NativeSelect
          label="Priority"
          data={PRIORITY_OPTIONS}
          value={priority}
          onChange={(e) => setPriority(e.currentTarget.value as TicketPriority)}
        />
        <Textarea
          label="Summary"
          description="What the team should do; it starts the ticket's history."
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          data-autofocus
        />
        {create.isError && (
          <Alert variant="light" color="red" icon={<AlertIcon />} role="alert" title="Not created">
            {errorMessage(create.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!summary.trim()}>
            Create ticket
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * For a conversation's sidebar: "Ticket #N is open" when one is, otherwise "Create ticket" (a modal with
 * category, priority and summary).
 */
export function CreateTicketButton({
  conversationId,
  tickets,
}: {
  conversationId: string;
  tickets: LinkedTicket[];
}) {
  const [opened, modal] = useDisclosure(false);
  const open = tickets.find((t) => t.status !== 'resolved');
  if (open && !opened) {
    return (
      <Text size="sm" data-testid="open-ticket-notice">
        <Anchor component={Link} to={`/tickets/${open.number}`} fw={600} inherit>
          Ticket #{open.number}
        </Anchor>{' '}
        is open.
      </Text>
    );
  }
  return (
    <>
      <Button variant="light" size="xs" onClick={modal.open} w="fit-content">
        Create ticket
      </Button>
      <Modal opened={opened} onClose={modal.close} title={<Text fw={700}>Create a ticket</Text>} centered>
        {/* Mounted only while open: each opening starts with an empty form. */}
        {opened && <CreateTicketForm conversationId={conversationId} onDone={modal.close} />}
      </Modal>
    </>
  );
}

import { Anchor, Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCreateTicket } from '../api/ticket-mutations.ts';
import { TICKET_PRIORITIES, type TicketPriority } from '../api/ticket-types.ts';
import { useTicketCategories } from '../api/tickets.ts';
import type { LinkedTicket } from '../api/types.ts';
import { ErrorState } from '../common/error-state.tsx';
import { CheckIcon } from '../common/icons.tsx';
import { labelIn } from '../conversations/labels.ts';
import { richText } from '../i18n/rich-text.ts';
import { useT } from '../i18n/use-t.ts';
import { PRIORITY_KEYS } from './labels.ts';

function CreateTicketForm({ conversationId, onDone }: { conversationId: string; onDone: () => void }) {
  const t = useT();
  const categories = useTicketCategories();
  const create = useCreateTicket();
  const [category, setCategory] = useState('');
  const [priority, setPriority] = useState<TicketPriority>('medium');
  const [summary, setSummary] = useState('');
  const names = categories.data ?? [];
  const chosen = category || names[0] || 'Other';

  if (create.data) {
    const { number, created } = create.data;
    const params = { number: String(number) };
    return (
      <Stack gap="md" role="status" data-testid="create-ticket-result" data-created={created !== false}>
        <Group gap={6} c={created === false ? undefined : 'teal.9'}>
          {created !== false && <CheckIcon size={18} />}
          <Text fw={600}>
            {created === false ? t('ticket.create.alreadyOpen', params) : t('ticket.create.created', params)}
          </Text>
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('ticket.create.close')}
          </Button>
          <Button component={Link} to={`/tickets/${number}`}>
            {t('ticket.create.openTicket', params)}
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
          label={t('ticket.category')}
          data={names.length ? names : [chosen]}
          value={chosen}
          onChange={(e) => setCategory(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('ticket.priority')}
          data={TICKET_PRIORITIES.map((p) => ({ value: p, label: labelIn(t, PRIORITY_KEYS, p) }))}
          value={priority}
          onChange={(e) => setPriority(e.currentTarget.value as TicketPriority)}
        />
        <Textarea
          label={t('ticket.create.summary')}
          description={t('ticket.create.summaryDescription')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          data-autofocus
        />
        {create.isError && <ErrorState title={t('ticket.create.failed')} error={create.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={create.isPending}>
            {t('ticket.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!summary.trim()}>
            {t('ticket.create.button')}
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
  const t = useT();
  const [opened, modal] = useDisclosure(false);
  const open = tickets.find((t) => t.status !== 'resolved');
  if (open && !opened) {
    return (
      <Text size="sm" data-testid="open-ticket-notice">
        {richText(t('ticket.create.isOpen'), {
          ticket: (
            <Anchor component={Link} to={`/tickets/${open.number}`} fw={600} inherit>
              {t('ticket.numbered', { number: String(open.number) })}
            </Anchor>
          ),
        })}
      </Text>
    );
  }
  return (
    <>
      <Button variant="light" size="xs" onClick={modal.open} w="fit-content">
        {t('ticket.create.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={modal.close}
        title={<Text fw={700}>{t('ticket.create.title')}</Text>}
        centered
      >
        {/* Mounted only while open: each opening starts with an empty form. */}
        {opened && <CreateTicketForm conversationId={conversationId} onDone={modal.close} />}
      </Modal>
    </>
  );
}

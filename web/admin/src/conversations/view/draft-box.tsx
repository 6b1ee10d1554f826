import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useDiscardDraft, useSaveDraft, useSendDraft } from '../../api/conversations.ts';
import type { Draft } from '../../api/types.ts';
import { ConfirmModal } from '../../common/confirm-modal.tsx';
import { DateText } from '../../common/date-text.tsx';
import { DoneStatus } from '../../common/done-status.tsx';
import { AlertIcon, MailIcon, PencilIcon } from '../../common/icons.tsx';
import { useFocusShortcut } from '../../keyboard/shortcuts.ts';
import classes from './conversation-view.module.css';

type Props = {
  conversationId: string;
  draft: Draft;
  /** Who the email goes to, when known. */
  recipient: string | null;
};

/**
 * The AI's email reply waiting for review: edit it, save the edit, send it (as it is, or edited) or
 * discard it (confirmed). One request at a time; the server sends a draft once however often it is asked.
 */
export function DraftBox({ conversationId, draft, recipient }: Props) {
  const titleId = useId();
  const [edited, setEdited] = useState<string | null>(null);
  const [confirming, confirm] = useDisclosure(false);
  const save = useSaveDraft(conversationId);
  const send = useSendDraft(conversationId);
  const discard = useDiscardDraft(conversationId);
  // A double click lands before React re-renders the disabled button: the ref turns it away at once.
  const inFlight = useRef(false);
  const editor = useRef<HTMLTextAreaElement>(null);
  useFocusShortcut('reply', editor);
  const busy = save.isPending || send.isPending || discard.isPending;

  const text = edited ?? draft.body;
  const changed = edited !== null && edited !== draft.body;
  const empty = text.trim() === '';
  const error = save.error ?? send.error;

  function run(start: () => void) {
    if (inFlight.current) return;
    inFlight.current = true;
    save.reset();
    send.reset();
    discard.reset();
    start();
  }
  const settled = () => {
    inFlight.current = false;
  };

  const onSave = () =>
    run(() =>
      save.mutate(text, {
        onSuccess: () => setEdited(null),
        onSettled: settled,
      }),
    );
  const onSend = () => run(() => send.mutate(changed ? text : undefined, { onSettled: settled }));
  const onDiscard = () =>
    run(() =>
      discard.mutate(undefined, {
        onSuccess: confirm.close,
        onSettled: settled,
      }),
    );

  return (
    <Paper
      component="section"
      aria-labelledby={titleId}
      radius="md"
      p="md"
      className={classes.draft}
      data-testid="draft"
      data-draft-id={draft.id}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap={6} c="violet.9" wrap="nowrap">
            <PencilIcon size={16} />
            <Title order={2} fz="sm" id={titleId}>
              AI draft — not sent yet
            </Title>
            <Badge size="sm" variant="light" color="violet" c="violet.9" radius="sm" tt="none">
              Waiting for review
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            Last edited <DateText iso={draft.updatedAt} />
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          The AI wrote this email{recipient ? ` to ${recipient}` : ''}. Nothing is sent until you press Send;
          edit it first if you like.
        </Text>
        <Textarea
          ref={editor}
          aria-label="Draft reply"
          autosize
          minRows={4}
          maxRows={18}
          value={text}
          readOnly={busy}
          onChange={(event) => {
            setEdited(event.currentTarget.value);
            save.reset();
          }}
          error={empty ? 'The reply cannot be empty.' : undefined}
          className={classes.draftInput}
          data-testid="draft-body"
        />
        {error != null && (
          <Alert
            variant="light"
            color="red"
            icon={<AlertIcon />}
            role="alert"
            title={send.error ? 'Not sent' : 'Not saved'}
            data-testid="draft-error"
          >
            {errorMessage(error)}
          </Alert>
        )}
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="sm">
            <Button
              leftSection={<MailIcon size={16} />}
              disabled={busy || empty}
              loading={send.isPending}
              onClick={onSend}
            >
              Send
            </Button>
            <Button
              variant="default"
              disabled={busy || empty || !changed}
              loading={save.isPending}
              onClick={onSave}
            >
              Save
            </Button>
            <DoneStatus
              shown={save.isSuccess && !changed}
              idle={
                changed && (
                  <Text span size="xs" c="dimmed">
                    Unsaved changes
                  </Text>
                )
              }
            >
              Saved
            </DoneStatus>
          </Group>
          <Button variant="outline" color="red.8" disabled={busy} onClick={confirm.open}>
            Discard
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => {
          confirm.close();
          discard.reset();
        }}
        title="Discard this draft?"
        confirmLabel="Discard draft"
        onConfirm={onDiscard}
        pending={discard.isPending}
        error={discard.error}
        errorTitle="Not discarded"
      >
        The AI's reply is thrown away and nothing is sent to the customer. The conversation goes back to
        Unresolved.
      </ConfirmModal>
    </Paper>
  );
}

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
import { richText } from '../../i18n/rich-text.ts';
import { useT } from '../../i18n/use-t.ts';
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
  const t = useT();
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
              {t('draft.title')}
            </Title>
            <Badge size="sm" variant="light" color="violet" c="violet.9" radius="sm" tt="none">
              {t('draft.waiting')}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {richText(t('draft.lastEdited'), { date: <DateText iso={draft.updatedAt} /> })}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {recipient ? t('draft.explainedTo', { recipient }) : t('draft.explained')}
        </Text>
        <Textarea
          ref={editor}
          aria-label={t('draft.label')}
          autosize
          minRows={4}
          maxRows={18}
          value={text}
          readOnly={busy}
          onChange={(event) => {
            setEdited(event.currentTarget.value);
            save.reset();
          }}
          error={empty ? t('draft.empty') : undefined}
          className={classes.draftInput}
          data-testid="draft-body"
        />
        {error != null && (
          <Alert
            variant="light"
            color="red"
            icon={<AlertIcon />}
            role="alert"
            title={t(send.error ? 'draft.notSent' : 'draft.notSaved')}
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
              {t('draft.send')}
            </Button>
            <Button
              variant="default"
              disabled={busy || empty || !changed}
              loading={save.isPending}
              onClick={onSave}
            >
              {t('draft.save')}
            </Button>
            <DoneStatus
              shown={save.isSuccess && !changed}
              idle={
                changed && (
                  <Text span size="xs" c="dimmed">
                    {t('draft.unsaved')}
                  </Text>
                )
              }
            >
              {t('draft.saved')}
            </DoneStatus>
          </Group>
          <Button variant="outline" color="red.8" disabled={busy} onClick={confirm.open}>
            {t('draft.discard')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => {
          confirm.close();
          discard.reset();
        }}
        title={t('draft.discard.question')}
        confirmLabel={t('draft.discard.confirm')}
        onConfirm={onDiscard}
        pending={discard.isPending}
        error={discard.error}
        errorTitle={t('draft.discard.failed')}
      >
        {t('draft.discard.description')}
      </ConfirmModal>
    </Paper>
  );
}

import { Button, Stack, Text } from '@mantine/core';
import { errorMessage } from '../../api/client.ts';
import { useSetConversationStatus } from '../../api/conversations.ts';
import type { ConversationStatus } from '../../api/types.ts';
import { CheckIcon, UndoIcon } from '../../common/icons.tsx';
import { useT } from '../../i18n/use-t.ts';
import { announce } from '../../keyboard/announce.tsx';
import { useShortcut } from '../../keyboard/shortcuts.ts';

/** "Resolve", or "Mark unresolved" once resolved; `e` resolves. */
export function ResolveButton({ id, status }: { id: string; status: ConversationStatus }) {
  const t = useT();
  const setStatus = useSetConversationStatus(id);
  const resolved = status === 'resolved';
  useShortcut('resolve', () => {
    if (resolved) announce(t('conversation.alreadyResolved'));
    else if (!setStatus.isPending) setStatus.mutate('resolved');
  });
  return (
    <Stack gap={4} align="flex-end">
      <Button
        variant={resolved ? 'default' : 'filled'}
        color={resolved ? undefined : 'teal.8'}
        leftSection={resolved ? <UndoIcon size={16} /> : <CheckIcon size={16} />}
        loading={setStatus.isPending}
        onClick={() => setStatus.mutate(resolved ? 'unresolved' : 'resolved')}
      >
        {t(resolved ? 'conversation.markUnresolved' : 'conversation.resolve')}
      </Button>
      {setStatus.isError && (
        <Text size="xs" c="red.8" role="alert">
          {errorMessage(setStatus.error)}
        </Text>
      )}
    </Stack>
  );
}

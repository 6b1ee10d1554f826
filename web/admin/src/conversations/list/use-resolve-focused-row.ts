import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch, errorMessage } from '../../api/client.ts';
import { conversationKeys, conversationPath } from '../../api/conversations.ts';
import { useT } from '../../i18n/use-t.ts';
import { announce } from '../../keyboard/announce.tsx';
import { useShortcut } from '../../keyboard/shortcuts.ts';

/** `e` on the Conversations list resolves the conversation whose row has the focus (j/k moved it there). */
export function useResolveFocusedRow(): void {
  const t = useT();
  const queryClient = useQueryClient();
  const resolve = useMutation({
    mutationFn: (id: string) =>
      apiFetch(conversationPath(id), { method: 'PATCH', body: { status: 'resolved' } }),
    onSuccess: () => announce(t('conversationList.resolved')),
    onError: (error) => announce(t('conversationList.notResolved', { error: errorMessage(error) })),
    onSettled: (_data, _error, id) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: conversationKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: conversationKeys.lists() }),
      ]),
  });
  useShortcut('resolve', () => {
    const row = document.activeElement?.closest<HTMLElement>('[data-conversation-id]');
    const id = row?.dataset.conversationId;
    if (!id) return false;
    resolve.mutate(id);
  });
}

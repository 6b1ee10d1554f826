import { Text } from '@mantine/core';
import { formatFullDateTime } from '../common/format.ts';
import { useLocale } from '../common/use-locale.ts';
import { translate } from '../i18n/translate.ts';
import { type Translate, useT } from '../i18n/use-t.ts';

const DAY_MS = 86_400_000;
/** From this many days left the date stands out: time to export what is needed. */
const SOON_DAYS = 7;

const english: Translate = (key, params) => translate('en', key, params);

/** Whole days until the retention purge deletes a conversation, rounded up (0 or less: due now). */
export const daysLeft = (expiresAt: string, now = Date.now()) =>
  Math.ceil((Date.parse(expiresAt) - now) / DAY_MS);

/** "Deleted in 12 days", "Deleted within a day", "Due for deletion" (in English unless given `t`). */
export function deletionLabel(expiresAt: string, now = Date.now(), t: Translate = english): string {
  const days = daysLeft(expiresAt, now);
  if (days <= 0) return t('conversation.deletion.due');
  return t('conversation.deletion.inDays', { count: days });
}

/** When the retention purge deletes the conversation, with the exact date as its tooltip; marked within a week. */
export function DeletionText({ expiresAt, size = 'sm' }: { expiresAt: string; size?: 'xs' | 'sm' }) {
  const t = useT();
  const locale = useLocale();
  const soon = daysLeft(expiresAt) <= SOON_DAYS;
  return (
    <Text
      span
      size={size}
      c={soon ? 'orange.9' : 'dimmed'}
      fw={soon ? 600 : undefined}
      title={t('conversation.deletion.tooltip', { date: formatFullDateTime(expiresAt, locale) })}
      data-testid="conversation-deletion"
    >
      {deletionLabel(expiresAt, Date.now(), t)}
    </Text>
  );
}

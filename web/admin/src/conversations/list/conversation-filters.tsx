import { Button, Group, NativeSelect, Switch } from '@mantine/core';
import { CHANNELS, CONVERSATION_STATUSES, type ConversationFilters } from '../../api/types.ts';
import { useT } from '../../i18n/use-t.ts';
import { CHANNEL_KEYS, labelIn, STATUS_KEYS } from '../labels.ts';
import { SearchInput } from './search-input.tsx';

const SELECT_STYLE = { flex: '1 1 140px', maxWidth: 180 };
/** "Expires within 7 days": what the retention purge deletes within a week (export it first). */
const EXPIRING_DAYS = 7;

type Props = {
  filters: ConversationFilters;
  hasFilters: boolean;
  onChange: (patch: Partial<ConversationFilters>) => void;
  onReset: () => void;
};

/** Status, channel, "Has drafts", "Expires within 7 days" and search, above the table. */
export function ConversationFiltersBar({ filters, hasFilters, onChange, onReset }: Props) {
  const t = useT();
  const all = { value: '', label: t('common.all') };
  return (
    <Group
      align="flex-end"
      gap="md"
      mb="md"
      wrap="wrap"
      role="search"
      aria-label={t('conversationList.filters')}
    >
      <SearchInput
        value={filters.q ?? ''}
        onSearch={(q) => onChange({ q: q || undefined })}
        placeholder={t('conversationList.searchPlaceholder')}
      />
      <NativeSelect
        label={t('conversationList.status')}
        data={[all, ...CONVERSATION_STATUSES.map((s) => ({ value: s, label: labelIn(t, STATUS_KEYS, s) }))]}
        value={filters.status ?? ''}
        onChange={(event) =>
          onChange({ status: (event.currentTarget.value || undefined) as ConversationFilters['status'] })
        }
        style={SELECT_STYLE}
      />
      <NativeSelect
        label={t('conversationList.channel')}
        data={[all, ...CHANNELS.map((c) => ({ value: c, label: labelIn(t, CHANNEL_KEYS, c) }))]}
        value={filters.channel ?? ''}
        onChange={(event) =>
          onChange({ channel: (event.currentTarget.value || undefined) as ConversationFilters['channel'] })
        }
        style={SELECT_STYLE}
      />
      <Switch
        label={t('conversationList.hasDrafts')}
        checked={filters.hasDrafts ?? false}
        onChange={(event) => onChange({ hasDrafts: event.currentTarget.checked || undefined })}
        mb={8}
      />
      <Switch
        label={t('conversationList.expiresWithin', { count: filters.expiresWithinDays ?? EXPIRING_DAYS })}
        checked={filters.expiresWithinDays !== undefined}
        onChange={(event) =>
          onChange({ expiresWithinDays: event.currentTarget.checked ? EXPIRING_DAYS : undefined })
        }
        mb={8}
      />
      {hasFilters && (
        <Button variant="subtle" size="sm" onClick={onReset} ml="auto">
          {t('common.resetFilters')}
        </Button>
      )}
    </Group>
  );
}

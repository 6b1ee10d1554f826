import { Button, Group, NativeSelect, Switch } from '@mantine/core';
import { CHANNELS, CONVERSATION_STATUSES, type ConversationFilters } from '../../api/types.ts';
import { CHANNEL_LABELS, STATUS_LABELS } from '../labels.ts';
import { SearchInput } from './search-input.tsx';

const STATUS_OPTIONS = [
  { value: '', label: 'All' },
  ...CONVERSATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
];
const CHANNEL_OPTIONS = [
  { value: '', label: 'All' },
  ...CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
];

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
  return (
    <Group align="flex-end" gap="md" mb="md" wrap="wrap" role="search" aria-label="Filter conversations">
      <SearchInput value={filters.q ?? ''} onSearch={(q) => onChange({ q: q || undefined })} />
      <NativeSelect
        label="Status"
        data={STATUS_OPTIONS}
        value={filters.status ?? ''}
        onChange={(event) =>
          onChange({ status: (event.currentTarget.value || undefined) as ConversationFilters['status'] })
        }
        style={SELECT_STYLE}
      />
      <NativeSelect
        label="Channel"
        data={CHANNEL_OPTIONS}
        value={filters.channel ?? ''}
        onChange={(event) =>
          onChange({ channel: (event.currentTarget.value || undefined) as ConversationFilters['channel'] })
        }
        style={SELECT_STYLE}
      />
      <Switch
        label="Has drafts"
        checked={filters.hasDrafts ?? false}
        onChange={(event) => onChange({ hasDrafts: event.currentTarget.checked || undefined })}
        mb={8}
      />
      <Switch
        label={`Expires within ${filters.expiresWithinDays ?? EXPIRING_DAYS} days`}
        checked={filters.expiresWithinDays !== undefined}
        onChange={(event) =>
          onChange({ expiresWithinDays: event.currentTarget.checked ? EXPIRING_DAYS : undefined })
        }
        mb={8}
      />
      {hasFilters && (
        <Button variant="subtle" size="sm" onClick={onReset} ml="auto">
          Reset filters
        </Button>
      )}
    </Group>
  );
}

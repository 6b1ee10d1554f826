import { Button, Group, NativeSelect } from '@mantine/core';
import { TICKET_PRIORITIES, TICKET_SORTS, type TicketFilters } from '../../api/ticket-types.ts';
import { useTicketCategories } from '../../api/tickets.ts';
import { labelIn } from '../../conversations/labels.ts';
import { SearchInput } from '../../conversations/list/search-input.tsx';
import { useT } from '../../i18n/use-t.ts';
import { PRIORITY_KEYS, SORT_KEYS } from '../labels.ts';

const SELECT_STYLE = { flex: '1 1 140px', maxWidth: 200 };

type Props = {
  filters: TicketFilters;
  hasFilters: boolean;
  onChange: (patch: Partial<TicketFilters>) => void;
  onReset: () => void;
};

/** Search, priority, category and sort, above the table; every value lives in the URL. */
export function TicketFiltersBar({ filters, hasFilters, onChange, onReset }: Props) {
  const t = useT();
  const all = { value: '', label: t('common.all') };
  const categories = useTicketCategories();
  const known = categories.data ?? [];
  // A category from a shared link stays selectable even before (or without) the list.
  const names = filters.category && !known.includes(filters.category) ? [...known, filters.category] : known;
  return (
    <Group align="flex-end" gap="md" mb="md" wrap="wrap" role="search" aria-label={t('ticketList.filters')}>
      <SearchInput
        value={filters.q ?? ''}
        onSearch={(q) => onChange({ q: q || undefined })}
        placeholder={t('ticketList.searchPlaceholder')}
      />
      <NativeSelect
        label={t('ticketList.priority')}
        data={[
          all,
          ...[...TICKET_PRIORITIES].reverse().map((p) => ({ value: p, label: labelIn(t, PRIORITY_KEYS, p) })),
        ]}
        value={filters.priority ?? ''}
        onChange={(event) =>
          onChange({ priority: (event.currentTarget.value || undefined) as TicketFilters['priority'] })
        }
        style={SELECT_STYLE}
      />
      <NativeSelect
        label={t('ticketList.category')}
        data={[all, ...names.map((name) => ({ value: name, label: name }))]}
        value={filters.category ?? ''}
        onChange={(event) => onChange({ category: event.currentTarget.value || undefined })}
        style={SELECT_STYLE}
      />
      <NativeSelect
        label={t('ticketList.sortBy')}
        data={TICKET_SORTS.map((s) => ({ value: s, label: labelIn(t, SORT_KEYS, s) }))}
        value={filters.sort ?? 'updated'}
        onChange={(event) => {
          const sort = event.currentTarget.value as TicketFilters['sort'];
          onChange({ sort: sort === 'updated' ? undefined : sort });
        }}
        style={SELECT_STYLE}
      />
      {hasFilters && (
        <Button variant="subtle" size="sm" onClick={onReset} ml="auto">
          {t('common.resetFilters')}
        </Button>
      )}
    </Group>
  );
}

import { Button, Group, NativeSelect } from '@mantine/core';
import { TICKET_PRIORITIES, TICKET_SORTS, type TicketFilters } from '../../api/ticket-types.ts';
import { useTicketCategories } from '../../api/tickets.ts';
import { SearchInput } from '../../conversations/list/search-input.tsx';
import { PRIORITY_LABELS, SORT_LABELS } from '../labels.ts';

const PRIORITY_OPTIONS = [
  { value: '', label: 'All' },
  ...[...TICKET_PRIORITIES].reverse().map((p) => ({ value: p, label: PRIORITY_LABELS[p] })),
];
const SORT_OPTIONS = TICKET_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }));

const SELECT_STYLE = { flex: '1 1 140px', maxWidth: 200 };

type Props = {
  filters: TicketFilters;
  hasFilters: boolean;
  onChange: (patch: Partial<TicketFilters>) => void;
  onReset: () => void;
};

/** Search, priority, category and sort, above the table; every value lives in the URL. */
export function TicketFiltersBar({ filters, hasFilters, onChange, onReset }: Props) {
  const categories = useTicketCategories();
  const known = categories.data ?? [];
  // A category from a shared link stays selectable even before (or without) the list.
  const names = filters.category && !known.includes(filters.category) ? [...known, filters.category] : known;
  return (
    <Group align="flex-end" gap="md" mb="md" wrap="wrap" role="search" aria-label="Filter tickets">
      <SearchInput
        value={filters.q ?? ''}
        onSearch={(q) => onChange({ q: q || undefined })}
        placeholder="Customer, email, category or #number"
      />
      <NativeSelect
        label="Priority"
        data={PRIORITY_OPTIONS}
        value={filters.priority ?? ''}
        onChange={(event) =>
          onChange({ priority: (event.currentTarget.value || undefined) as TicketFilters['priority'] })
        }
        style={SELECT_STYLE}
      />
      <NativeSelect
        label="Category"
        data={[{ value: '', label: 'All' }, ...names.map((name) => ({ value: name, label: name }))]}
        value={filters.category ?? ''}
        onChange={(event) => onChange({ category: event.currentTarget.value || undefined })}
        style={SELECT_STYLE}
      />
      <NativeSelect
        label="Sort by"
        data={SORT_OPTIONS}
        value={filters.sort ?? 'updated'}
        onChange={(event) => {
          const sort = event.currentTarget.value as TicketFilters['sort'];
          onChange({ sort: sort === 'updated' ? undefined : sort });
        }}
        style={SELECT_STYLE}
      />
      {hasFilters && (
        <Button variant="subtle" size="sm" onClick={onReset} ml="auto">
          Reset filters
        </Button>
      )}
    </Group>
  );
}

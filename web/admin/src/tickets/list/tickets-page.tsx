import { Box, Button, Center, EmptyState, Paper, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTickets } from '../../api/tickets.ts';
import { type BulkOutcome, BulkOutcomeAlert } from '../../common/bulk-outcome.tsx';
import { QueryErrorState } from '../../common/error-state.tsx';
import { TicketIcon } from '../../common/icons.tsx';
import { PageHeader } from '../../common/page-header.tsx';
import { usePageTitle } from '../../common/use-page-title.ts';
import { useRowSelection } from '../../common/use-row-selection.ts';
import { useT } from '../../i18n/use-t.ts';
import { SavedViewsMenu } from '../../saved-views/saved-views-menu.tsx';
import { compactFilters } from '../../saved-views/view-filters.ts';
import { StatusTabs } from './status-tabs.tsx';
import { TicketBulkBar } from './ticket-bulk-bar.tsx';
import { TicketFiltersBar } from './ticket-filters.tsx';
import { TicketsTable, TicketsTableSkeleton } from './tickets-table.tsx';
import { useTicketListParams } from './use-ticket-list-params.ts';

function NoTickets({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const t = useT();
  return (
    <Paper withBorder radius="lg" p="xl">
      <EmptyState
        data-testid="empty-state"
        icon={<TicketIcon size={28} />}
        withIndicatorBackground
        title={filtered ? t('ticketList.empty.filtered') : t('ticketList.empty.none')}
        description={filtered ? t('ticketList.empty.filteredHelp') : t('ticketList.empty.noneHelp')}
        py="lg"
      >
        {filtered && (
          <EmptyState.Actions>
            <Button onClick={onClear}>{t('common.clearFilters')}</Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}

/** Every ticket, with status tabs, URL-synced filters and sort, "Load more" paging, bulk actions and saved views. */
export function TicketsPage() {
  const t = useT();
  usePageTitle(t('ticketList.title'));
  const navigate = useNavigate();
  const list = useTicketListParams();
  const query = useTickets(list.filters);
  const pages = query.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const counts = pages[0]?.counts;
  const selection = useRowSelection(
    items.map((ticket) => ticket.number),
    list.listSearch,
  );
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);

  let body: ReactNode;
  if (query.isPending) {
    body = <TicketsTableSkeleton />;
  } else if (query.isError && !query.data) {
    body = <QueryErrorState title={t('ticketList.loadFailed')} query={query} />;
  } else if (items.length === 0) {
    body = <NoTickets filtered={list.hasFilters} onClear={list.clearFilters} />;
  } else {
    body = (
      <>
        <TicketsTable
          items={items}
          listSearch={list.listSearch}
          selection={selection}
          stale={query.isPlaceholderData}
          onOpen={(number) => navigate(`/tickets/${number}`, { state: { listSearch: list.listSearch } })}
        />
        <Center mt="md">
          {query.hasNextPage ? (
            <Button
              variant="default"
              loading={query.isFetchingNextPage}
              disabled={query.isPlaceholderData}
              onClick={() => query.fetchNextPage()}
            >
              {t('ticketList.loadMore')}
            </Button>
          ) : (
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="ticket-count">
              {t('ticketList.count', { count: items.length })}
            </Text>
          )}
        </Center>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('ticketList.title')}
        description={t('ticketList.description')}
        actions={<SavedViewsMenu kind="tickets" path="/tickets" filters={compactFilters(list.filters)} />}
      />
      <TicketFiltersBar
        filters={list.filters}
        hasFilters={list.hasFilters}
        onChange={list.setFilters}
        onReset={list.clearFilters}
      />
      {outcome && <BulkOutcomeAlert outcome={outcome} onClose={() => setOutcome(null)} />}
      <TicketBulkBar numbers={selection.selected} onClear={selection.clear} onDone={setOutcome} />
      {query.isError && query.data && (
        <Box mb="md">
          <QueryErrorState title={t('common.refreshFailed')} query={query} />
        </Box>
      )}
      <StatusTabs
        status={list.filters.status}
        counts={counts}
        onChange={(status) => list.setFilters({ status })}
      >
        {body}
      </StatusTabs>
    </>
  );
}

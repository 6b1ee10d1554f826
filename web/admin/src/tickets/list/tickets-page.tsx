import { Box, Button, Center, EmptyState, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useTickets } from '../../api/tickets.ts';
import { QueryErrorState } from '../../common/error-state.tsx';
import { TicketIcon } from '../../common/icons.tsx';
import { PageHeader } from '../../common/page-header.tsx';
import { usePageTitle } from '../../common/use-page-title.ts';
import { StatusTabs } from './status-tabs.tsx';
import { TicketFiltersBar } from './ticket-filters.tsx';
import { TicketsTable, TicketsTableSkeleton } from './tickets-table.tsx';
import { useTicketListParams } from './use-ticket-list-params.ts';

function NoTickets({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <Paper withBorder radius="lg" p="xl">
      <EmptyState
        data-testid="empty-state"
        icon={<TicketIcon size={28} />}
        withIndicatorBackground
        title={filtered ? 'No tickets match these filters' : 'No tickets here'}
        description={
          filtered
            ? 'Try another priority or category, or a different search.'
            : 'When the AI hands a conversation over to your team, the ticket appears here.'
        }
        py="lg"
      >
        {filtered && (
          <EmptyState.Actions>
            <Button onClick={onClear}>Clear filters</Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}

/** Every ticket, with status tabs, URL-synced filters and sort, and "Load more" paging. */
export function TicketsPage() {
  usePageTitle('Tickets');
  const navigate = useNavigate();
  const list = useTicketListParams();
  const query = useTickets(list.filters);
  const pages = query.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const counts = pages[0]?.counts;

  let body: ReactNode;
  if (query.isPending) {
    body = <TicketsTableSkeleton />;
  } else if (query.isError && !query.data) {
    body = <QueryErrorState title="Could not load tickets" query={query} />;
  } else if (items.length === 0) {
    body = <NoTickets filtered={list.hasFilters} onClear={list.clearFilters} />;
  } else {
    body = (
      <>
        <TicketsTable
          items={items}
          listSearch={list.listSearch}
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
              Load more
            </Button>
          ) : (
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="ticket-count">
              {items.length === 1 ? '1 ticket' : `${items.length} tickets`}
            </Text>
          )}
        </Center>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Tickets" description="Issues the AI handed over to your team." />
      <TicketFiltersBar
        filters={list.filters}
        hasFilters={list.hasFilters}
        onChange={list.setFilters}
        onReset={list.clearFilters}
      />
      {query.isError && query.data && (
        <Box mb="md">
          <QueryErrorState title="Could not refresh" query={query} />
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

import { Box, Button, EmptyState, Group, Paper } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { filterParams, useConversations } from '../../api/conversations.ts';
import { type BulkOutcome, BulkOutcomeAlert } from '../../common/bulk-outcome.tsx';
import { QueryErrorState } from '../../common/error-state.tsx';
import { InboxIcon } from '../../common/icons.tsx';
import { PageHeader } from '../../common/page-header.tsx';
import { usePageTitle } from '../../common/use-page-title.ts';
import { useRowSelection } from '../../common/use-row-selection.ts';
import { useT } from '../../i18n/use-t.ts';
import { SavedViewsMenu } from '../../saved-views/saved-views-menu.tsx';
import { compactFilters } from '../../saved-views/view-filters.ts';
import { ExportMenu } from '../export-menu.tsx';
import { ConversationBulkBar } from './conversation-bulk-bar.tsx';
import { ConversationFiltersBar } from './conversation-filters.tsx';
import { ConversationsTable, ConversationsTableSkeleton } from './conversations-table.tsx';
import { Pager } from './pager.tsx';
import { useListParams } from './use-list-params.ts';
import { useResolveFocusedRow } from './use-resolve-focused-row.ts';

/** Every conversation, newest first, with URL-synced filters, cursor paging, bulk actions and saved views. */
export function ConversationsPage() {
  const t = useT();
  usePageTitle(t('conversationList.title'));
  const navigate = useNavigate();
  const list = useListParams();
  const query = useConversations(list.filters, list.cursor);
  const items = query.data?.items ?? [];
  const selection = useRowSelection(
    items.map((c) => c.id),
    list.listSearch,
  );
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  useResolveFocusedRow();
  const scrollUp = () => window.scrollTo({ top: 0 });

  let body: ReactNode;
  if (query.isPending) {
    body = <ConversationsTableSkeleton />;
  } else if (query.isError && !query.data) {
    body = (
      <QueryErrorState title={t('conversationList.loadFailed')} query={query}>
        {isApiError(query.error) && query.error.code === 'invalid_cursor' && (
          <Button size="xs" variant="white" color="red" onClick={list.firstPage}>
            {t('conversationList.firstPage')}
          </Button>
        )}
      </QueryErrorState>
    );
  } else if (query.data && query.data.items.length === 0) {
    body = (
      <Paper withBorder radius="lg" p="xl">
        <EmptyState
          data-testid="empty-state"
          icon={<InboxIcon size={28} />}
          withIndicatorBackground
          title={
            list.cursor
              ? t('conversationList.empty.noMore')
              : list.hasFilters
                ? t('conversationList.empty.filtered')
                : t('conversationList.empty.none')
          }
          description={
            list.hasFilters ? t('conversationList.empty.filteredHelp') : t('conversationList.empty.noneHelp')
          }
          py="lg"
        >
          {(list.hasFilters || list.cursor) && (
            <EmptyState.Actions>
              {list.hasFilters ? (
                <Button onClick={list.clearFilters}>{t('common.clearFilters')}</Button>
              ) : (
                <Button onClick={list.firstPage}>{t('conversationList.backToFirstPage')}</Button>
              )}
            </EmptyState.Actions>
          )}
        </EmptyState>
      </Paper>
    );
  } else if (query.data) {
    body = (
      <>
        <ConversationsTable
          items={query.data.items}
          listSearch={list.listSearch}
          selection={selection}
          stale={query.isPlaceholderData}
          onOpen={(id) =>
            navigate(`/conversations/${encodeURIComponent(id)}`, { state: { listSearch: list.listSearch } })
          }
        />
        <Pager
          pageNumber={list.pageNumber}
          count={query.data.items.length}
          canGoBack={list.cursor !== null}
          nextCursor={query.data.nextCursor}
          disabled={query.isPlaceholderData}
          onPrevious={() => {
            list.previousPage();
            scrollUp();
          }}
          onNext={(cursor) => {
            list.nextPage(cursor);
            scrollUp();
          }}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('conversationList.title')}
        description={t('conversationList.description')}
        actions={
          <Group gap="sm" align="flex-start">
            <SavedViewsMenu
              kind="conversations"
              path="/conversations"
              filters={compactFilters(filterParams(list.filters))}
            />
            <ExportMenu
              path="/api/conversations/export"
              params={filterParams(list.filters)}
              what={list.hasFilters ? t('conversationList.exportFiltered') : t('conversationList.exportAll')}
            />
          </Group>
        }
      />
      <ConversationFiltersBar
        filters={list.filters}
        hasFilters={list.hasFilters}
        onChange={list.setFilters}
        onReset={list.clearFilters}
      />
      {outcome && <BulkOutcomeAlert outcome={outcome} onClose={() => setOutcome(null)} />}
      <ConversationBulkBar
        selected={items.filter((c) => selection.isSelected(c.id))}
        onClear={selection.clear}
        onDone={setOutcome}
      />
      {query.isError && query.data && (
        <Box mb="md">
          <QueryErrorState title={t('common.refreshFailed')} query={query} />
        </Box>
      )}
      {body}
    </>
  );
}

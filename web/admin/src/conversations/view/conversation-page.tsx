import { Button, EmptyState, Grid, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useConversation } from '../../api/conversations.ts';
import { ErrorState } from '../../common/error-state.tsx';
import { customerLabel } from '../../common/format.ts';
import { InboxIcon } from '../../common/icons.tsx';
import { usePageTitle } from '../../common/use-page-title.ts';
import { ConversationHeader } from './conversation-header.tsx';
import { ConversationSidebar } from './conversation-sidebar.tsx';
import { DraftBox } from './draft-box.tsx';
import { MessageList } from './message-list.tsx';

function backLink(state: unknown): string {
  const search = (state as { listSearch?: unknown } | null)?.listSearch;
  return typeof search === 'string' && search.startsWith('?') ? `/conversations${search}` : '/conversations';
}

function LoadingView() {
  return (
    <Stack gap="md" aria-busy="true" aria-label="Loading conversation">
      <Skeleton height={14} width={120} />
      <Skeleton height={32} width="40%" />
      <Skeleton height={14} width="55%" />
      <Skeleton height={90} mt="md" />
      <Skeleton height={90} />
      <Skeleton height={90} />
    </Stack>
  );
}

/** One conversation: header, the whole history with tool calls, the pending draft, tickets and rating. */
export function ConversationPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const backTo = backLink(location.state);
  const query = useConversation(id);
  const notFound = isApiError(query.error, 404);
  usePageTitle(
    query.data
      ? `${customerLabel(query.data.customer)} · Conversation`
      : notFound
        ? 'Conversation not found'
        : 'Conversation',
  );

  if (query.isPending) return <LoadingView />;
  if (notFound) {
    return (
      <Paper withBorder radius="lg" p="xl" mt="md">
        <EmptyState
          data-testid="not-found"
          icon={<InboxIcon size={28} />}
          withIndicatorBackground
          title="Conversation not found"
          description="It may have been deleted, or it belongs to another shop."
        >
          <EmptyState.Actions>
            <Button component={Link} to={backTo}>
              Back to the conversation list
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    );
  }
  if (query.isError && !query.data) {
    return (
      <ErrorState
        title="Could not load this conversation"
        error={query.error}
        onRetry={() => query.refetch()}
        retrying={query.isFetching}
      />
    );
  }

  const conversation = query.data;
  const customerName = customerLabel(conversation.customer);
  return (
    <>
      <ConversationHeader conversation={conversation} backTo={backTo} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md" component="section" aria-labelledby="history-title">
            <Title order={2} fz="h4" id="history-title">
              History
            </Title>
            <MessageList messages={conversation.messages} customerName={customerName} />
            {conversation.draft && <DraftBox draft={conversation.draft} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ConversationSidebar conversation={conversation} />
        </Grid.Col>
      </Grid>
    </>
  );
}

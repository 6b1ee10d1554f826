import { Grid, Stack, Title } from '@mantine/core';
import { useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useConversation } from '../../api/conversations.ts';
import { backLink } from '../../common/back-link.ts';
import { DetailNotFound, DetailSkeleton } from '../../common/detail-states.tsx';
import { QueryErrorState } from '../../common/error-state.tsx';
import { customerLabel } from '../../common/format.ts';
import { usePageTitle } from '../../common/use-page-title.ts';
import { useT } from '../../i18n/use-t.ts';
import { ConversationHeader } from './conversation-header.tsx';
import { ConversationSidebar } from './conversation-sidebar.tsx';
import { DraftBox } from './draft-box.tsx';
import { MessageList } from './message-list.tsx';

/** One conversation: header, the whole history with tool calls, the pending draft, tickets and rating. */
export function ConversationPage() {
  const t = useT();
  const { id = '' } = useParams();
  const location = useLocation();
  const backTo = backLink(location.state, '/conversations');
  const query = useConversation(id);
  const notFound = isApiError(query.error, 404);
  usePageTitle(
    query.data
      ? t('conversation.pageTitle', { customer: customerLabel(query.data.customer, t) })
      : notFound
        ? t('conversation.notFound')
        : t('conversation.title'),
  );

  if (query.isPending) return <DetailSkeleton label={t('conversation.loading')} />;
  if (notFound) {
    return (
      <DetailNotFound
        title={t('conversation.notFound')}
        description={t('conversation.notFoundDescription')}
        backTo={backTo}
        backLabel={t('conversation.backToList')}
      />
    );
  }
  if (query.isError && !query.data) {
    return <QueryErrorState title={t('conversation.loadFailed')} query={query} />;
  }

  const conversation = query.data;
  const customerName = customerLabel(conversation.customer, t);
  return (
    <>
      <ConversationHeader conversation={conversation} backTo={backTo} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md" component="section" aria-labelledby="history-title">
            <Title order={2} fz="h4" id="history-title">
              {t('conversation.history')}
            </Title>
            <MessageList
              messages={conversation.messages}
              customerName={customerName}
              customerEmail={conversation.customer.email}
            />
            {conversation.draft && (
              <DraftBox
                key={conversation.draft.id}
                conversationId={conversation.id}
                draft={conversation.draft}
                recipient={conversation.customer.email}
              />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ConversationSidebar conversation={conversation} />
        </Grid.Col>
      </Grid>
    </>
  );
}

import { Button, EmptyState } from '@mantine/core';
import { Link } from 'react-router';
import { InboxIcon } from '../common/icons.tsx';
import { usePageTitle } from '../common/use-page-title.ts';

/** Any unknown admin URL. */
export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <EmptyState mt="xl" icon={<InboxIcon size={28} />} withIndicatorBackground>
      {/* The page's only heading, so it is the h1 (the title prop renders a div). */}
      <EmptyState.Title order={1}>Page not found</EmptyState.Title>
      <EmptyState.Description>There is nothing at this address.</EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/conversations">
          Go to the conversation list
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

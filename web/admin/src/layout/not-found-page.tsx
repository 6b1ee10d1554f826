import { Button, EmptyState } from '@mantine/core';
import { Link } from 'react-router';
import { InboxIcon } from '../common/icons.tsx';
import { usePageTitle } from '../common/use-page-title.ts';

/** Any unknown admin URL. */
export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <EmptyState
      mt="xl"
      icon={<InboxIcon size={28} />}
      withIndicatorBackground
      title="Page not found"
      description="There is nothing at this address."
    >
      <EmptyState.Actions>
        <Button component={Link} to="/conversations">
          Go to the conversation list
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

import { Button, EmptyState } from '@mantine/core';
import { Link } from 'react-router';
import { InboxIcon } from '../common/icons.tsx';
import { usePageTitle } from '../common/use-page-title.ts';
import { useT } from '../i18n/use-t.ts';

/** Any unknown admin URL. */
export function NotFoundPage() {
  const t = useT();
  usePageTitle(t('notFound.title'));
  return (
    <EmptyState mt="xl" icon={<InboxIcon size={28} />} withIndicatorBackground>
      {/* The page's only heading, so it is the h1 (the title prop renders a div). */}
      <EmptyState.Title order={1}>{t('notFound.title')}</EmptyState.Title>
      <EmptyState.Description>{t('notFound.description')}</EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/conversations">
          {t('notFound.back')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

import { Alert, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/client.ts';
import { useT } from '../i18n/use-t.ts';
import { AlertIcon } from './icons.tsx';

type Props = {
  title?: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  children?: ReactNode;
};

/** A failed load: the server's message and a Retry button. */
export function ErrorState({ title, error, onRetry, retrying, children }: Props) {
  const t = useT();
  return (
    <Alert variant="light" color="red" title={title ?? t('common.error')} icon={<AlertIcon />} role="alert">
      {errorMessage(error)}
      {(onRetry || children) && (
        <Group gap="sm" mt="md">
          {onRetry && (
            <Button size="xs" variant="white" color="red" onClick={onRetry} loading={retrying}>
              {t('common.retry')}
            </Button>
          )}
          {children}
        </Group>
      )}
    </Alert>
  );
}

type FailedQuery = { error: unknown; isFetching: boolean; refetch: () => unknown };

/** A query's failure with Retry (which refetches it). */
export function QueryErrorState({
  title,
  query,
  children,
}: {
  title: string;
  query: FailedQuery;
  children?: ReactNode;
}) {
  return (
    <ErrorState title={title} error={query.error} onRetry={() => query.refetch()} retrying={query.isFetching}>
      {children}
    </ErrorState>
  );
}

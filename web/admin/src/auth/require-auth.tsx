import { Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/auth.ts';
import { ErrorState } from '../common/error-state.tsx';
import { PageLoader } from '../common/page-loader.tsx';
import { loginPath } from './return-path.ts';

/** Renders the signed-in pages, or sends the visitor to /login keeping where they were going. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader fullScreen />;
  if (me.isError && me.data === undefined) {
    return (
      <Container size="sm" py="xl">
        <ErrorState
          title="Could not load your session"
          error={me.error}
          onRetry={() => me.refetch()}
          retrying={me.isFetching}
        />
      </Container>
    );
  }
  if (!me.data) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return <Outlet />;
}

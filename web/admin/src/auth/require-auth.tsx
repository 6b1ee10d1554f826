import { Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/auth.ts';
import { isEmbedded } from '../api/shopify-session.ts';
import { ErrorState } from '../common/error-state.tsx';
import { PageLoader } from '../common/page-loader.tsx';
import { useT } from '../i18n/use-t.ts';
import { loginPath } from './return-path.ts';
import { ShopifyInstall } from './shopify-install.tsx';

/** Renders the signed-in pages, or sends the visitor to /login keeping where they were going. */
export function RequireAuth() {
  const t = useT();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader fullScreen />;
  if (me.isError && me.data === undefined) {
    return (
      <Container size="sm" py="xl">
        <ErrorState
          title={t('auth.sessionFailed')}
          error={me.error}
          onRetry={() => me.refetch()}
          retrying={me.isFetching}
        />
      </Container>
    );
  }
  // Embedded in Shopify there is no sign-in page: the session token is the sign-in, once the app is installed.
  if (!me.data && isEmbedded()) return <ShopifyInstall />;
  if (!me.data) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return <Outlet />;
}

import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth } from './auth/require-auth.tsx';
import { PageLoader } from './common/page-loader.tsx';
import { AppLayout } from './layout/app-layout.tsx';

// Each page is its own chunk, so the first load carries only the shell and the page it shows.
const LoginPage = lazy(() => import('./auth/login-page.tsx').then((m) => ({ default: m.LoginPage })));
const ConversationsPage = lazy(() =>
  import('./conversations/list/conversations-page.tsx').then((m) => ({ default: m.ConversationsPage })),
);
const ConversationPage = lazy(() =>
  import('./conversations/view/conversation-page.tsx').then((m) => ({ default: m.ConversationPage })),
);
const TicketsPage = lazy(() =>
  import('./tickets/list/tickets-page.tsx').then((m) => ({ default: m.TicketsPage })),
);
const TicketPage = lazy(() =>
  import('./tickets/view/ticket-page.tsx').then((m) => ({ default: m.TicketPage })),
);
const SettingsPage = lazy(() =>
  import('./settings/settings-page.tsx').then((m) => ({ default: m.SettingsPage })),
);
const NotFoundPage = lazy(() =>
  import('./layout/not-found-page.tsx').then((m) => ({ default: m.NotFoundPage })),
);

/** Every page of the admin. */
export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<PageLoader fullScreen />}>
            <LoginPage />
          </Suspense>
        }
      />
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<ConversationsPage />} />
          <Route path="conversations" element={<ConversationsPage />} />
          <Route path="conversations/:id" element={<ConversationPage />} />
          <Route path="tickets" element={<TicketsPage />} />
          <Route path="tickets/:number" element={<TicketPage />} />
          <Route path="settings/*" element={<SettingsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

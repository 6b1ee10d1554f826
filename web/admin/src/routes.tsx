import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth } from './auth/require-auth.tsx';
import { PageLoader } from './common/page-loader.tsx';
import { useDocumentLanguage } from './i18n/use-t.ts';
import { AppLayout } from './layout/app-layout.tsx';
import { type LazyPage, lazyPage, PageView } from './lazy-page.tsx';

// Each page is its own chunk, so the first load carries only the shell and the page it shows.
const login = lazyPage(() => import('./auth/login-page.tsx').then((m) => m.LoginPage));
const conversations = lazyPage(() =>
  import('./conversations/list/conversations-page.tsx').then((m) => m.ConversationsPage),
);
const conversation = lazyPage(() =>
  import('./conversations/view/conversation-page.tsx').then((m) => m.ConversationPage),
);
const tickets = lazyPage(() => import('./tickets/list/tickets-page.tsx').then((m) => m.TicketsPage));
const ticket = lazyPage(() => import('./tickets/view/ticket-page.tsx').then((m) => m.TicketPage));
const settings = lazyPage(() => import('./settings/settings-page.tsx').then((m) => m.SettingsPage));
const notFound = lazyPage(() => import('./layout/not-found-page.tsx').then((m) => m.NotFoundPage));

// The page a URL shows, by its first path segment (the routes below say the same).
const PAGES_BY_SECTION: Record<string, LazyPage> = {
  '': conversations,
  conversations,
  tickets,
  settings,
  login,
};

/**
 * Starts loading the chunk of the page at `pathname` while the session is still being checked, so the
 * page can render as soon as the session is known (called once, at start-up).
 */
export function preloadPage(pathname: string): void {
  const [section = '', detail] = pathname.split('/').filter(Boolean);
  if (section === 'conversations' && detail) void conversation.preload();
  else if (section === 'tickets' && detail) void ticket.preload();
  else void (PAGES_BY_SECTION[section] ?? notFound).preload();
}

/** Every page of the admin. */
export function AppRoutes() {
  // <html lang> follows the UI language, set here once for every page.
  useDocumentLanguage();
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<PageLoader fullScreen />}>
            <PageView page={login} />
          </Suspense>
        }
      />
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<PageView page={conversations} />} />
          <Route path="conversations" element={<PageView page={conversations} />} />
          <Route path="conversations/:id" element={<PageView page={conversation} />} />
          <Route path="tickets" element={<PageView page={tickets} />} />
          <Route path="tickets/:number" element={<PageView page={ticket} />} />
          <Route path="settings/*" element={<PageView page={settings} />} />
          <Route path="*" element={<PageView page={notFound} />} />
        </Route>
      </Route>
    </Routes>
  );
}

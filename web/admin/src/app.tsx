import { MantineProvider, MantineThemeProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from './api/query-client.ts';
import { useT } from './i18n/use-t.ts';
import { AppRoutes } from './routes.tsx';
import { closeButtonNames, theme } from './theme.ts';

/** Mantine's own control names (close buttons) in the staff user's language. */
function TranslatedTheme({ children }: { children: ReactNode }) {
  const t = useT();
  const names = useMemo(() => closeButtonNames(t), [t]);
  return <MantineThemeProvider theme={names}>{children}</MantineThemeProvider>;
}

/** Providers: Mantine theme, TanStack Query, the router. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        {/* Without transitions, URL-driven controls (filters) reflect a change as soon as it is made. */}
        <TranslatedTheme>
          <BrowserRouter useTransitions={false}>
            <AppRoutes />
          </BrowserRouter>
        </TranslatedTheme>
      </QueryClientProvider>
    </MantineProvider>
  );
}

import '@mantine/core/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { reloadOnNewVersion } from './reload-on-new-version.ts';
import { preloadPage } from './routes.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('The #root element is missing from index.html');
reloadOnNewVersion();
preloadPage(window.location.pathname);
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

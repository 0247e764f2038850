import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { Providers } from './app/providers';
import { SESSION_KEY } from './app/auth';
import { createAppQueryClient } from './app/query-client';
import { routes } from './app/router';
import { holdShellWork } from './app/shell-work';
import { translationsReady } from './i18n';

// The router starts fetching the page's code (and its data, see app/prefetch.ts) while the texts of the user's
// language arrive; the first render waits for the texts. The shell's counts and live stream wait for the page's data.
const queryClient = createAppQueryClient();
holdShellWork(queryClient, SESSION_KEY[0]);
const router = createBrowserRouter(routes);
const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks the #root element');

void translationsReady.finally(() =>
  createRoot(container).render(
    <StrictMode>
      <Providers queryClient={queryClient}>
        {/* Screens render at once rather than in a transition: React would cut a transition's first render into
            slices, let the browser draw frames in between and start over whenever a query's answer arrives. */}
        <RouterProvider router={router} useTransitions={false} />
      </Providers>
    </StrictMode>,
  ),
);

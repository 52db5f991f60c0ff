import '@mantine/core/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import './i18n.js';
import { Layout } from './Layout.js';
import { contrast, theme } from './theme.js';
import { RequestPage } from './portal/RequestPage.js';
import { StatusPage } from './portal/StatusPage.js';

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <RequestPage /> },
      { path: '/requests/:reference', element: <StatusPage /> },
      { path: '/requests/:reference/confirm', element: <StatusPage /> },
      // The back office (charts, the PDF renderer) loads only for staff, not for every family.
      {
        path: '/backoffice/login',
        lazy: async () => ({ Component: (await import('./backoffice/LoginPage.js')).LoginPage }),
      },
      { path: '/backoffice', lazy: async () => ({ Component: (await import('./backoffice/QueuePage.js')).QueuePage }) },
      {
        path: '/backoffice/cases/:reference',
        lazy: async () => ({ Component: (await import('./backoffice/CasePage.js')).CasePage }),
      },
    ],
  },
]);
// A refused request is an answer, not a network blip: show it instead of asking again.
const queries = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={contrast}>
        <QueryClientProvider client={queries}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import './i18n.js';
import { Layout } from './Layout.js';
import { RequestPage } from './portal/RequestPage.js';
import { StatusPage } from './portal/StatusPage.js';
import { CasePage } from './backoffice/CasePage.js';
import { LoginPage } from './backoffice/LoginPage.js';
import { QueuePage } from './backoffice/QueuePage.js';

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <RequestPage /> },
      { path: '/requests/:reference', element: <StatusPage /> },
      { path: '/requests/:reference/confirm', element: <StatusPage /> },
      { path: '/backoffice/login', element: <LoginPage /> },
      { path: '/backoffice', element: <QueuePage /> },
      { path: '/backoffice/cases/:reference', element: <CasePage /> },
    ],
  },
]);
const queries = new QueryClient();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queries}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}

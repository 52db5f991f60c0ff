import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import './i18n.js';
import { Layout } from './Layout.js';
import { RequestPage } from './portal/RequestPage.js';
import { StatusPage } from './portal/StatusPage.js';

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <RequestPage /> },
      { path: '/requests/:reference', element: <StatusPage /> },
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

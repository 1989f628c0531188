// Entry point: mounts the portal with its session and router.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { createPortalRouter } from './router';
import { SessionProvider } from './session/session-context';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element to mount the portal in');

createRoot(container).render(
  <StrictMode>
    <SessionProvider>
      <RouterProvider router={createPortalRouter()} />
    </SessionProvider>
  </StrictMode>,
);

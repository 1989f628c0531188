// The portal's route table: the shell at `/`, one guarded branch per section (each section owns
// its child routes in pages/<section>/routes.ts), sign-in, and a not-found page.
import type { RouteObject } from 'react-router-dom';
import { createBrowserRouter } from 'react-router-dom';
import { AppShell } from './layout/app-shell';
import { SectionGate } from './layout/section-gate';
import { sections, type Section } from './layout/sections';
import { adminRoutes } from './pages/admin/routes';
import { NotFoundPage } from './pages/errors/not-found-page';
import { RouteErrorPage } from './pages/errors/route-error-page';
import { helpDeskRoutes } from './pages/help-desk/routes';
import { HomePage } from './pages/home/home-page';
import { journeysRoutes } from './pages/journeys/routes';
import { libraryRoutes } from './pages/library/routes';
import { operationsRoutes } from './pages/operations/routes';
import { sequencesRoutes } from './pages/sequences/routes';
import { supportRoutes } from './pages/support/routes';
import { SignInPage } from './pages/sign-in/sign-in-page';
import { toolkitRoutes } from './pages/toolkit/routes';

const sectionRoutes: Readonly<Record<Section['id'], RouteObject[]>> = {
  library: libraryRoutes,
  sequences: sequencesRoutes,
  journeys: journeysRoutes,
  support: supportRoutes,
  operations: operationsRoutes,
  'help-desk': helpDeskRoutes,
  toolkit: toolkitRoutes,
  admin: adminRoutes,
};

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteErrorPage />,
    // Shown only while the code of a lazily loaded page arrives on the very first navigation.
    hydrateFallbackElement: <p className="boot">Loading the portal…</p>,
    children: [
      {
        // A failing page keeps the shell (navigation, sign-out) around its error message.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage />, handle: { title: 'Home' } },
          { path: 'sign-in', element: <SignInPage />, handle: { title: 'Sign in' } },
          ...sections.map(
            (section): RouteObject => ({
              path: section.path.slice(1),
              element: <SectionGate section={section} />,
              handle: { title: section.label },
              children: sectionRoutes[section.id],
            }),
          ),
          { path: '*', element: <NotFoundPage />, handle: { title: 'Not found' } },
        ],
      },
    ],
  },
];

export function createPortalRouter() {
  return createBrowserRouter(routes);
}

// The frame around every page: skip link, top bar, section navigation and the routed content;
// it also keeps the document title in step with the route.
import { useEffect } from 'react';
import { Outlet, useMatches } from 'react-router-dom';
import { SideNav } from './side-nav';
import { TopBar } from './top-bar';

export const productName = 'Orchestration Wisdom';

function routeTitle(handle: unknown): string | null {
  if (typeof handle !== 'object' || handle === null || !('title' in handle)) return null;
  return typeof handle.title === 'string' ? handle.title : null;
}

export function AppShell() {
  const matches = useMatches();
  const title = matches.map((match) => routeTitle(match.handle)).filter((t) => t !== null).pop() ?? null;

  useEffect(() => {
    document.title = title === null ? productName : `${title} · ${productName}`;
  }, [title]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <TopBar />
      <SideNav />
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

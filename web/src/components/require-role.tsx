// Guards a view by role, with a message that says exactly why it is hidden: not signed in (with a
// link back here after sign-in) or a role too low for the action.
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import type { Role } from '../api/types';
import { hasRole } from '../session/roles';
import { useSession } from '../session/session-context';
import { RoleBadge } from './role-badge';

export function signInPath(next: string): string {
  return `/sign-in?next=${encodeURIComponent(next)}`;
}

export function RequireRole({ role, action, children }: { role: Role; action: string; children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();

  if (state.status === 'loading') {
    return (
      <p className="muted" role="status">
        Checking your session…
      </p>
    );
  }
  if (state.status === 'signed-out') {
    return (
      <section className="gate" aria-labelledby="gate-title">
        <h1 id="gate-title">Sign in to {action}</h1>
        <p>
          This part of the portal needs a token with the <RoleBadge role={role} /> role or higher.
        </p>
        <p>
          <Link className="button button-primary" to={signInPath(`${location.pathname}${location.search}`)}>
            Sign in
          </Link>
        </p>
      </section>
    );
  }
  const current = state.session.role;
  if (!hasRole(current, role)) {
    return (
      <section className="gate" aria-labelledby="gate-title">
        <h1 id="gate-title" className="gate-denied">
          Your role {current} cannot {action}
        </h1>
        <p>
          You are signed in as <strong>{state.session.name}</strong> with the <RoleBadge role={current} /> role. This needs
          the <RoleBadge role={role} /> role: ask an admin for such a token, then <Link to="/sign-in">sign in with it</Link>.
        </p>
      </section>
    );
  }
  return <>{children}</>;
}

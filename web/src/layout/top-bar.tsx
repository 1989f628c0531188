// The bar across the top: product name, who is signed in with which role, and sign-out.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { describeError } from '../api/api-error';
import { Icon } from '../components/icons';
import { RoleBadge } from '../components/role-badge';
import { useSession } from '../session/session-context';

export function TopBar() {
  const { state, signOut } = useSession();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);

  async function handleSignOut(): Promise<void> {
    try {
      await signOut();
      setProblem(null);
    } catch (error) {
      setProblem(`The server did not confirm sign-out (${describeError(error)}); this browser is signed out anyway.`);
    }
    navigate('/sign-in');
  }

  return (
    <header className="top-bar">
      <Link to="/" className="brand">
        <Icon name="logo" width={22} height={22} />
        <span>Orchestration Wisdom</span>
      </Link>
      <div className="top-bar-session">
        {problem !== null && (
          <span className="top-bar-problem" role="alert">
            {problem}
          </span>
        )}
        {state.status === 'signed-in' ? (
          <>
            <span className="session-identity" aria-label="Signed in">
              <span className="session-name">{state.session.name}</span>
              <RoleBadge role={state.session.role} />
            </span>
            <button type="button" className="button button-ghost" onClick={() => void handleSignOut()}>
              Sign out
            </button>
          </>
        ) : state.status === 'signed-out' ? (
          <>
            {state.problem !== null && (
              <span className="top-bar-problem" role="alert">
                {state.problem}
              </span>
            )}
            <Link to="/sign-in" className="button button-ghost">
              Sign in
            </Link>
          </>
        ) : (
          <span className="muted">Checking session…</span>
        )}
      </div>
    </header>
  );
}

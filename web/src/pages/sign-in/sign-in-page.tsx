// Sign-in with an API token; the server turns it into an HttpOnly session cookie, so the token
// itself is never stored by the page. Afterwards the page says who you are and what your role allows.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { RoleBadge } from '../../components/role-badge';
import { roleAbilities } from '../../session/roles';
import { useSession } from '../../session/session-context';
import { safeNextPath } from './safe-next';

export function SignInPage() {
  const { state, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNextPath(params.get('next'));
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const trimmed = token.trim();
    if (trimmed === '') {
      setError(new Error('Enter an API token: the admin token printed at first start, or one created under Admin.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(trimmed);
      setToken('');
      if (next !== null) navigate(next, { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const session = state.status === 'signed-in' ? state.session : null;

  return (
    <div className="narrow">
      <PageHeader title="Sign in" summary="Use an API token. The portal keeps a session cookie, not the token." />
      {session !== null && (
        <section className="notice notice-ok" aria-labelledby="signed-in-title" data-testid="signed-in">
          <p className="notice-title" id="signed-in-title">
            Signed in as {session.name} with the <RoleBadge role={session.role} /> role
          </p>
          <p>You can {roleAbilities[session.role]}.</p>
          <p>
            <Link to={next ?? '/'} className="button button-primary">
              Continue
            </Link>
          </p>
        </section>
      )}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {session !== null && <p className="muted">Sign in with a different token:</p>}
        <div className="field">
          <label htmlFor="token">API token</label>
          <input
            id="token"
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            required
            value={token}
            onChange={(event) => setToken(event.target.value)}
            aria-describedby="token-help"
            aria-invalid={error !== null}
          />
          <p id="token-help" className="field-help">
            On first start the server prints <code>Admin token: …</code>; admins create more under Admin or with{' '}
            <code>ow token create</code>.
          </p>
        </div>
        {error !== null && <ErrorNotice error={error} action="sign in" />}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}

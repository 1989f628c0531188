// Creates an API token; the secret comes back once and is shown once, with a copy button, because
// the server only keeps its hash.
import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { roles, type CreatedToken, type Role } from '../../api/types';
import { CopyButton } from '../../components/copy-button';
import { ErrorNotice } from '../../components/error-notice';
import { RoleBadge } from '../../components/role-badge';
import { roleAbilities } from '../../session/roles';

export function CreateTokenForm({ onCreated }: { onCreated(token: CreatedToken): void }) {
  const [role, setRole] = useState<Role>('viewer');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const secretRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const trimmed = name.trim();
      const token = await api.tokens.create(trimmed === '' ? { role } : { role, name: trimmed });
      setCreated(token);
      setName('');
      onCreated(token);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="create-token-title">
      <h2 id="create-token-title">Create a token</h2>
      <form className="form form-row" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="new-token-role">Role</label>
          <select id="new-token-role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {roles.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="new-token-name">Name</label>
          <input
            id="new-token-name"
            type="text"
            maxLength={100}
            placeholder="e.g. ci-pipeline or Dana (support lead)"
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-describedby="new-token-role-help"
          />
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create token'}
        </button>
      </form>
      <p id="new-token-role-help" className="field-help">
        A {role} can {roleAbilities[role]}.
      </p>
      {error !== null && <ErrorNotice error={error} action="create the token" />}
      {created !== null && (
        <div className="notice notice-ok new-token" role="status">
          <p className="notice-title">
            Token “{created.name}” created with the <RoleBadge role={created.role} /> role
          </p>
          <p>Copy it now: it is shown only this once and cannot be read again.</p>
          <div className="secret-row">
            <label htmlFor="new-token-secret" className="visually-hidden">
              New token
            </label>
            <input
              id="new-token-secret"
              ref={secretRef}
              className="secret"
              type="text"
              readOnly
              value={created.token}
              onFocus={(event) => event.target.select()}
            />
            <CopyButton value={created.token} label="Copy token" fallbackTarget={() => secretRef.current} />
            <button type="button" className="button button-ghost-dark" onClick={() => setCreated(null)}>
              I have stored it
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

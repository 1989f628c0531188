// The token list: who holds which role, when each was last used, and revocation behind a
// confirmation (revoking signs its holder out at once and cannot be undone).
import { useState } from 'react';
import { api } from '../../api/client';
import type { ApiToken } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { RoleBadge } from '../../components/role-badge';
import { StatusBadge } from '../../components/status-badge';
import { TimeStamp } from '../../components/time-stamp';

export interface TokenTableProps {
  tokens: readonly ApiToken[];
  currentTokenId: ApiToken['id'];
  onRevoked(): void;
}

export function TokenTable({ tokens, currentTokenId, onRevoked }: TokenTableProps) {
  const [pending, setPending] = useState<ApiToken | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function revoke(): Promise<void> {
    if (pending === null) return;
    setBusy(true);
    setError(null);
    try {
      const why = reason.trim();
      await api.tokens.revoke(pending.id, why === '' ? undefined : why);
      setPending(null);
      setReason('');
      onRevoked();
    } catch (failure) {
      setError(failure);
      setPending(null);
    } finally {
      setBusy(false);
    }
  }

  const isCurrent = (token: ApiToken): boolean => String(token.id) === String(currentTokenId);

  return (
    <>
      {error !== null && <ErrorNotice error={error} action="revoke the token" />}
      <div className="table-wrap">
        <table className="table" aria-label="API tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={String(token.id)} data-token-id={String(token.id)}>
                <th scope="row">
                  {token.name}
                  {token.prefix !== undefined && token.prefix !== '' && (
                    <span className="cell-note">
                      <code>{token.prefix}…</code>
                    </span>
                  )}
                  {isCurrent(token) && <span className="cell-note">your current session</span>}
                </th>
                <td>
                  <RoleBadge role={token.role} />
                </td>
                <td className="nowrap">
                  <TimeStamp iso={token.createdAt} />
                </td>
                <td className="nowrap">{token.lastUsedAt === null ? 'never' : <TimeStamp iso={token.lastUsedAt} />}</td>
                <td>
                  {token.revokedAt === null ? (
                    <StatusBadge tone="ok">active</StatusBadge>
                  ) : (
                    <StatusBadge tone="fail">
                      revoked <TimeStamp iso={token.revokedAt} />
                    </StatusBadge>
                  )}
                </td>
                <td className="actions">
                  {token.revokedAt === null && (
                    <button
                      type="button"
                      className="button button-danger-outline"
                      onClick={() => setPending(token)}
                      aria-label={`Revoke ${token.name}`}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={pending !== null}
        title={pending === null ? 'Revoke token' : `Revoke “${pending.name}”?`}
        confirmLabel="Revoke token"
        busy={busy}
        onConfirm={() => void revoke()}
        onCancel={() => setPending(null)}
      >
        <p>Anyone using this token is signed out at once and it cannot be used again. This cannot be undone.</p>
        <div className="field">
          <label htmlFor="revoke-reason">Reason (optional, kept in the audit log)</label>
          <input
            id="revoke-reason"
            type="text"
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        {pending !== null && isCurrent(pending) && (
          <p className="notice notice-warn">This is the token you are signed in with: you will be signed out.</p>
        )}
      </ConfirmDialog>
    </>
  );
}

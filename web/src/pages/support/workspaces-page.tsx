// Support → Workspaces: every team's implementation of a pattern with the stage it has reached, and
// for operators the form that assigns a pattern to a team (seed 000, "Receive Pattern Assignment").
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { workspaces } from '../../api/workspaces';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { useApiResource } from '../../hooks/use-api-resource';
import { hasRole } from '../../session/roles';
import { useCurrentSession } from '../../session/session-context';
import { STAGE_LABELS } from './workspace-format';

const DEFAULT_PATTERN = 'support-ticket-escalation-backlog';

export function WorkspacesPage() {
  const session = useCurrentSession();
  const canAct = session !== null && hasRole(session.role, 'operator');
  const list = useApiResource((signal) => workspaces.list({}, signal), []);
  const items = list.state.data?.items ?? [];
  return (
    <>
      <h2>Implementation workspaces</h2>
      <p className="muted">A pattern assigned to a team, carried from kickoff to a measured result and lessons learned.</p>
      {list.state.status === 'error' && <ErrorNotice error={list.state.error} action="load the workspaces" />}
      <section className="panel" aria-labelledby="ws-list-title">
        <div className="panel-head">
          <h3 id="ws-list-title">Workspaces{list.state.data !== null && <span className="muted"> · {items.length}</span>}</h3>
        </div>
        {list.state.data !== null && items.length === 0 ? (
          <EmptyState title="No workspace yet">Assign a pattern to a team to start one.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="Workspaces">
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">Pattern</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {items.map((w) => (
                  <tr key={w.id}>
                    <td>
                      <Link to={`/support/workspaces/${encodeURIComponent(w.id)}`}>{w.team}</Link>
                    </td>
                    <td>
                      {w.pattern.title} <span className="muted">v{w.pattern.version}</span>
                    </td>
                    <td>
                      <span className="badge badge-info" data-stage={w.stage}>
                        {STAGE_LABELS[w.stage]}
                      </span>
                    </td>
                    <td>{w.owner}</td>
                    <td className="nowrap">{w.updatedAt.slice(0, 16).replace('T', ' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canAct && <AssignForm />}
    </>
  );
}

function AssignForm() {
  const navigate = useNavigate();
  const [team, setTeam] = useState('');
  const [owner, setOwner] = useState('');
  const [pattern, setPattern] = useState(DEFAULT_PATTERN);
  const [days, setDays] = useState('14');
  const [clientName, setClientName] = useState('');
  const [clientLabel, setClientLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const client = clientName.trim() === '' ? undefined : { name: clientName.trim(), ...(clientLabel.trim() ? { label: clientLabel.trim() } : {}) };
      const made = await workspaces.create({ team, owner, patternSlug: pattern.trim(), stabilizationDays: Number(days), ...(client ? { client } : {}) });
      navigate(`/support/workspaces/${encodeURIComponent(made.workspace.id)}`);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="ws-assign-title">
      <h3 id="ws-assign-title">Assign a pattern to a team</h3>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="form-row">
          <label className="field grow">
            Team
            <input value={team} onChange={(e) => setTeam(e.target.value)} required />
          </label>
          <label className="field grow">
            Owner
            <input value={owner} onChange={(e) => setOwner(e.target.value)} required />
          </label>
          <label className="field grow">
            Pattern (slug)
            <input value={pattern} onChange={(e) => setPattern(e.target.value)} required />
          </label>
          <label className="field">
            Stabilization days
            <input type="number" min={0} max={365} step="any" value={days} onChange={(e) => setDays(e.target.value)} />
          </label>
        </div>
        <div className="form-row">
          <label className="field grow">
            Client (MSP engagements; never shown in the case study)
            <input value={clientName} onChange={(e) => setClientName(e.target.value)} />
          </label>
          <label className="field grow">
            Client label in the case study
            <input value={clientLabel} onChange={(e) => setClientLabel(e.target.value)} placeholder="the client" />
          </label>
        </div>
        {error !== null && <ErrorNotice error={error} action="assign the pattern" />}
        <button type="submit" className="button button-primary" disabled={busy}>
          Assign pattern
        </button>
      </form>
    </section>
  );
}

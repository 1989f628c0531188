// Support → Agents: each support agent's load against capacity as a bar, status, tier and skills;
// operators change an agent's status (away/offline re-routes their tickets, online takes queued ones).
import { useState } from 'react';
import { supportAgents, type SupportAgent } from '../../api/support-agents';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { useApiResource } from '../../hooks/use-api-resource';
import { hasRole } from '../../session/roles';
import { useCurrentSession } from '../../session/session-context';

export function AgentsPage() {
  const session = useCurrentSession();
  const canAct = session !== null && hasRole(session.role, 'operator');
  const [version, setVersion] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const list = useApiResource((signal) => supportAgents.list(signal), [version]);
  const items = list.state.data?.items ?? [];
  const change = async (a: SupportAgent, status: SupportAgent['status']) => {
    setFailure(null);
    try {
      await supportAgents.setStatus(a.id, status);
      setVersion((v) => v + 1);
    } catch (err) {
      setFailure(err);
    }
  };
  return (
    <>
      <h2>Support agents</h2>
      <p className="muted">Load is open tickets assigned now; capacity is the agent's maximum or the default ({list.state.data?.defaultMaxConcurrent ?? '…'}).</p>
      {list.state.status === 'error' && <ErrorNotice error={list.state.error} action="load the support agents" />}
      {failure !== null && <ErrorNotice error={failure} action="change the agent's status" />}
      {list.state.data !== null && items.length === 0 ? (
        <EmptyState title="No support agent yet">Add one with ow support-agent add.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Support agents">
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col">Tier</th>
                <th scope="col">Status</th>
                <th scope="col">Load</th>
                <th scope="col">Skills</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.name} <span className="muted">{a.id}</span>
                  </td>
                  <td>{a.tier}</td>
                  <td>
                    {canAct ? (
                      <select aria-label={`Status of ${a.name}`} value={a.status} onChange={(e) => void change(a, e.target.value as SupportAgent['status'])}>
                        <option value="online">online</option>
                        <option value="away">away</option>
                        <option value="offline">offline</option>
                      </select>
                    ) : (
                      a.status
                    )}
                  </td>
                  <td>
                    <meter aria-label={`Load of ${a.name}`} min={0} max={Math.max(1, a.capacity)} value={a.load} /> {a.load} / {a.capacity}
                  </td>
                  <td>{a.skills.map((s) => `${s.skill} ${s.level}`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

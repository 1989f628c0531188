// Operations → Agents: every agent with its stable and candidate versions and live failure rates;
// the selected agent's servicing panel (?agent=, so it survives a reload) and the creation wizard.
import { useSearchParams } from 'react-router-dom';
import { agents } from '../../api/agents';
import { ErrorNotice } from '../../components/error-notice';
import { StatusBadge } from '../../components/status-badge';
import { useApiResource } from '../../hooks/use-api-resource';
import { AgentServicing } from './agent-servicing';
import { AgentWizard } from './agent-wizard';
import './operations.css';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function Selected({ name, onChange }: { name: string; onChange: () => void }) {
  const res = useApiResource((signal) => agents.get(name, signal), [name], { pollMs: 2_000 });
  if (res.state.status === 'error' && res.state.data === null) return <ErrorNotice error={res.state.error} action={`load agent ${name}`} />;
  if (res.state.data === null) return <p className="muted">Loading {name}…</p>;
  return <AgentServicing a={res.state.data} onChange={() => { res.reload(); onChange(); }} />;
}

export function AgentsPage() {
  const [params, setParams] = useSearchParams();
  const list = useApiResource((signal) => agents.list(signal), [], { pollMs: 2_000 });
  const selected = params.get('agent');
  const wizard = params.get('new') === '1';
  const go = (change: (p: URLSearchParams) => void) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      change(n);
      return n;
    });
  const items = list.state.data?.items ?? [];

  return (
    <section className="panel" aria-labelledby="agents-title">
      <div className="panel-head">
        <h2 id="agents-title">Agents</h2>
        <button type="button" className="button" onClick={() => go((p) => { p.set('new', '1'); p.delete('agent'); })}>
          New agent
        </button>
      </div>
      {list.state.status === 'error' && <ErrorNotice error={list.state.error} action="load the agents" />}
      {list.state.data !== null && items.length === 0 && <p className="muted">No agents yet: create one from a template with New agent.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Agents">
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col">Stable</th>
                <th scope="col">Candidate</th>
                <th scope="col">Failure rate (last 50 runs)</th>
                <th scope="col" className="numeric">Versions</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.name} aria-selected={a.name === selected}>
                  <th scope="row">
                    <button type="button" className="button button-ghost" onClick={() => go((p) => { p.set('agent', a.name); p.delete('new'); })}>
                      {a.name}
                    </button>
                  </th>
                  <td>{a.deployment.stable === null ? <StatusBadge tone="neutral">draft</StatusBadge> : `v${a.deployment.stable}`}</td>
                  <td>{a.deployment.candidate === null ? '—' : <StatusBadge tone="warn">v{a.deployment.candidate} · {a.deployment.share} %</StatusBadge>}</td>
                  <td>{a.live.length === 0 ? '—' : a.live.map((l) => `v${l.version}: ${pct(l.failureRate)} of ${l.runs}`).join(' · ')}</td>
                  <td className="numeric">{a.versions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {wizard && <AgentWizard onDone={(name) => { list.reload(); go((p) => { p.delete('new'); p.set('agent', name); }); }} />}
      {selected && !wizard && <Selected key={selected} name={selected} onChange={list.reload} />}
    </section>
  );
}

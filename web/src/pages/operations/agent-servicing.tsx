// Servicing one agent: its deployment (canary progress per step), per-version success and failure
// counts (chart), upgrade by blue-green or canary, raise / promote / roll back with a reason, and
// the rollout history timeline (automatic decisions with their reason and figures).
import { useState } from 'react';
import { agents, type AgentDetail, type DeployRequest } from '../../api/agents';
import { BarChart } from '../../components/charts/bar-chart';
import { ErrorNotice } from '../../components/error-notice';
import { ProgressBar } from '../../components/progress-bar';
import { StatusBadge } from '../../components/status-badge';
import { Timeline } from '../../components/timeline';
import { AgentWizard } from './agent-wizard';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function CanaryProgress({ a }: { a: AgentDetail }) {
  const d = a.deployment;
  if (d.candidate === null) return <p>Stable v{d.stable ?? '—'} takes every task{d.previousStable !== null ? ` (v${d.previousStable} before it: roll back to switch back)` : ''}.</p>;
  return (
    <div aria-label="Canary progress">
      <p>
        Canary v{d.candidate} takes {d.share} % of tasks; stable v{d.stable} the rest.
        {d.threshold && ` Rolled back automatically when it fails ${pct(d.threshold.failureRate)} of its last ${d.threshold.window} runs (at least ${d.threshold.minSample}).`}
        {d.autoRaiseAfter !== null && ` Raised automatically after ${d.autoRaiseAfter} successes per step.`}
      </p>
      <ol className="canary-steps">
        {d.steps.map((s, i) => (
          <li key={s} aria-current={i === d.stepIndex ? 'step' : undefined}>
            <ProgressBar value={i <= d.stepIndex ? s : 0} max={100} label={`Step ${i + 1}: ${s} %${i === d.stepIndex ? ' (now)' : i < d.stepIndex ? ' (done)' : ''}`} />
          </li>
        ))}
      </ol>
    </div>
  );
}

export function AgentServicing({ a, onChange }: { a: AgentDetail; onChange: () => void }) {
  const [version, setVersion] = useState('');
  const [strategy, setStrategy] = useState<'canary' | 'blue-green'>('canary');
  const [steps, setSteps] = useState('5,25,50,100');
  const [failureRate, setFailureRate] = useState('0.2');
  const [window, setWindow] = useState('20');
  const [minSample, setMinSample] = useState('5');
  const [autoRaise, setAutoRaise] = useState('');
  const [reason, setReason] = useState('');
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const d = a.deployment;

  const act = async (what: () => Promise<unknown>) => {
    setError(null);
    try {
      await what();
      onChange();
    } catch (err) {
      setError(err);
    }
  };
  const deploy = () => {
    const v = Number(version);
    const body: DeployRequest =
      strategy === 'blue-green'
        ? { strategy, version: v }
        : { strategy, version: v, steps: steps.split(',').map((x) => Number(x.trim())), threshold: { failureRate: Number(failureRate), window: Number(window), minSample: Number(minSample) }, ...(autoRaise ? { autoRaiseAfter: Number(autoRaise) } : {}) };
    return act(() => agents.deploy(a.name, body));
  };
  const others = a.versionList.filter((v) => v.version !== d.stable && v.version !== d.candidate);

  return (
    <section className="panel" aria-labelledby="servicing-title">
      <h3 id="servicing-title">
        {a.name} {d.stable !== null && <StatusBadge tone="ok">stable v{d.stable}</StatusBadge>} {d.candidate !== null && <StatusBadge tone="warn">canary v{d.candidate} · {d.share} %</StatusBadge>}
      </h3>
      {a.description && <p className="muted">{a.description}</p>}
      <CanaryProgress a={a} />
      {d.candidate !== null && (
        <p>
          <button type="button" className="button" onClick={() => void act(() => agents.raise(a.name))}>
            Raise to next step
          </button>{' '}
          <button type="button" className="button" onClick={() => void act(() => agents.promote(a.name))}>
            Promote v{d.candidate}
          </button>
        </p>
      )}
      {(d.candidate !== null || d.previousStable !== null) && (
        <div className="field">
          <label htmlFor="rollback-reason">Reason for rolling back</label>
          <input id="rollback-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="button button-danger" disabled={reason.trim() === ''} onClick={() => void act(async () => { await agents.rollback(a.name, reason.trim()); setReason(''); })}>
            {d.candidate !== null ? `Roll back canary v${d.candidate}` : `Switch back to v${d.previousStable}`}
          </button>
        </div>
      )}
      <BarChart
        title={`Runs of ${a.name} per version`}
        description="Successful and failed runs of each version, all time"
        rows={a.counts.map((c) => ({ id: `v${c.version}`, label: `v${c.version}`, segments: [{ key: 'ok', label: 'succeeded', value: c.succeeded, className: 'bar-ok' }, { key: 'failed', label: 'failed', value: c.failed, className: 'bar-fail' }] }))}
      />
      <table className="table" aria-label="Runs per version">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">State</th>
            <th scope="col">Template</th>
            <th scope="col" className="numeric">Succeeded</th>
            <th scope="col" className="numeric">Failed</th>
          </tr>
        </thead>
        <tbody>
          {a.versionList.map((v) => {
            const c = a.counts.find((x) => x.version === v.version);
            return (
              <tr key={v.version}>
                <td>v{v.version}</td>
                <td>{v.state}</td>
                <td>{v.template}</td>
                <td className="numeric">{c?.succeeded ?? 0}</td>
                <td className="numeric">{c?.failed ?? 0}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {d.candidate === null && others.length > 0 && (
        <fieldset>
          <legend>Upgrade</legend>
          <div className="field">
            <label htmlFor="deploy-version">Version</label>
            <select id="deploy-version" value={version} onChange={(e) => setVersion(e.target.value)}>
              <option value="">choose…</option>
              {others.map((v) => (
                <option key={v.version} value={v.version}>
                  v{v.version} ({v.state}, {v.template})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="deploy-strategy">Strategy</label>
            <select id="deploy-strategy" value={strategy} onChange={(e) => setStrategy(e.target.value as 'canary' | 'blue-green')}>
              <option value="canary">canary (a share of tasks, in steps)</option>
              <option value="blue-green">blue-green (every task at once)</option>
            </select>
          </div>
          {strategy === 'canary' && (
            <>
              <div className="field"><label htmlFor="canary-steps">Steps (%)</label><input id="canary-steps" value={steps} onChange={(e) => setSteps(e.target.value)} /></div>
              <div className="field"><label htmlFor="canary-rate">Failure-rate threshold (0–1)</label><input id="canary-rate" value={failureRate} onChange={(e) => setFailureRate(e.target.value)} /></div>
              <div className="field"><label htmlFor="canary-window">Window (runs)</label><input id="canary-window" value={window} onChange={(e) => setWindow(e.target.value)} /></div>
              <div className="field"><label htmlFor="canary-min">Minimum sample</label><input id="canary-min" value={minSample} onChange={(e) => setMinSample(e.target.value)} /></div>
              <div className="field"><label htmlFor="canary-auto">Raise automatically after N successes (empty: by hand)</label><input id="canary-auto" value={autoRaise} onChange={(e) => setAutoRaise(e.target.value)} /></div>
            </>
          )}
          <button type="button" className="button" disabled={version === ''} onClick={() => void deploy()}>
            {strategy === 'canary' ? 'Start canary' : 'Switch now'}
          </button>
        </fieldset>
      )}
      <p>
        <button type="button" className="button button-ghost" onClick={() => setAdding((x) => !x)}>
          {adding ? 'Close the new version' : 'New version…'}
        </button>
      </p>
      {adding && <AgentWizard existing={a.name} onDone={() => { setAdding(false); onChange(); }} />}
      {error !== null && <ErrorNotice error={error} action="change the deployment" />}
      <h4>Rollout history</h4>
      <Timeline
        label={`Rollout history of ${a.name}`}
        empty="Nothing deployed yet."
        items={a.history.map((h) => ({
          id: h.id,
          at: h.at,
          title: `${h.action} ${h.fromVersion !== null ? `v${h.fromVersion} → ` : ''}v${h.toVersion ?? '—'}${h.action === 'canary-start' || h.action === 'raise' ? ` at ${h.share} %` : ''}`,
          detail: `${h.automatic ? 'automatic' : `by ${h.actor}`}${h.reason ? ` — ${h.reason}` : ''}`,
          tone: h.action === 'rollback' ? 'fail' : h.action === 'promote' ? 'ok' : 'info',
          badge: h.automatic ? 'auto' : h.action,
        }))}
      />
    </section>
  );
}

// The step the workspace can take now, as a small form: kickoff, Jira export, baseline, shadow,
// production, measure (forced early only with a reason), results report, lessons learned.
import { useState, type ReactNode } from 'react';
import type { WorkspaceDetail, WorkspaceStep } from '../../api/workspaces';
import { EMPTY_FIGURES, figuresBody, type FigureFields } from './workspace-format';

export type RunStep = (step: WorkspaceStep, body?: Record<string, unknown>) => Promise<boolean>;

function FigureInputs({ value, onChange, legend }: { value: FigureFields; onChange: (f: FigureFields) => void; legend: string }) {
  const field = (key: keyof FigureFields, label: string) => (
    <label className="field">
      {label}
      <input type="number" min={0} step="any" value={value[key]} onChange={(e) => onChange({ ...value, [key]: e.target.value })} />
    </label>
  );
  return (
    <fieldset className="form-row">
      <legend>{legend}</legend>
      {field('tickets', 'Tickets resolved')}
      {field('mttrHours', 'MTTR (h)')}
      {field('firstResponseHours', 'First response (h)')}
      {field('slaBreachPercent', 'SLA breach (%)')}
      {field('reEscalationPercent', 'Re-escalation (%)')}
    </fieldset>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby="ws-action-title">
      <h3 id="ws-action-title">{title}</h3>
      {children}
    </section>
  );
}

export function WorkspaceActions({ detail, busy, run, csvUrl }: { detail: WorkspaceDetail; busy: boolean; run: RunStep; csvUrl: string }) {
  const { workspace: w, integrations } = detail;
  const [source, setSource] = useState<'live' | 'import' | 'manual'>(integrations.metrics ? 'live' : 'manual');
  const [importId, setImportId] = useState('');
  const [figures, setFigures] = useState<FigureFields>(EMPTY_FIGURES);
  const [days, setDays] = useState(String(w.stabilizationDays));
  const [force, setForce] = useState(false);
  const [reason, setReason] = useState('');
  const [cost, setCost] = useState('');
  const [perHour, setPerHour] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [lessons, setLessons] = useState('');
  const manual = source === 'manual' || !integrations.metrics;

  switch (w.stage) {
    case 'assigned':
      return (
        <Panel title="Team kickoff">
          <p>Walk the team through the As-Is and Orchestrated diagrams, then list the checklist items so each gets an owner.</p>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void run('kickoff')}>
            Hold the kickoff
          </button>
        </Panel>
      );
    case 'kickoff':
      return (
        <Panel title="Create implementation tickets">
          <p>Every item needs an owner; the export turns the checklist into Jira tickets (CSV with Summary, Description, Issue Type, Labels, Priority, Assignee).</p>
          <div className="actions-row">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void run('export')}>
              Export to Jira and start
            </button>
            <a className="button button-ghost" href={csvUrl} download>
              Download Jira CSV
            </a>
          </div>
        </Panel>
      );
    case 'implementation':
      return (
        <Panel title="Baseline current metrics">
          <div className="form">
            <label className="field">
              Data
              <select value={source} onChange={(e) => setSource(e.target.value as typeof source)}>
                {integrations.metrics && <option value="live">Live tickets</option>}
                {integrations.metrics && <option value="import">Imported history</option>}
                <option value="manual">Figures typed in</option>
              </select>
            </label>
            {source === 'import' && (
              <label className="field">
                Import id (blank: the latest import)
                <input value={importId} onChange={(e) => setImportId(e.target.value)} placeholder="imp_…" />
              </label>
            )}
            {manual && <FigureInputs legend="Baseline figures (all tickets)" value={figures} onChange={setFigures} />}
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void run('baseline', manual ? { source: 'manual', figures: figuresBody(figures) } : { source, ...(importId.trim() ? { importId: importId.trim() } : {}) })}
            >
              Capture baseline
            </button>
          </div>
        </Panel>
      );
    case 'baselined':
      return (
        <Panel title="Shadow mode">
          <p>The Smart Router and the SLA Monitor record their decisions without applying them, so the team can compare before switching.</p>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void run('shadow')}>
            Enable router and monitor in shadow mode
          </button>
        </Panel>
      );
    case 'shadow':
      return (
        <Panel title="Deploy to production">
          <div className="form">
            <label className="field">
              Stabilization window (days)
              <input type="number" min={0} max={365} step="any" value={days} onChange={(e) => setDays(e.target.value)} />
            </label>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void run('production', { stabilizationDays: Number(days) })}>
              Go to production
            </button>
          </div>
        </Panel>
      );
    case 'production': {
      const early = detail.journey.window !== null && !detail.journey.window.elapsed;
      return (
        <Panel title="Measure post-implementation metrics">
          <div className="form">
            {!integrations.metrics && <FigureInputs legend="Measured figures (all tickets)" value={figures} onChange={setFigures} />}
            {early && (
              <>
                <label className="field inline">
                  <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Measure before the window ends
                </label>
                {force && (
                  <label className="field">
                    Reason
                    <input value={reason} onChange={(e) => setReason(e.target.value)} />
                  </label>
                )}
              </>
            )}
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void run('measure', { ...(!integrations.metrics ? { figures: figuresBody(figures) } : {}), ...(force ? { force: true, reason } : {}) })}
            >
              Measure
            </button>
          </div>
        </Panel>
      );
    }
    case 'measured':
      return (
        <Panel title="Report results to leadership">
          <div className="form-row">
            <label className="field">
              Implementation cost
              <input type="number" min={0} step="any" value={cost} onChange={(e) => setCost(e.target.value)} />
            </label>
            <label className="field">
              Cost per hour of ticket time
              <input type="number" min={0} step="any" value={perHour} onChange={(e) => setPerHour(e.target.value)} />
            </label>
            <label className="field">
              Currency
              <input value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
            </label>
          </div>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void run('report', { implementationCost: Number(cost || 0), costPerHour: Number(perHour || 0), currency })}>
            Generate results report
          </button>
        </Panel>
      );
    case 'reported':
      return (
        <Panel title="Document lessons learned">
          <label className="field">
            One lesson per line
            <textarea rows={4} value={lessons} onChange={(e) => setLessons(e.target.value)} />
          </label>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void run('lessons', { lessons: lessons.split('\n').map((l) => l.trim()).filter((l) => l !== '') })}>
            Record lessons on the pattern
          </button>
        </Panel>
      );
    case 'lessons':
      return null;
  }
}

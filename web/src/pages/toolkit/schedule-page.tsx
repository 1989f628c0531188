// Project scheduling: a work breakdown (uploaded CSV, pasted, or the Epic 5.1 example) planned for
// N people: Gantt chart with the critical path marked, slack, assignees, milestones, exports.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { advisorApi, type ScheduleResult } from '../../api/advisor';
import { GanttChart } from '../../components/charts/gantt-chart';
import { ErrorNotice } from '../../components/error-notice';
import { StatusBadge } from '../../components/status-badge';
import { ExplanationList } from './explanation-list';
import { ExportButtons } from './export-buttons';
import { workBreakdownCsv } from './work-breakdown-csv';

const EXAMPLE_ID = 'epic-5.1-plan';

interface Request {
  csv: string;
  query: { people: string; deadline?: string; unit?: string };
}

export function SchedulePage() {
  const [csv, setCsv] = useState('');
  const [people, setPeople] = useState('2');
  const [deadline, setDeadline] = useState('');
  const [unit, setUnit] = useState('');
  const [result, setResult] = useState<{ schedule: ScheduleResult; request: Request } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function plan(request: Request): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      setResult({ schedule: await advisorApi.schedule({ csv: request.csv }, request.query), request });
    } catch (failure) {
      setError(failure);
      setResult(null);
    } finally {
      setBusy(false);
    }
  }

  function current(text = csv, who = people, u = unit): Request {
    return { csv: text, query: { people: who, ...(deadline.trim() !== '' ? { deadline: deadline.trim() } : {}), ...(u !== '' ? { unit: u } : {}) } };
  }

  async function useExample(): Promise<void> {
    setError(null);
    try {
      const detail = await advisorApi.documents.get(EXAMPLE_ID);
      const text = workBreakdownCsv(detail.document.content);
      if (text === null) throw new Error(`The saved document ${EXAMPLE_ID} holds no task list`);
      const saved = detail.document.content as { people?: unknown; unit?: unknown };
      const who = typeof saved.people === 'number' ? String(saved.people) : people;
      const u = saved.unit === 'points' || saved.unit === 'days' ? saved.unit : unit;
      setCsv(text);
      setPeople(who);
      setUnit(u);
      await plan(current(text, who, u));
    } catch (failure) {
      setError(failure);
    }
  }

  async function upload(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    if (file !== undefined) setCsv(await file.text());
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    void plan(current());
  }

  return (
    <>
      <h2>Schedule</h2>
      <p className="muted">Critical path and a resource-levelled schedule: each task takes one person; the task with the least slack goes first.</p>
      <form className="form" onSubmit={submit}>
        <div className="form-row">
          <button type="button" className="button" onClick={() => void useExample()} disabled={busy}>
            Use the Epic 5.1 example
          </button>
          <div className="field">
            <label htmlFor="csv-file">Upload a CSV</label>
            <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => void upload(e)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="csv-text">Work breakdown (CSV: id,name,estimate,depends_on; dependencies separated by “;”)</label>
          <textarea id="csv-text" className="toolkit-input" value={csv} onChange={(e) => setCsv(e.target.value)} spellCheck={false} required />
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor="people">People</label>
            <input id="people" type="number" min={1} max={1000} step={1} value={people} onChange={(e) => setPeople(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="deadline">Deadline (optional)</label>
            <input id="deadline" type="number" min={0} step="any" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="unit">Estimates in</label>
            <select id="unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
              <option value="">units</option>
              <option value="points">points</option>
              <option value="days">days</option>
            </select>
          </div>
          <button type="submit" className="button button-primary" disabled={busy || csv.trim() === ''}>
            {busy ? 'Planning…' : 'Plan the schedule'}
          </button>
        </div>
      </form>
      {error !== null && <ErrorNotice error={error} action="plan the schedule" />}
      {result !== null && <ScheduleView schedule={result.schedule} request={result.request} />}
    </>
  );
}

function ScheduleView({ schedule: s, request }: { schedule: ScheduleResult; request: Request }) {
  const who = s.people === 1 ? '1 person' : `${s.people} people`;
  const slack = Object.fromEntries(s.tasks.map((t) => [t.id, t.slack]));
  return (
    <>
      <section className="panel" aria-labelledby="gantt-title">
        <div className="panel-head">
          <h2 id="gantt-title">Gantt chart</h2>
        </div>
        <p className="summary-line" data-testid="schedule-summary">
          {`${s.tasks.length} tasks, ${s.totalEstimate} ${s.unit} of work: ${s.duration} ${s.unit} with ${who} (critical path alone ${s.networkDuration}).`}
        </p>
        <p>
          Critical path: <span className="critical-path" data-testid="critical-path">{s.criticalPath.join(' → ')}</span>
        </p>
        {s.feasibility.deadline !== null && (
          <div className={`notice ${s.feasibility.feasible ? 'notice-ok' : 'notice-error'}`} role="status">
            <p className="notice-title">{s.feasibility.feasible ? `Deadline ${s.feasibility.deadline} is met` : `Deadline ${s.feasibility.deadline} cannot be met`}</p>
            {s.feasibility.reasons.map((r) => (
              <p key={r}>{r}</p>
            ))}
          </div>
        )}
        <GanttChart title={`Schedule for ${who}`} bars={s.gantt.bars} duration={s.duration} unit={s.unit} milestones={s.gantt.milestones} slack={slack} deadline={s.feasibility.deadline} />
        <ul className="chart-legend">
          <li>
            <span className="swatch" style={{ background: 'var(--fail)' }} />
            critical (no slack)
          </li>
          <li>
            <span className="swatch" style={{ background: '#8fa6d6' }} />
            has slack (dashed tail)
          </li>
          <li>◆ milestone</li>
        </ul>
        <ExportButtons name="schedule" load={(format) => advisorApi.exportAnalysis('schedule', { csv: request.csv }, format, request.query)} />
      </section>
      <section className="panel" aria-labelledby="tasks-title">
        <h2 id="tasks-title">Tasks</h2>
        <div className="table-wrap">
          <table className="table compact" aria-label="Scheduled tasks">
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col" className="numeric">Estimate</th>
                <th scope="col" className="numeric">Start</th>
                <th scope="col" className="numeric">Finish</th>
                <th scope="col" className="numeric">Slack</th>
                <th scope="col">Assignee</th>
                <th scope="col">Critical</th>
              </tr>
            </thead>
            <tbody>
              {s.tasks.map((t) => (
                <tr key={t.id} className={t.critical ? 'row-critical' : undefined}>
                  <th scope="row">{`${t.id} ${t.name}`}</th>
                  <td className="numeric">{t.estimate}</td>
                  <td className="numeric">{t.start}</td>
                  <td className="numeric">{t.finish}</td>
                  <td className="numeric">{t.slack}</td>
                  <td>{t.assignee ?? 'milestone'}</td>
                  <td>{t.critical ? <StatusBadge tone="fail">critical</StatusBadge> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <div className="two-columns">
        <section className="panel" aria-labelledby="milestones-title">
          <h2 id="milestones-title">Milestones</h2>
          {s.milestones.length === 0 ? (
            <p className="muted">None: work overlaps until the very end.</p>
          ) : (
            <ul>
              {s.milestones.map((m) => (
                <li key={`${m.name}-${m.at}`}>
                  <strong>{m.at}</strong> {m.name}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby="load-title">
          <h2 id="load-title">People</h2>
          <ul>
            {s.load.map((l) => (
              <li key={l.person}>
                <strong>{l.person}</strong>: {l.tasks.join(', ') || 'no task'} ({l.busy} {s.unit}, {Math.round(l.utilization * 100)}% busy)
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section className="panel">
        <ExplanationList lines={s.explanation} />
      </section>
    </>
  );
}

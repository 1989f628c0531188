// The current stage's metrics (reported, or computed from the event log) and, for operators, the
// report form: `name=value` lines, checked line by line before anything is sent. The metrics the
// next gate reads are listed with their thresholds, and can be added to the form in one click.
import { useState, type FormEvent } from 'react';
import { journeys, type DefinitionDocument, type JourneyDetail } from '../../api/journeys';
import { formatValue } from './journey-format';
import { parseMetricLines, withMissingNames, type LineError } from './metric-lines';

export interface GateCriterion {
  metric: string;
  expected: string;
  description: string;
}

/** What the forward transitions from the current stage check: its exit criteria, the target's entry criteria. */
export function nextGateCriteria(detail: JourneyDetail, document: DefinitionDocument | null): GateCriterion[] {
  if (document === null) return [];
  const stage = document.stages.find((s) => s.id === detail.journey.currentStage);
  const targets = detail.allowedEvents.filter((e) => e.kind === 'forward' && e.guard === 'exit_criteria').map((e) => document.stages.find((s) => s.id === e.to));
  const criteria = [...(stage?.exitCriteria ?? []), ...targets.flatMap((t) => t?.entryCriteria ?? [])];
  return criteria.map((c) => ({ metric: c.metric, expected: `${c.operator} ${c.threshold}`, description: c.description ?? c.name ?? c.metric }));
}

export function MetricsPanel({
  detail,
  document,
  canAct,
  onReported,
  onFailure,
}: {
  detail: JourneyDetail;
  document: DefinitionDocument | null;
  canAct: boolean;
  onReported(message: string): void;
  onFailure(error: unknown): void;
}) {
  const [text, setText] = useState('');
  const [lineErrors, setLineErrors] = useState<LineError[]>([]);
  const [busy, setBusy] = useState(false);
  const criteria = nextGateCriteria(detail, document);
  const values = Object.entries(detail.metrics.values).sort(([a], [b]) => a.localeCompare(b));
  const finished = detail.journey.status === 'completed' || detail.journey.status === 'cancelled';

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const parsed = parseMetricLines(text);
    if (!parsed.ok) {
      setLineErrors(parsed.errors);
      return;
    }
    setLineErrors([]);
    setBusy(true);
    try {
      const result = await journeys.reportMetrics(detail.journey.journeyId, parsed.metrics);
      const auto = result.automatic.map((a) => `${a.event}: ${a.from} → ${a.to} (${a.why})`).join('; ');
      onReported(`Reported ${Object.keys(parsed.metrics).length} metrics for ${detail.journey.currentStage}.${auto === '' ? '' : ` The runtime then acted: ${auto}.`}`);
      setText('');
    } catch (failure) {
      onFailure(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="jm-title">
      <h2 id="jm-title">Metrics of the current stage</h2>
      {values.length === 0 ? (
        <p className="muted">No metric reported or computed for this stage yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table compact" aria-label="Current metrics">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col" className="numeric">
                  Value
                </th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {values.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">
                    <code>{name}</code>
                  </th>
                  <td className="numeric">{formatValue(value)}</td>
                  <td>{detail.metrics.sources[name] ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {criteria.length > 0 && (
        <>
          <h3 className="jm-sub">What the next gate reads</h3>
          <ul className="jm-criteria">
            {criteria.map((c, i) => (
              <li key={`${c.metric}-${i}`}>
                <code>
                  {c.metric} {c.expected}
                </code>{' '}
                {c.description}
              </li>
            ))}
          </ul>
        </>
      )}
      {canAct && !finished && (
        <form className="form" onSubmit={(e) => void submit(e)} aria-label="Report metrics">
          <div className="field">
            <label htmlFor="jm-lines">Report metrics (one name=value per line)</label>
            <textarea
              id="jm-lines"
              className="jm-lines"
              rows={6}
              value={text}
              spellCheck={false}
              placeholder={'search_precision=0.86\nsecurity_vulnerabilities=0'}
              aria-invalid={lineErrors.length > 0}
              aria-describedby={lineErrors.length > 0 ? 'jm-errors' : undefined}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          {lineErrors.length > 0 && (
            <ul id="jm-errors" className="field-errors jm-errors" role="alert">
              {lineErrors.map((e, i) => (
                <li key={i}>
                  <code>line {e.line}</code> {e.message}
                </li>
              ))}
            </ul>
          )}
          <div className="actions-row">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Reporting…' : 'Report metrics'}
            </button>
            {criteria.length > 0 && (
              <button type="button" className="button" onClick={() => setText((t) => withMissingNames(t, criteria.map((c) => c.metric)))}>
                Add the gate’s metric names
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}

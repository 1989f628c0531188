// Support → Metrics: what each metric means, and the latest baseline against the latest measurement as
// a before/after table, bars per priority and, from a cost per hour and the implementation cost, ROI.
import { useState } from 'react';
import { metrics, PRIORITY_KEYS, type Snapshot } from '../../api/metrics';
import { BarChart, type BarRow } from '../../components/charts/bar-chart';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { useApiResource } from '../../hooks/use-api-resource';

const fmt = (key: string, v: number | null) => (v === null ? '–' : key.endsWith('Rate') ? `${(v * 100).toFixed(1)} %` : `${v.toFixed(1)} h`);
const money = (v: number | null) => (v === null ? '–' : Math.round(v).toLocaleString('en-US'));

function latest(items: readonly Snapshot[], kind: Snapshot['kind']): Snapshot | undefined {
  return items.find((s) => s.kind === kind);
}

export function MetricsPage() {
  const defs = useApiResource((signal) => metrics.definitions(signal), []);
  const snaps = useApiResource((signal) => metrics.snapshots(signal), []);
  const [costPerHour, setCostPerHour] = useState('50');
  const [implementationCost, setImplementationCost] = useState('20000');
  const items = snaps.state.data?.items ?? [];
  const baseline = latest(items, 'baseline');
  const measured = latest(items, 'measured');
  const cph = Number(costPerHour);
  const cost = Number(implementationCost);
  const roiInputsOk = costPerHour.trim() !== '' && implementationCost.trim() !== '' && Number.isFinite(cph) && Number.isFinite(cost) && cph >= 0 && cost >= 0;
  const cmp = useApiResource(
    (signal) => metrics.compare({ baseline: baseline!.id, measured: measured!.id, ...(roiInputsOk ? { costPerHour: cph, implementationCost: cost } : {}) }, signal),
    [baseline?.id, measured?.id, roiInputsOk ? cph : null, roiInputsOk ? cost : null],
    { enabled: baseline !== undefined && measured !== undefined },
  );
  const names = new Map((defs.state.data?.items ?? []).map((d) => [d.key, d.name]));
  const rows: BarRow[] = baseline && measured
    ? PRIORITY_KEYS.flatMap((p) => [
        { id: `${p}-before`, label: `${p} · before`, segments: [{ key: 'mttr', label: 'MTTR', value: Math.round((baseline.figures.byPriority[p].mttrHours.mean ?? 0) * 10) / 10, className: 'bar-wait' }] },
        { id: `${p}-after`, label: `${p} · after`, segments: [{ key: 'mttr', label: 'MTTR', value: Math.round((measured.figures.byPriority[p].mttrHours.mean ?? 0) * 10) / 10, className: 'bar-primary' }] },
      ])
    : [];
  return (
    <>
      <h2>Metrics</h2>
      {defs.state.status === 'error' && <ErrorNotice error={defs.state.error} action="load the metric definitions" />}
      <section className="panel" aria-labelledby="metric-defs">
        <h3 id="metric-defs">Definitions</h3>
        <dl>
          {(defs.state.data?.items ?? []).map((d) => (
            <div key={d.key}>
              <dt>
                {d.name} <span className="muted">({d.unit}, {d.direction.replace(/-/g, ' ')})</span>
              </dt>
              <dd>{d.formula}</dd>
            </div>
          ))}
          {defs.state.data && (
            <div>
              <dt>{defs.state.data.roi.name}</dt>
              <dd>{defs.state.data.roi.formula}</dd>
            </div>
          )}
        </dl>
      </section>
      {snaps.state.status === 'error' && <ErrorNotice error={snaps.state.error} action="load the snapshots" />}
      <section className="panel" aria-labelledby="before-after">
        <h3 id="before-after">Before and after</h3>
        {!baseline || !measured ? (
          <EmptyState title="No baseline and measurement yet">
            Import history and take a baseline (ow metrics import FILE --commit; ow metrics baseline), then measure after the stabilization window (ow metrics measure).
          </EmptyState>
        ) : (
          <>
            <p className="muted">
              Baseline {baseline.id} ({baseline.source}, {baseline.figures.all.tickets} tickets) against {measured.id} ({measured.source}, {measured.figures.all.tickets} tickets).
            </p>
            {cmp.state.status === 'error' && <ErrorNotice error={cmp.state.error} action="compare the snapshots" />}
            {cmp.state.data && (
              <table className="table" aria-label="Before and after">
                <thead>
                  <tr>
                    <th scope="col">Metric</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                    <th scope="col">Improvement</th>
                  </tr>
                </thead>
                <tbody>
                  {cmp.state.data.comparison.all.map((m) => (
                    <tr key={m.key}>
                      <th scope="row">{names.get(m.key) ?? m.key}</th>
                      <td>{fmt(m.key, m.before)}</td>
                      <td>{fmt(m.key, m.after)}</td>
                      <td>{m.improvementPct === null ? '–' : `${m.improvementPct >= 0 ? '+' : ''}${m.improvementPct.toFixed(1)} %`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <BarChart title="MTTR per priority, before and after" description="Mean hours to resolve per priority in the baseline and the measurement" rows={rows} unit="h" labelWidth={150} />
            <fieldset>
              <legend>ROI</legend>
              <label>
                Cost per hour a ticket stays open <input name="costPerHour" inputMode="decimal" value={costPerHour} onChange={(e) => setCostPerHour(e.target.value)} />
              </label>{' '}
              <label>
                Implementation cost <input name="implementationCost" inputMode="decimal" value={implementationCost} onChange={(e) => setImplementationCost(e.target.value)} />
              </label>
              {!roiInputsOk && <p role="alert">Both ROI inputs need a number of 0 or more.</p>}
              {cmp.state.data?.roi && (
                <p>
                  Hours saved per week {cmp.state.data.roi.hoursSavedPerWeek === null ? '–' : cmp.state.data.roi.hoursSavedPerWeek.toFixed(1)} · annual savings {money(cmp.state.data.roi.annualSavings)} · ROI{' '}
                  {cmp.state.data.roi.roi === null ? '–' : `${(cmp.state.data.roi.roi * 100).toFixed(0)} %`} · payback{' '}
                  {cmp.state.data.roi.paybackWeeks === null ? 'never' : `${cmp.state.data.roi.paybackWeeks.toFixed(1)} weeks`}
                </p>
              )}
            </fieldset>
          </>
        )}
      </section>
    </>
  );
}

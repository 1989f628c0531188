// Performance metrics: each KPI checked against SMART with the reason per criterion, OKR progress
// bars, the balanced scorecard by perspective with its gaps, trend lines, and live bindings.
import { useState } from 'react';
import { kpiResultSchema, type KpiResult, type ScorecardKpi } from '../../api/advisor';
import { TrendLine } from '../../components/charts/trend-line';
import { ErrorNotice } from '../../components/error-notice';
import { StatusBadge, type Tone } from '../../components/status-badge';
import { DocumentPicker } from './document-picker';
import { ExplanationList } from './explanation-list';
import { ExportButtons } from './export-buttons';
import { OwnInput } from './own-input';
import { useDocumentAnalysis } from './use-document-analysis';

const pct = (ratio: number | null) => (ratio === null ? '—' : `${Math.round(ratio * 1000) / 10}%`);
const STATUS_TONE: Readonly<Record<string, Tone>> = { met: 'ok', achieved: 'ok', 'on track': 'ok', behind: 'warn', 'at risk': 'warn', 'off track': 'fail', 'not measured': 'neutral' };

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function KpiPage() {
  const [asOf, setAsOf] = useState(today());
  const page = useDocumentAnalysis('kpi', kpiResultSchema, 'epic-5.1-kpis', { asOf });
  return (
    <>
      <h2>KPIs</h2>
      <p className="muted">KPIs checked against SMART, OKRs with progress, and a balanced scorecard; a KPI bound to a live metric shows whether it could be read.</p>
      <div className="form-row">
        <DocumentPicker kind="kpi-set" value={page.docId} onChange={page.chooseDocument} label="KPI set" />
        <div className="field">
          <label htmlFor="as-of">As of</label>
          <input id="as-of" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value || today())} />
        </div>
      </div>
      <OwnInput label="Analyse your own KPIs or OKRs (JSON)" placeholder='[{"id": "mttr", "name": "Mean time to resolve", "unit": "hours", "baseline": 48, "target": 30, "deadline": "2026-09-30"}] or {"objectives": […]}' onAnalyse={page.analyseOwn} busy={page.busy} />
      {page.error !== null && <ErrorNotice error={page.error} action="check the KPIs" />}
      {page.busy && page.result === null && <p className="muted">Checking…</p>}
      {page.result !== null && <KpiView result={page.result} exporter={page.exporter} name={page.exportName} />}
    </>
  );
}

function KpiView({ result, exporter, name }: { result: KpiResult; exporter: ReturnType<typeof useDocumentAnalysis>['exporter']; name: string }) {
  const kpis: ScorecardKpi[] = result.scorecard === null ? [] : [...result.scorecard.perspectives.flatMap((p) => p.kpis), ...result.scorecard.unassigned];
  const trended = kpis.filter((k) => k.trend !== null);
  return (
    <>
      {exporter !== null && <ExportButtons name={name} load={exporter} />}
      {result.smart !== null && (
        <section className="panel" aria-labelledby="smart-title">
          <h2 id="smart-title">SMART check</h2>
          <p className="summary-line">{result.smart.explanation[0]}</p>
          <div className="smart-grid">
            {result.smart.checks.map((c) => (
              <article key={c.kpiId} className="smart-card" aria-label={`SMART check of ${c.name}`}>
                <h3>
                  {c.name} <StatusBadge tone={c.smart ? 'ok' : 'warn'}>{c.smart ? 'SMART' : `${c.passed}/5`}</StatusBadge>
                </h3>
                <ul>
                  {c.criteria.map((x) => (
                    <li key={x.letter} className={x.passed ? 'smart-pass' : 'smart-fail'}>
                      <strong>{x.name}</strong> {x.passed ? 'passed' : 'failed'}: {x.explanation}
                    </li>
                  ))}
                </ul>
              </article>
            ))}
          </div>
        </section>
      )}
      {result.okrs !== null && (
        <section className="panel" aria-labelledby="okr-title">
          <h2 id="okr-title">OKR progress</h2>
          <p className="summary-line">Overall: {pct(result.okrs.overall)}</p>
          {result.okrs.objectives.map((o) => (
            <div key={o.id}>
              <h3>
                {`${o.id} ${o.title}`} <StatusBadge tone={STATUS_TONE[o.status] ?? 'neutral'}>{o.status}</StatusBadge>
              </h3>
              <div className="progress">
                <progress max={1} value={o.progress ?? 0} aria-label={`${o.title}: ${pct(o.progress)}`} />
                <span>{pct(o.progress)}</span>
              </div>
              <ul>
                {o.keyResults.map((k) => (
                  <li key={k.id}>
                    <div className="progress">
                      <progress max={1} value={k.progress ?? 0} aria-label={`${k.title}: ${pct(k.progress)}`} />
                      <span>
                        <strong>{`${k.id} ${k.title}`}</strong> {pct(k.progress)} <span className="muted">({k.explanation})</span>
                      </span>
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      {result.scorecard !== null && (
        <section className="panel" aria-labelledby="scorecard-title">
          <h2 id="scorecard-title">Balanced scorecard</h2>
          {result.scorecard.gaps.length > 0 && <p className="callout">No KPI covers {result.scorecard.gaps.join(', ')}: the scorecard is blind there.</p>}
          <div className="perspectives">
            {result.scorecard.perspectives.map((p) => (
              <article key={p.perspective} className="smart-card" aria-label={`${p.perspective} perspective`}>
                <h3>
                  {p.perspective} <span className="muted">{p.kpis.length === 0 ? 'no KPI' : p.score === null ? 'not measured yet' : pct(p.score)}</span>
                </h3>
                <ul>
                  {p.kpis.map((k) => (
                    <li key={k.id}>
                      <strong>{k.name}</strong> <StatusBadge tone={STATUS_TONE[k.status] ?? 'neutral'}>{k.status}</StatusBadge>
                      <span className="cell-note">
                        {`${k.baseline ?? '—'} → ${k.target ?? '—'}${k.unit === null ? '' : ` ${k.unit}`}${k.current === null ? '' : `, now ${k.current}`}`}
                        {k.binding !== null && ` · live: ${k.binding.source} ${k.binding.metric}`}
                      </span>
                    </li>
                  ))}
                </ul>
              </article>
            ))}
          </div>
          <h3>Trends</h3>
          {trended.length === 0 ? (
            <p className="muted">No KPI has two or more dated values in its history yet, so there is no trend to draw.</p>
          ) : (
            <div className="two-columns">
              {trended.map((k) => (
                <figure key={k.id}>
                  <TrendLine title={`${k.name}: history and trend`} points={k.trend!.points} target={k.target} unit={k.unit} />
                  <figcaption className="muted">{`${k.name}: dots are measurements, the line the least-squares trend, the dashed line the target.`}</figcaption>
                </figure>
              ))}
            </div>
          )}
        </section>
      )}
      {result.bindings.length > 0 && (
        <section className="panel" aria-labelledby="kpi-bindings-title">
          <h2 id="kpi-bindings-title">Live metric bindings</h2>
          <ul>
            {result.bindings.map((b) => (
              <li key={b.pointer}>
                <strong>{b.item}</strong> ({b.source}: {b.metric}): <StatusBadge tone={b.status === 'resolved' ? 'ok' : 'neutral'}>{b.status}</StatusBadge> {b.detail}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel">
        <ExplanationList lines={result.explanation} />
      </section>
    </>
  );
}

// Risk management: the register on a 5×5 heat map with counts, the register sortable by score,
// breached key risk indicators highlighted, what needs attention, and exports.
import { useMemo, useState } from 'react';
import { riskResultSchema, type RiskResult } from '../../api/advisor';
import { HeatMap } from '../../components/charts/heat-map';
import { ErrorNotice } from '../../components/error-notice';
import { StatusBadge, type Tone } from '../../components/status-badge';
import { DocumentPicker } from './document-picker';
import { ExplanationList } from './explanation-list';
import { ExportButtons } from './export-buttons';
import { OwnInput } from './own-input';
import { useDocumentAnalysis } from './use-document-analysis';

const LEVEL_TONE: Readonly<Record<string, Tone>> = { critical: 'fail', high: 'warn', medium: 'info', low: 'ok' };

export function RiskPage() {
  const page = useDocumentAnalysis('risk', riskResultSchema, 'epic-5.1-risks');
  return (
    <>
      <h2>Risks</h2>
      <p className="muted">Probability × impact on a 1–5 scale each; strategies avoid, mitigate, transfer or accept; key risk indicators say when a risk is happening.</p>
      <div className="form-row">
        <DocumentPicker kind="risk-register" value={page.docId} onChange={page.chooseDocument} label="Risk register" />
      </div>
      <OwnInput label="Analyse your own register (JSON)" placeholder='{"name": "…", "risks": [{"id": "R1", "title": "…", "probability": 3, "impact": 4, "strategy": "mitigate", "owner": "…", "mitigation": "…"}]}' onAnalyse={page.analyseOwn} busy={page.busy} />
      {page.error !== null && <ErrorNotice error={page.error} action="assess the risks" />}
      {page.busy && page.result === null && <p className="muted">Assessing…</p>}
      {page.result !== null && <RiskView result={page.result} exporter={page.exporter} name={page.exportName} />}
    </>
  );
}

function RiskView({ result, exporter, name }: { result: RiskResult; exporter: ReturnType<typeof useDocumentAnalysis>['exporter']; name: string }) {
  const [descending, setDescending] = useState(true);
  const breached = new Set(result.breachedKris.map((b) => b.riskId));
  // The analysis ranks by score (ties in register order); ascending is that order reversed.
  const rows = useMemo(() => (descending ? result.risks : [...result.risks].reverse()), [result, descending]);
  return (
    <>
      <section className="panel" aria-labelledby="heat-title">
        <div className="panel-head">
          <h2 id="heat-title">{result.name}</h2>
        </div>
        <p className="summary-line">{result.explanation[0]}</p>
        {result.breachedKris.length > 0 && (
          <div className="callout" role="status" data-testid="breached-kris">
            <strong>Breached key risk indicators:</strong> {result.breachedKris.map((b) => `${b.riskId} – ${b.kri}`).join('; ')}
          </div>
        )}
        <HeatMap title="Risk heat map: probability × impact" rows={result.heatMap.rows} />
        {exporter !== null && <ExportButtons name={name} load={exporter} />}
      </section>
      <section className="panel" aria-labelledby="register-title">
        <h2 id="register-title">Register</h2>
        <div className="table-wrap">
          <table className="table compact" aria-label="Risk register">
            <thead>
              <tr>
                <th scope="col">Risk</th>
                <th scope="col" className="numeric" aria-sort={descending ? 'descending' : 'ascending'}>
                  <button type="button" className="sort-button" onClick={() => setDescending((d) => !d)}>
                    Score {descending ? '▼' : '▲'}
                  </button>
                </th>
                <th scope="col">Level</th>
                <th scope="col">Strategy</th>
                <th scope="col">Owner</th>
                <th scope="col">Key risk indicators</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={breached.has(r.id) ? 'row-breached' : undefined} data-risk={r.id}>
                  <th scope="row">
                    {`${r.id} ${r.title}`}
                    {r.attention.length > 0 && <span className="cell-note">{r.attention.join(' ')}</span>}
                  </th>
                  <td className="numeric">{`${r.probability}×${r.impact} = ${r.score}`}</td>
                  <td>
                    <StatusBadge tone={LEVEL_TONE[r.level] ?? 'neutral'}>{r.level}</StatusBadge>
                  </td>
                  <td>
                    {r.strategy}
                    {r.mitigation !== undefined && <span className="cell-note">{r.mitigation}</span>}
                  </td>
                  <td>{r.owner}</td>
                  <td>
                    {r.kriStatus.length === 0 && <span className="muted">none</span>}
                    {r.kriStatus.map((k) => (
                      <span key={k.name} className="cell-note">
                        {k.state === 'breached' ? <StatusBadge tone="fail">breached</StatusBadge> : <StatusBadge tone={k.state === 'within threshold' ? 'ok' : 'neutral'}>{k.state}</StatusBadge>} {k.explanation}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {result.bindings.length > 0 && (
        <section className="panel" aria-labelledby="bindings-title">
          <h2 id="bindings-title">Live metric bindings</h2>
          <ul>
            {result.bindings.map((b) => (
              <li key={b.pointer}>
                <strong>{b.item}</strong> ({b.source}: {b.metric}): {b.status === 'resolved' ? `${b.value} – ${b.detail}` : b.detail}
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

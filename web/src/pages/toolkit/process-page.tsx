// Process optimisation: the value stream as bars of process vs wait time per step, the bottleneck
// called out with its reasons, the lean wastes found, and the DMAIC report with its targets.
import { useState } from 'react';
import { processResultSchema, type ProcessResult } from '../../api/advisor';
import { BarChart } from '../../components/charts/bar-chart';
import { ErrorNotice } from '../../components/error-notice';
import { DocumentPicker } from './document-picker';
import { ExplanationList } from './explanation-list';
import { ExportButtons } from './export-buttons';
import { OwnInput } from './own-input';
import { useDocumentAnalysis } from './use-document-analysis';

const pct = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;
const n = (v: number) => String(Math.round(v * 100) / 100);

export function ProcessPage() {
  const [target, setTarget] = useState('0.25');
  const page = useDocumentAnalysis('process', processResultSchema, 'escalation-value-stream', { targetReduction: target });
  return (
    <>
      <h2>Process</h2>
      <p className="muted">Value-stream analysis: where the time goes, which step limits the flow, which wastes the numbers show, and a DMAIC plan with measurable targets.</p>
      <div className="form-row">
        <DocumentPicker kind="value-stream" value={page.docId} onChange={page.chooseDocument} label="Value stream" />
        <div className="field">
          <label htmlFor="target">Lead-time cut to aim for</label>
          <select id="target" value={target} onChange={(e) => setTarget(e.target.value)}>
            {['0.1', '0.2', '0.25', '0.3', '0.4', '0.5'].map((v) => (
              <option key={v} value={v}>
                {pct(Number(v))}
              </option>
            ))}
          </select>
        </div>
      </div>
      <OwnInput label="Analyse your own value stream (JSON)" placeholder='{"name": "…", "timeUnit": "minutes", "steps": [{"name": "Triage", "processTime": 20, "waitTime": 180, "volume": 12}]}' onAnalyse={page.analyseOwn} busy={page.busy} />
      {page.error !== null && <ErrorNotice error={page.error} action="analyse the process" />}
      {page.busy && page.result === null && <p className="muted">Analysing…</p>}
      {page.result !== null && <ProcessView result={page.result} exporter={page.exporter} name={page.exportName} />}
    </>
  );
}

function ProcessView({ result, exporter, name }: { result: ProcessResult; exporter: ReturnType<typeof useDocumentAnalysis>['exporter']; name: string }) {
  const v = result.valueStream;
  const u = v.stream.timeUnit;
  return (
    <>
      <section className="panel" aria-labelledby="stream-title">
        <div className="panel-head">
          <h2 id="stream-title">{v.stream.name}</h2>
        </div>
        <p className="summary-line">
          {`Lead time ${n(v.leadTime)} ${u}: ${n(v.processTime)} working, ${n(v.waitTime)} waiting. Process cycle efficiency ${pct(v.processCycleEfficiency)}; first-pass yield ${pct(v.firstPassYield)}.`}
        </p>
        <div className="callout" data-testid="bottleneck">
          <strong>Bottleneck: {v.bottleneck.step}.</strong> {v.bottleneck.reasons.join(' ')}
        </div>
        <BarChart
          title="Process time and wait time per step"
          description={v.steps.map((s) => `${s.name}: ${n(s.processTime)} ${u} working, ${n(s.waitTime)} ${u} waiting`).join('; ')}
          unit={u}
          rows={v.steps.map((s, i) => ({
            id: s.name,
            label: s.name,
            segments: [
              { key: 'process', label: 'process time', value: s.processTime, className: 'bar-primary' },
              { key: 'wait', label: 'wait time', value: s.waitTime, className: 'bar-wait' },
            ],
            ...(i === v.bottleneck.index ? { highlight: 'bottleneck' } : {}),
          }))}
        />
        <ul className="chart-legend">
          <li>
            <span className="swatch" style={{ background: 'var(--accent)' }} />
            process time
          </li>
          <li>
            <span className="swatch" style={{ background: '#e6a23c' }} />
            wait time
          </li>
        </ul>
        {exporter !== null && <ExportButtons name={name} load={exporter} />}
      </section>
      <section className="panel" aria-labelledby="wastes-title">
        <h2 id="wastes-title">Wastes</h2>
        <ul>
          {v.wastes.map((w) => (
            <li key={w.category}>
              <strong>{w.category}</strong>: {w.evidence.join('; ')}
            </li>
          ))}
          {v.notAssessed.map((w) => (
            <li key={w.category} className="muted">
              {w.category}: {w.status} – {w.reason}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="dmaic-title">
        <h2 id="dmaic-title">DMAIC report</h2>
        {result.dmaic.phases.map((p) => (
          <div key={p.phase}>
            <h3>{p.phase}</h3>
            <ul>
              {p.findings.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </div>
        ))}
        <h3>Targets</h3>
        <div className="table-wrap">
          <table className="table compact" aria-label="DMAIC targets">
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col" className="numeric">Baseline</th>
                <th scope="col" className="numeric">Target</th>
                <th scope="col">Unit</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {result.dmaic.targets.map((t) => (
                <tr key={t.metric}>
                  <th scope="row">{t.metric}</th>
                  <td className="numeric">{t.unit === 'ratio' ? pct(t.baseline) : n(t.baseline)}</td>
                  <td className="numeric">{t.unit === 'ratio' ? pct(t.target) : n(t.target)}</td>
                  <td>{t.unit === 'ratio' ? '%' : t.unit}</td>
                  <td>{t.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel">
        <ExplanationList lines={result.explanation} />
      </section>
    </>
  );
}

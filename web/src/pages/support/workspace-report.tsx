// The results report in the page: before/after per metric and priority, ROI, the server's SVG
// charts (sanitized by DOMPurify before they reach the page), and the downloads.
import DOMPurify from 'dompurify';
import { useMemo } from 'react';
import { workspaces, type ResultsReport } from '../../api/workspaces';
import { ErrorNotice } from '../../components/error-notice';
import { useApiResource } from '../../hooks/use-api-resource';
import { formatChange, formatMetric, formatMoney, METRIC_LABELS, SEGMENT_LABELS } from './workspace-format';

function Chart({ svg, label }: { svg: string; label: string }) {
  const clean = useMemo(() => DOMPurify.sanitize(svg, { USE_PROFILES: { svg: true } }), [svg]);
  // Sanitized above: the SVG is drawn from numbers, and DOMPurify removes anything active anyway.
  return <figure aria-label={label} data-testid="ws-chart" dangerouslySetInnerHTML={{ __html: clean }} />;
}

function Roi({ roi }: { roi: NonNullable<ResultsReport['results']['roi']> }) {
  return (
    <dl className="facts" aria-label="Return on investment">
      <dt>Hours saved</dt>
      <dd>{roi.hoursSaved.toFixed(1)} h</dd>
      <dt>Savings</dt>
      <dd>{formatMoney(roi.savings, roi.currency)}</dd>
      <dt>Implementation cost</dt>
      <dd>{formatMoney(roi.implementationCost, roi.currency)}</dd>
      <dt>ROI</dt>
      <dd>{roi.multiple === null ? 'not computed (no cost given)' : `${roi.multiple.toFixed(2)}×`}</dd>
    </dl>
  );
}

export function WorkspaceReport({ id, version, clientNamed }: { id: string; version: number; clientNamed: boolean }) {
  const report = useApiResource((signal) => workspaces.report(id, signal), [id, version]);
  const links = workspaces.links(id);
  const r = report.state.data;
  return (
    <section className="panel" aria-labelledby="ws-report-title">
      <div className="panel-head">
        <h3 id="ws-report-title">Results</h3>
        <div className="actions-row">
          <a className="button button-ghost" href={links.reportMd} download>
            Report (Markdown)
          </a>
          <a className="button button-ghost" href={links.reportHtml} target="_blank" rel="noreferrer">
            Printable report
          </a>
          <a className="button button-ghost" href={links.caseStudy} download>
            {clientNamed ? 'Anonymized case study' : 'Case study'}
          </a>
        </div>
      </div>
      {report.state.status === 'error' && <ErrorNotice error={report.state.error} action="load the results" />}
      {r !== null && (
        <>
          <div className="table-wrap">
            <table className="table" aria-label="Before and after">
              <thead>
                <tr>
                  <th scope="col">Metric</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {r.results.rows.map((row) => (
                  <tr key={`${row.metric}-${row.segment}`}>
                    <td>{METRIC_LABELS[row.metric] ?? row.metric}</td>
                    <td>{SEGMENT_LABELS[row.segment] ?? row.segment}</td>
                    <td>{formatMetric(row.metric, row.before)}</td>
                    <td>{formatMetric(row.metric, row.after)}</td>
                    <td>{formatChange(row.improvementPercent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {r.results.roi !== null && <Roi roi={r.results.roi} />}
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem' }}>
            {r.charts.map((c) => (
              <Chart key={c.metric} svg={c.svg} label={`${METRIC_LABELS[c.metric] ?? c.metric} before and after`} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

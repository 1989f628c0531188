// The toolkit overview: what each analysis answers, and the saved toolkit documents (the shipped
// examples among them) with the page that shows each.
import { Link } from 'react-router-dom';
import { advisorApi, type DocumentKind } from '../../api/advisor';
import { ErrorNotice } from '../../components/error-notice';
import { useApiResource } from '../../hooks/use-api-resource';

const CARDS = [
  { to: '/toolkit/router', title: 'Problem router', text: 'Describe an operational problem: see which skill it needs, why (matched phrases and weights), what to ask, and a plan.' },
  { to: '/toolkit/process', title: 'Process', text: 'Value stream of a process: lead time, efficiency, the bottleneck, wastes and a DMAIC report with targets.' },
  { to: '/toolkit/schedule', title: 'Schedule', text: 'Critical path and a schedule for N people from a work breakdown (CSV), as a Gantt chart.' },
  { to: '/toolkit/risk', title: 'Risks', text: 'Risk register on a 5×5 heat map, sorted by score, with breached key risk indicators highlighted.' },
  { to: '/toolkit/kpi', title: 'KPIs', text: 'SMART check per KPI, OKR progress, balanced scorecard and trends.' },
] as const;

const PAGE_OF: Readonly<Record<DocumentKind, string>> = {
  'work-breakdown': '/toolkit/schedule',
  'risk-register': '/toolkit/risk',
  'kpi-set': '/toolkit/kpi',
  'value-stream': '/toolkit/process',
};

export function ToolkitPage() {
  const docs = useApiResource((signal) => advisorApi.documents.list(undefined, signal), []);
  return (
    <>
      <div className="toolkit-cards">
        {CARDS.map((c) => (
          <Link key={c.to} to={c.to} className="section-card">
            <span className="section-card-title">{c.title}</span>
            <span className="section-card-summary">{c.text}</span>
          </Link>
        ))}
      </div>
      <section className="panel" aria-labelledby="docs-title">
        <div className="panel-head">
          <h2 id="docs-title">Saved toolkit documents</h2>
        </div>
        {docs.state.status === 'error' && <ErrorNotice error={docs.state.error} action="list the toolkit documents" />}
        {docs.state.data !== null && (
          <div className="table-wrap">
            <table className="table" aria-label="Toolkit documents">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="numeric">
                    Version
                  </th>
                  <th scope="col">Summary</th>
                  <th scope="col">Saved by</th>
                </tr>
              </thead>
              <tbody>
                {docs.state.data.items.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">
                      <Link to={`${PAGE_OF[d.kind]}?doc=${encodeURIComponent(d.id)}`}>{d.name}</Link>
                    </th>
                    <td>{d.kind}</td>
                    <td className="numeric">{d.version}</td>
                    <td>{d.summary}</td>
                    <td>{d.createdBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

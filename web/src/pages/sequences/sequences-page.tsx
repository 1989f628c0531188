// The Sequences section: every stored sequence (latest version) with its size and findings, and the
// import of a new one for operators.
import { Link } from 'react-router-dom';
import { listSequences } from '../../api/sequences';
import { ErrorNotice } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { useApiResource } from '../../hooks/use-api-resource';
import { sectionById } from '../../layout/sections';
import { hasRole } from '../../session/roles';
import { useCurrentSession } from '../../session/session-context';
import { UploadForm } from './upload-form';
import './sequences.css';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function SequencesPage() {
  const section = sectionById('sequences');
  const session = useCurrentSession();
  const sequences = useApiResource((signal) => listSequences(signal), []);
  const list = sequences.state.data;
  const canImport = session !== null && hasRole(session.role, 'operator');

  return (
    <>
      <PageHeader title={section.label} summary={section.summary} />
      <section className="panel" aria-labelledby="seq-list-title">
        <div className="panel-head">
          <h2 id="seq-list-title">Sequence documents</h2>
          <button type="button" className="button" onClick={sequences.reload} disabled={sequences.state.status === 'loading'}>
            Refresh
          </button>
        </div>
        {sequences.state.status === 'error' && <ErrorNotice error={sequences.state.error} action="list the sequences" />}
        {list === null && sequences.state.status === 'loading' && <p className="muted">Loading sequences…</p>}
        {list !== null && list.items.length === 0 && <p className="muted">No sequence is stored yet.</p>}
        {list !== null && list.items.length > 0 && (
          <div className="table-wrap">
            <table className="table" aria-label="Sequences">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Id</th>
                  <th scope="col" className="numeric">Version</th>
                  <th scope="col">Size</th>
                  <th scope="col">Findings</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((s) => (
                  <tr key={s.id} data-testid="sequence-row">
                    <th scope="row">
                      <Link to={`/sequences/${encodeURIComponent(s.id)}`}>{s.name}</Link>
                      {s.title !== null && <span className="cell-note">{s.title}</span>}
                    </th>
                    <td>
                      <code>{s.id}</code>
                    </td>
                    <td className="numeric">
                      {s.version}
                      {s.versions > 1 && <span className="cell-note">{plural(s.versions, 'version')}</span>}
                    </td>
                    <td>
                      {plural(s.movements, 'movement')} / {plural(s.beats, 'beat')}
                    </td>
                    <td className="seq-findings">
                      {s.errors > 0 && <StatusBadge tone="fail">{plural(s.errors, 'error')}</StatusBadge>}{' '}
                      {s.warnings > 0 ? (
                        <StatusBadge tone="warn">{plural(s.warnings, 'warning')}</StatusBadge>
                      ) : (
                        s.errors === 0 && <StatusBadge tone="ok">clean</StatusBadge>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canImport ? (
        <UploadForm onPublished={sequences.reload} />
      ) : (
        <p className="muted">Importing a sequence needs the operator role.</p>
      )}
    </>
  );
}

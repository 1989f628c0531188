// Help desk → Playbooks: the library, and one playbook with its steps (server-rendered safe
// Markdown, sanitized again with DOMPurify before it reaches the page).
import DOMPurify from 'dompurify';
import { Link, useParams } from 'react-router-dom';
import { helpdesk } from '../../api/helpdesk';
import { ErrorNotice } from '../../components/error-notice';
import { useApiResource } from '../../hooks/use-api-resource';

export function PlaybooksPage() {
  const list = useApiResource((signal) => helpdesk.playbooks(signal), []);
  return (
    <>
      <h2>Playbooks</h2>
      {list.state.status === 'error' && <ErrorNotice error={list.state.error} action="load the playbooks" />}
      <ul>
        {(list.state.data?.items ?? []).map((p) => (
          <li key={p.id}>
            <Link to={`/help-desk/playbooks/${encodeURIComponent(p.id)}`}>{p.title}</Link> — {p.summary} <span className="muted">({p.stepCount} steps; for {p.appliesTo.join(', ')})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function PlaybookPage() {
  const { id = '' } = useParams();
  const page = useApiResource((signal) => helpdesk.playbook(id, signal), [id]);
  const p = page.state.data;
  return (
    <>
      <p>
        <Link to="/help-desk/playbooks">All playbooks</Link>
      </p>
      {page.state.status === 'error' && <ErrorNotice error={page.state.error} action="load the playbook" />}
      {p && (
        <article data-testid="playbook">
          <h2>{p.title}</h2>
          <p className="muted">Applies to: {p.appliesTo.join(', ')}</p>
          {/* Rendered by the server's safe Markdown (raw HTML escaped) and sanitized again here. */}
          <div className="markdown" dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(p.html) }} />
        </article>
      )}
    </>
  );
}

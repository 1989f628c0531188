// Help desk → Search: one box over clients, journeys, tickets, support agents and task agents;
// results grouped by kind, best match first, each linking to its page (the selected context carries).
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { helpdesk, type SearchResult } from '../../api/helpdesk';
import { ErrorNotice } from '../../components/error-notice';
import { useApiResource } from '../../hooks/use-api-resource';
import { useContextSelection, withContext } from '../../hooks/use-context-selection';

const GROUPS: ReadonlyArray<[string, string]> = [
  ['client', 'Clients'],
  ['journey', 'Journeys'],
  ['ticket', 'Tickets'],
  ['support_agent', 'Support agents'],
  ['agent', 'Task agents'],
];

export function ResultLink({ r, ctx }: { r: SearchResult; ctx: ReturnType<typeof useContextSelection>['selection'] }) {
  if (r.link.startsWith('/api/')) return <a href={r.link}>{r.name}</a>;
  return <Link to={withContext(r.link, ctx)}>{r.name}</Link>;
}

export function HelpDeskPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const { selection } = useContextSelection();
  const results = useApiResource((signal) => (q === '' ? Promise.resolve({ items: [] }) : helpdesk.search(q, signal)), [q]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams((p) => {
      p.set('q', draft.trim());
      return p;
    });
  };
  const items = results.state.data?.items ?? [];
  return (
    <>
      <h2>Search</h2>
      <form role="search" onSubmit={submit} className="inline-form">
        <label>
          Client, journey, ticket or agent <input name="q" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="id or name" />
        </label>
        <button type="submit">Search</button>
      </form>
      {results.state.status === 'error' && <ErrorNotice error={results.state.error} action="search" />}
      {q !== '' && results.state.status === 'ready' && items.length === 0 && <p>Nothing matches “{q}”.</p>}
      {GROUPS.map(([type, label]) => {
        const group = items.filter((r) => r.type === type);
        if (group.length === 0) return null;
        return (
          <section key={type} aria-label={label} data-testid={`results-${type}`}>
            <h3>
              {label} ({group.length})
            </h3>
            <ul>
              {group.map((r) => (
                <li key={r.id}>
                  <ResultLink r={r} ctx={selection} /> <code>{r.id}</code> <span className="muted">{r.detail}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

// One sequence document: overview, user story, business value, governance, movements with beat
// cards, the events index, the issues found on import, metadata, its versions, and the generated
// .md (download) and standalone .html. Everything the author wrote renders as text.
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { getSequence, sequenceFileUrl, type SequenceDetail } from '../../api/sequences';
import { ErrorNotice } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { TimeStamp } from '../../components/time-stamp';
import { useApiResource } from '../../hooks/use-api-resource';
import { BeatCard } from './beat-card';
import { EventsIndex } from './events-index';
import { IssueList } from './issue-list';
import { LazyDiagram } from './lazy-diagram';
import { movementAnchor, movementLabel } from './sequence-model';
import { UserStoryBlock } from './user-story';
import './sequences.css';

function Text({ value, empty }: { value: string | undefined; empty: string }) {
  return value === undefined || value.trim() === '' ? <p className="muted">{empty}</p> : <p className="seq-prose">{value}</p>;
}

function List({ items, empty }: { items: readonly string[] | undefined; empty: string }) {
  if (items === undefined || items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

function versionFromQuery(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

function Contents({ detail }: { detail: SequenceDetail }) {
  return (
    <nav className="seq-toc" aria-label="On this page">
      <h2>On this page</h2>
      <ol>
        <li><a href="#overview">Overview</a></li>
        <li><a href="#user-story">User story</a></li>
        <li><a href="#business-value">Business value</a></li>
        <li><a href="#governance">Governance</a></li>
        <li>
          <a href="#movements">Movements</a>
          <ol>
            {detail.document.movements.map((movement, m) => (
              <li key={m}>
                <a href={`#${movementAnchor(m)}`}>{movementLabel(movement, m)}</a>
              </li>
            ))}
          </ol>
        </li>
        <li><a href="#events">Events index</a></li>
        <li><a href="#issues">Issues ({detail.issues.length})</a></li>
        <li><a href="#metadata">Metadata</a></li>
      </ol>
    </nav>
  );
}

function SequenceView({ detail }: { detail: SequenceDetail }) {
  const doc = detail.document;
  const latest = detail.versions[0]?.version ?? detail.version;
  return (
    <div className="seq-page">
      <div className="seq-main">
        <p className="seq-meta">
          <span>Domain <code>{doc.domainId}</code></span>
          {doc.status !== undefined && <StatusBadge tone="neutral">{doc.status}</StatusBadge>}
          <span>
            Version {detail.version}
            {detail.version !== latest ? ` (latest is ${latest})` : ''}, stored by {detail.createdBy} <TimeStamp iso={detail.createdAt} />
          </span>
          <span>
            {detail.summary.movements} movements · {detail.summary.beats} beats · {detail.summary.events} events
          </span>
        </p>

        <section id="overview" className="seq-section" aria-labelledby="overview-title">
          <h2 id="overview-title">Overview</h2>
          <Text value={doc.description} empty="No description given." />
          <dl className="seq-facts">
            <dt>Purpose</dt>
            <dd>{doc.purpose ?? <span className="muted">not given</span>}</dd>
            <dt>Trigger</dt>
            <dd>{doc.trigger ?? <span className="muted">not given</span>}</dd>
          </dl>
          <LazyDiagram text={doc.diagram} title="Sequence diagram" />
        </section>

        <section id="user-story" className="seq-section" aria-labelledby="user-story-title">
          <h2 id="user-story-title">User story</h2>
          <UserStoryBlock story={doc.userStory} diagramTitle="User story diagram" />
        </section>

        <section id="business-value" className="seq-section" aria-labelledby="business-value-title">
          <h2 id="business-value-title">Business value</h2>
          <Text value={doc.businessValue} empty="No business value given." />
        </section>

        <section id="governance" className="seq-section" aria-labelledby="governance-title">
          <h2 id="governance-title">Governance</h2>
          <h3>Policies</h3>
          <List items={doc.governance?.policies} empty="No policies given." />
          <h3>Metrics</h3>
          <List items={doc.governance?.metrics} empty="No metrics given." />
        </section>

        <section id="movements" className="seq-section" aria-labelledby="movements-title">
          <h2 id="movements-title">Movements</h2>
          {doc.movements.length === 0 && <p className="muted">This sequence has no movements.</p>}
          {doc.movements.map((movement, m) => (
            <section key={m} id={movementAnchor(m)} className="seq-movement" aria-labelledby={`${movementAnchor(m)}-title`}>
              <h3 id={`${movementAnchor(m)}-title`}>{movementLabel(movement, m)}</h3>
              <Text value={movement.description} empty="No description given." />
              <p className="seq-meta">
                {movement.tempo !== undefined && <span>Tempo {movement.tempo}</span>}
                {movement.status !== undefined && <StatusBadge tone="neutral">{movement.status}</StatusBadge>}
                <span>{movement.beats.length} beats</span>
              </p>
              <h4>User story</h4>
              <UserStoryBlock story={movement.userStory} diagramTitle={`${movementLabel(movement, m)}: user story`} />
              <LazyDiagram text={movement.diagram} title={`${movementLabel(movement, m)}: diagram`} />
              <div className="seq-beats">
                {movement.beats.map((beat, b) => (
                  <BeatCard key={b} beat={beat} m={m} b={b} />
                ))}
              </div>
            </section>
          ))}
        </section>

        <section id="events" className="seq-section" aria-labelledby="events-title">
          <h2 id="events-title">Events index</h2>
          <EventsIndex doc={doc} />
        </section>

        <section id="issues" className="seq-section" aria-labelledby="issues-title">
          <h2 id="issues-title">Issues</h2>
          <p className="muted">Found when this version was imported; the document was stored and renders all the same.</p>
          <IssueList issues={detail.issues} />
        </section>

        <section id="metadata" className="seq-section" aria-labelledby="metadata-title">
          <h2 id="metadata-title">Metadata</h2>
          <dl className="seq-facts">
            <dt>Version</dt>
            <dd>{doc.metadata?.version ?? <span className="muted">not given</span>}</dd>
            <dt>Author</dt>
            <dd>{doc.metadata?.author ?? <span className="muted">not given</span>}</dd>
            <dt>Created</dt>
            <dd>{doc.metadata?.created ?? <span className="muted">not given</span>}</dd>
            <dt>Tags</dt>
            <dd>{doc.metadata?.tags !== undefined && doc.metadata.tags.length > 0 ? doc.metadata.tags.join(', ') : <span className="muted">none</span>}</dd>
            <dt>Source</dt>
            <dd>{detail.sourcePath ?? <span className="muted">not recorded</span>}</dd>
          </dl>
          <h3>Stored versions</h3>
          <ul className="seq-inline-list" aria-label="Versions">
            {detail.versions.map((v) => (
              <li key={v.version}>
                {v.version === detail.version ? (
                  <strong aria-current="page">v{v.version}</strong>
                ) : (
                  <Link to={`?version=${v.version}`}>v{v.version}</Link>
                )}{' '}
                <span className="muted">
                  by {v.createdBy}, <TimeStamp iso={v.createdAt} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <Contents detail={detail} />
    </div>
  );
}

export function SequencePage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const version = versionFromQuery(search.get('version'));
  const resource = useApiResource((signal) => getSequence(id, version, signal), [id, version]);
  const detail = resource.state.data;
  const current = detail !== null && detail.id === id && (version === undefined || detail.version === version) ? detail : null;

  return (
    <>
      <p className="seq-breadcrumb">
        <Link to="/sequences">Sequences</Link> / <code>{id}</code>
      </p>
      <PageHeader
        title={current?.name ?? id}
        summary={current?.title ?? undefined}
        actions={
          current !== null && (
            <>
              <a className="button" href={sequenceFileUrl(id, 'md', version)} download={`${id}.md`}>
                Download .md
              </a>
              <a className="button" href={sequenceFileUrl(id, 'html', version)} target="_blank" rel="noopener noreferrer">
                Open standalone HTML
              </a>
            </>
          )
        }
      />
      {resource.state.status === 'error' && <ErrorNotice error={resource.state.error} action={`load sequence ${id}`} />}
      {current === null && resource.state.status === 'loading' && <p className="muted">Loading the sequence…</p>}
      {current !== null && <SequenceView detail={current} />}
    </>
  );
}

// The landing page: what the product does, the live event feed and the system's status.
import { Link } from 'react-router-dom';
import { useEventStream } from '../../api/stream';
import { EventFeed } from '../../components/event-feed';
import { Icon } from '../../components/icons';
import { signInPath } from '../../components/require-role';
import { sections } from '../../layout/sections';
import { useCurrentSession } from '../../session/session-context';
import { SystemStatus } from './system-status';

export function HomePage() {
  const session = useCurrentSession();
  const stream = useEventStream([], { enabled: session !== null, backfill: 20, max: 50 });

  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">Operational problems are orchestration problems.</h1>
        <ul className="hero-lines">
          <li>
            <strong>Publish</strong> operational patterns as diagrams, articles, checklists and statements of work,
            behind quality gates.
          </li>
          <li>
            <strong>Run</strong> them as durable journeys, with a capacity-aware Smart Router and an SLA Monitor that
            escalates before targets are missed.
          </li>
          <li>
            <strong>Measure and operate</strong>: metrics from the event log, before and after, and live views of
            everything that runs.
          </li>
        </ul>
      </section>

      <div className="home-grid">
        <section className="panel" aria-labelledby="live-events-title">
          <div className="panel-head">
            <h2 id="live-events-title">Live events</h2>
            {session !== null && (
              <Link to="/operations" className="panel-link">
                Operations →
              </Link>
            )}
          </div>
          {session === null ? (
            <p className="muted">
              <Link to={signInPath('/')}>Sign in</Link> to follow events as they happen.
            </p>
          ) : (
            <EventFeed stream={stream} label="Live events" emptyText="No events yet. They appear here the moment anything changes." />
          )}
        </section>
        <SystemStatus />
      </div>

      <section aria-labelledby="sections-title">
        <h2 id="sections-title" className="section-title">
          Sections
        </h2>
        <ul className="section-cards">
          {sections.map((section) => (
            <li key={section.id}>
              <Link to={section.path} className="section-card">
                <span className="section-card-title">
                  <Icon name={section.icon} />
                  {section.label}
                </span>
                <span className="section-card-summary">{section.summary}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

// The journey's recent events from the log (newest first): what happened, when, in one line each.
import type { JourneyEvent } from '../../api/journeys';
import { TimeStamp } from '../../components/time-stamp';
import { summarizePayload } from '../../format/payload-summary';

export function JourneyHistory({ events, now }: { events: readonly JourneyEvent[]; now: number }) {
  const newest = [...events].sort((a, b) => b.id - a.id).slice(0, 60);
  return (
    <section className="panel" aria-labelledby="jh-title">
      <h2 id="jh-title">Event history</h2>
      {newest.length === 0 ? (
        <p className="muted">No event recorded yet.</p>
      ) : (
        <ol className="event-list" aria-label="Journey events">
          {newest.map((e) => {
            const { journeyId: _id, ...rest } = e.payload;
            return (
              <li key={e.id} className="event-item">
                <div className="event-line">
                  <code className="event-topic">{e.topic}</code>
                  <span className="event-time">
                    <TimeStamp iso={e.createdAt} relativeTo={now} />
                  </span>
                </div>
                <p className="event-payload">{summarizePayload(rest, 200)}</p>
              </li>
            );
          })}
        </ol>
      )}
      {events.length > newest.length && <p className="muted">The {newest.length} most recent of {events.length} events.</p>}
    </section>
  );
}

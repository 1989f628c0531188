// A live list of events from the stream, newest first: topic, key, a payload preview and when.
import type { EventStreamState } from '../api/stream';
import { summarizePayload } from '../format/payload-summary';
import { useNow } from '../hooks/use-now';
import { StreamStatusBadge } from './stream-status';
import { TimeStamp } from './time-stamp';

export function EventFeed({ stream, label, emptyText }: { stream: EventStreamState; label: string; emptyText: string }) {
  const now = useNow();
  return (
    <div className="event-feed">
      <div className="event-feed-head">
        <StreamStatusBadge status={stream.status} retryInMs={stream.retryInMs} />
        {stream.lastEventId !== null && <span className="muted">last event #{stream.lastEventId}</span>}
      </div>
      {stream.problem !== null && <p className="notice notice-warn">{stream.problem}</p>}
      {stream.events.length === 0 ? (
        <p className="muted event-feed-empty">{emptyText}</p>
      ) : (
        <ol className="event-list" aria-label={label} aria-live="polite">
          {stream.events.map((event) => {
            const preview = summarizePayload(event.payload);
            return (
              <li key={event.id} className="event-item">
                <div className="event-line">
                  <code className="event-topic">{event.topic}</code>
                  {event.key !== undefined && event.key !== null && event.key !== '' && (
                    <span className="event-key">{event.key}</span>
                  )}
                  <span className="event-time">
                    <TimeStamp iso={event.createdAt} relativeTo={now} />
                  </span>
                </div>
                {preview !== '' && <p className="event-payload">{preview}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

// Live events for operators, optionally narrowed by topic filters (kept in the URL as `topics`).
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useEventStream } from '../../api/stream';
import { parseTopicFilter } from '../../api/topic-filter';
import { EventFeed } from '../../components/event-feed';

export function parseTopicList(text: string): string[] {
  const filters = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  filters.forEach(parseTopicFilter);
  return filters;
}

export function LiveEvents() {
  const [params, setParams] = useSearchParams();
  const applied = params.get('topics') ?? '';
  const [draft, setDraft] = useState(applied);
  const [problem, setProblem] = useState<string | null>(null);
  let topics: string[] = [];
  try {
    topics = parseTopicList(applied);
  } catch {
    // An invalid filter in a hand-edited URL falls back to every topic; the form shows why on submit.
  }
  const stream = useEventStream(topics, { backfill: 50, max: 200 });

  function apply(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    try {
      const filters = parseTopicList(draft);
      setProblem(null);
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (filters.length === 0) next.delete('topics');
          else next.set('topics', filters.join(','));
          return next;
        },
        { replace: true },
      );
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'invalid topic filter');
    }
  }

  return (
    <section className="panel" aria-labelledby="live-title">
      <div className="panel-head">
        <h2 id="live-title">Live events</h2>
      </div>
      <form className="filters" onSubmit={apply}>
        <div className="field inline">
          <label htmlFor="topic-filter">Topics</label>
          <input
            id="topic-filter"
            type="text"
            placeholder="all topics, or e.g. pattern.*, journey.*"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            aria-describedby="topic-filter-help"
            aria-invalid={problem !== null}
          />
        </div>
        <button type="submit" className="button">
          Apply
        </button>
        <span id="topic-filter-help" className="field-help">
          Comma-separated; <code>*</code> as the last segment matches the rest.
        </span>
      </form>
      {problem !== null && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <EventFeed
        stream={stream}
        label="Operations live events"
        emptyText={topics.length === 0 ? 'No events yet.' : `No events on ${topics.join(', ')} yet.`}
      />
    </section>
  );
}

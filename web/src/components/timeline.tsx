// A vertical timeline of events, newest first: when, what (topic) and a one-line summary. Text only
// through React, so event payloads can never inject markup.
import { StatusBadge, type Tone } from './status-badge';
import { TimeStamp } from './time-stamp';

export interface TimelineItem {
  id: string | number;
  at: string;
  title: string;
  detail?: string;
  tone?: Tone;
  badge?: string;
}

export function Timeline({ items, label, empty }: { items: readonly TimelineItem[]; label: string; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className="timeline" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className="timeline-item">
          <span className="timeline-when">
            <TimeStamp iso={item.at} />
          </span>
          <span className="timeline-what">
            {item.badge !== undefined && <StatusBadge tone={item.tone ?? 'neutral'}>{item.badge}</StatusBadge>} <code>{item.title}</code>
            {item.detail !== undefined && item.detail !== '' && <span className="cell-note">{item.detail}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}

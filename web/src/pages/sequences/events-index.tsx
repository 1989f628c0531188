// The events index: each event with links to the beat cards that emit it; an event declared but never
// emitted, or emitted but not declared, is marked as such.
import type { SequenceDocument } from '../../api/sequences';
import { StatusBadge } from '../../components/status-badge';
import { eventsIndex } from './sequence-model';

export function EventsIndex({ doc }: { doc: SequenceDocument }) {
  const entries = eventsIndex(doc);
  if (entries.length === 0) return <p className="muted">This sequence names no events.</p>;
  return (
    <div className="table-wrap">
      <table className="table seq-events" aria-label="Events index">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Emitted by</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.event}>
              <th scope="row">
                <code>{entry.event}</code>
                {!entry.declared && (
                  <>
                    {' '}
                    <StatusBadge tone="fail">not declared</StatusBadge>
                  </>
                )}
              </th>
              <td>
                {entry.beats.length === 0 ? (
                  <StatusBadge tone="fail">declared, but no beat emits it</StatusBadge>
                ) : (
                  <ul className="seq-inline-list">
                    {entry.beats.map((use) => (
                      <li key={use.anchor}>
                        <a href={`#${use.anchor}`} title={use.movement}>
                          {use.label}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

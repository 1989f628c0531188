// One beat as a card: handler, event, external system, user story, diagrams, notes and acceptance criteria.
import type { Beat } from '../../api/sequences';
import { beatAnchor, beatLabel, criteriaOf, handlerName } from './sequence-model';
import { LazyDiagram } from './lazy-diagram';
import { UserStoryBlock } from './user-story';

function ExternalSystem({ beat }: { beat: Beat }) {
  const ext = typeof beat.handler === 'object' ? beat.handler.externalSystem : undefined;
  if (ext === undefined) return null;
  const parts = [ext.vendor, ext.system].filter((p): p is string => p !== undefined && p !== '');
  return (
    <>
      <dt>External system</dt>
      <dd>
        {parts.join(' – ') || <span className="muted">unnamed</span>}
        {ext.type !== undefined && <span className="muted"> ({ext.type})</span>}
        {ext.description !== undefined && <span className="seq-ext-description">{ext.description}</span>}
      </dd>
    </>
  );
}

export function BeatCard({ beat, m, b }: { beat: Beat; m: number; b: number }) {
  const label = beatLabel(beat, b);
  const handler = handlerName(beat.handler);
  const scope = typeof beat.handler === 'object' ? [beat.handler.scope, beat.handler.kind].filter(Boolean).join(', ') : '';
  const criteria = criteriaOf(beat.acceptanceCriteria);
  return (
    <article className="seq-beat" id={beatAnchor(m, b)} aria-labelledby={`${beatAnchor(m, b)}-title`} data-testid="beat-card">
      <h4 id={`${beatAnchor(m, b)}-title`}>{label}</h4>
      {beat.description !== undefined && <p className="seq-prose">{beat.description}</p>}
      <dl className="seq-facts">
        <dt>Handler</dt>
        <dd>
          {handler === undefined ? <span className="muted">none</span> : <code>{handler}</code>}
          {scope !== '' && <span className="muted"> ({scope})</span>}
        </dd>
        <dt>Event</dt>
        <dd>
          <code>{beat.event}</code>
        </dd>
        <ExternalSystem beat={beat} />
      </dl>
      <h5>User story</h5>
      <UserStoryBlock story={beat.userStory} diagramTitle={`${label}: user story`} />
      <h5>Visual diagram</h5>
      <LazyDiagram text={beat.diagram} title={`${label}: visual diagram`} />
      {criteria.length > 0 && (
        <>
          <h5>Acceptance criteria</h5>
          <ul className="seq-criteria">
            {criteria.map((lines, i) => (
              <li key={i}>
                {lines.map((line, j) => (
                  <span key={j} className="seq-clause">
                    <strong>{line.clause}</strong> {line.text}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
      <h5>Notes</h5>
      {beat.notes !== undefined && beat.notes.length > 0 ? (
        <ul>
          {beat.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">No notes.</p>
      )}
    </article>
  );
}

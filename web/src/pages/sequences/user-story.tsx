// A user story (persona, goal, benefit) and its diagram; an absent part says so instead of printing nothing.
import type { UserStory } from '../../api/sequences';
import { LazyDiagram } from './lazy-diagram';

function Part({ label, value }: { label: string; value: string | undefined }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value === undefined || value.trim() === '' ? <span className="muted">not given</span> : value}</dd>
    </>
  );
}

export function UserStoryBlock({ story, diagramTitle }: { story: UserStory; diagramTitle: string }) {
  const empty = [story.persona, story.goal, story.benefit].every((v) => v === undefined || v.trim() === '');
  return (
    <div className="seq-story">
      {empty ? (
        <p className="muted">No user story given.</p>
      ) : (
        <dl className="seq-facts">
          <Part label="As a" value={story.persona} />
          <Part label="I want to" value={story.goal} />
          <Part label="So that" value={story.benefit} />
        </dl>
      )}
      {story.diagram !== undefined && story.diagram.trim() !== '' && <LazyDiagram text={story.diagram} title={diagramTitle} />}
    </div>
  );
}

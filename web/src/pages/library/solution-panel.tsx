// "Build a solution": the components a team builds to run the orchestrated flow, each with what it
// does, what must exist first, the expected timeline and the effort, plus the total effort.
import type { PatternDetail } from '../../api/patterns';

const weeks = (n: number) => `${Math.round(n * 100) / 100} person-week${n === 1 ? '' : 's'}`;

export function SolutionPanel({ components }: { components: PatternDetail['components'] }) {
  const total = components.reduce((sum, c) => sum + c.effortPersonWeeks, 0);
  return (
    <section className="panel article-section" id="build-a-solution" aria-labelledby="build-a-solution-title">
      <div className="panel-head">
        <h2 id="build-a-solution-title">Build a solution</h2>
      </div>
      <ul className="component-cards">
        {components.map((component) => (
          <li key={component.name} className="component-card">
            <h3>{component.name}</h3>
            <p>{component.explanation}</p>
            <dl>
              <dt>Effort</dt>
              <dd>{weeks(component.effortPersonWeeks)}</dd>
              <dt>Timeline</dt>
              <dd>{component.expectedTimeline}</dd>
            </dl>
            <p className="component-prereq-title">Prerequisites</p>
            {component.prerequisites.length === 0 ? (
              <p className="muted">None</p>
            ) : (
              <ul className="component-prereqs">
                {component.prerequisites.map((prerequisite) => (
                  <li key={prerequisite}>{prerequisite}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <p className="solution-total">
        {components.length} {components.length === 1 ? 'component' : 'components'}, {weeks(total)} in total.
      </p>
    </section>
  );
}

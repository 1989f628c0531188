// One search result: title (the link to the pattern page), the problem and the orchestration shift
// in one line each, and the facet badges.
import { Link } from 'react-router-dom';
import { PatternBadges } from './pattern-badges';

export interface PatternCardData {
  slug: string;
  title: string;
  problem: string;
  orchestrationShift: string;
  industries: readonly string[];
  problemTypes: readonly string[];
  maturity: string;
}

export function PatternCard({ pattern, from }: { pattern: PatternCardData; from: string }) {
  return (
    <article className="pattern-card" data-slug={pattern.slug}>
      <h2>
        <Link to={`/library/${encodeURIComponent(pattern.slug)}`} state={{ from }}>
          {pattern.title}
        </Link>
      </h2>
      <p>
        <span className="card-line-label">Problem</span>
        {pattern.problem}
      </p>
      <p>
        <span className="card-line-label">Orchestration shift</span>
        {pattern.orchestrationShift}
      </p>
      <PatternBadges
        facts={{ maturity: pattern.maturity, problemTypes: pattern.problemTypes, industries: pattern.industries }}
        label={`Facets of ${pattern.title}`}
      />
    </article>
  );
}

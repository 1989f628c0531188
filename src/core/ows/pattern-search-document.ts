// What the search index reads of a pattern: title, the one-line problem and shift for cards, the
// facets, and a plain-text body of the prose (no Markdown, no diagrams) for full-text ranking.
import type { Pattern } from './schema';
import type { SearchablePattern } from './search-pattern';

export function toSearchablePattern(pattern: Pattern): SearchablePattern {
  const { ows, library } = pattern;
  const body = [
    library.narrative.hook,
    ows.pattern.problemStatement,
    ows.domain.topic,
    ows.domain.useCase,
    ...ows.pattern.rootCause,
    ...ows.pattern.designPrinciples,
    ...ows.pattern.successCriteria,
    ...ows.actors.map((a) => `${a.label}: ${a.role}`),
    library.narrative.decisionPoint.whyItMatters,
    ...library.components.map((c) => `${c.name}: ${c.explanation}`),
    ...library.checklist.map((i) => i.summary),
    ...library.narrative.doesNotSolve,
    ...library.narrative.antiPatterns,
    library.narrative.closingInsight,
  ].join('\n');
  return {
    slug: library.slug,
    title: ows.meta.title,
    problem: library.summary.problem,
    orchestrationShift: library.summary.orchestrationShift,
    body,
    industries: [...library.industries],
    problemTypes: [...library.problemTypes],
    brokenSignals: [...library.brokenSignals],
    maturity: library.maturity,
    referenceCount: library.referenceCount,
    publishedAt: library.publishedAt,
    clarityScore: library.clarityScore,
  };
}

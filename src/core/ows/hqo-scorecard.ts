// The HQO scorecard: eight dimensions scored 0–5 from what the pattern models (signals, decision
// points, actors, routes) and from the budget lint of its generated diagrams, never from
// `outputs.scorecard`. Every score comes with the evidence behind it, for reviewers and the UI.
import type { LintedDiagram } from './diagram-lint';
import { effectiveBudget, lintPatternDiagrams } from './diagram-lint';
import { minimalComplexity } from './hqo-complexity';
import { CONTENT_DIMENSIONS, escalationRoutes, slaTriggers } from './hqo-dimensions';
import type { Criterion } from './hqo-evidence';
import { FlowEvidence, pointersOf } from './hqo-evidence';
import { HQO_PASS_RULE, STANDARD_RUBRIC } from './hqo-rubric';
import type { HqoDimensionId, OwsScorecard } from './ows-document';
import type { Pattern } from './schema';

export interface DimensionScore {
  id: HqoDimensionId;
  name: string;
  score: number;
  max: number;
  criteria: Criterion[];
}

export interface ScorecardFailure {
  /** `dimension.<id>`, `total`, `sla-trigger`, `escalation-route` or `required-decision-point`. */
  rule: string;
  message: string;
}

export interface HqoScorecard {
  dimensions: DimensionScore[];
  dimensionScores: Record<HqoDimensionId, number>;
  totalScore: number;
  maxScore: number;
  minDimensionScore: number;
  minTotalScore: number;
  /** Pointers of orchestrated steps raising sla_breach_risk or sla_breached. */
  slaTriggers: string[];
  /** Pointers of orchestrated steps that escalate along a route to another actor. */
  escalationRoutes: string[];
  passed: boolean;
  failures: ScorecardFailure[];
}

function nameOf(pattern: Pattern, id: HqoDimensionId): string {
  const declared = pattern.ows.orchestrationQuality.rubric.dimensions.find((d) => d.id === id)?.name;
  return declared ?? STANDARD_RUBRIC.find((d) => d.id === id)?.name ?? id;
}

/** Scores a pattern; pass `linted` when the diagrams were already linted, to avoid a second pass. */
export function scorePattern(pattern: Pattern, linted: ReadonlyArray<LintedDiagram> = lintPatternDiagrams(pattern)): HqoScorecard {
  const evidence = new FlowEvidence(pattern);
  const rubric = pattern.ows.orchestrationQuality.rubric;
  const budget = effectiveBudget(pattern);
  const scored: Array<[HqoDimensionId, Criterion[]]> = [
    ...CONTENT_DIMENSIONS.map(([id, rule]): [HqoDimensionId, Criterion[]] => [id, rule(evidence)]),
    ['minimal_complexity', minimalComplexity(linted, budget.maxMessageChars)],
  ];
  const dimensions = scored.map(([id, criteria]) => ({
    id,
    name: nameOf(pattern, id),
    score: criteria.filter((c) => c.met).length,
    max: HQO_PASS_RULE.maxDimensionScore,
    criteria,
  }));
  const dimensionScores = Object.fromEntries(dimensions.map((d) => [d.id, d.score])) as Record<HqoDimensionId, number>;
  const totalScore = dimensions.reduce((sum, d) => sum + d.score, 0);
  // A pattern's rubric may raise the bar but never lower it below the house rule.
  const minDimensionScore = Math.max(HQO_PASS_RULE.minDimensionScore, rubric.minDimensionScore);
  const minTotalScore = Math.max(HQO_PASS_RULE.minTotalScore, rubric.minTotalScore);
  const triggers = pointersOf(slaTriggers(evidence));
  const routes = pointersOf(escalationRoutes(evidence));
  const failures: ScorecardFailure[] = dimensions
    .filter((d) => d.score < minDimensionScore)
    .map((d) => ({
      rule: `dimension.${d.id}`,
      message: `${d.id} score is ${d.score}, requires ${minDimensionScore}: ${d.criteria
        .filter((c) => !c.met)
        .map((c) => c.evidence)
        .join('; ')}`,
    }));
  if (totalScore < minTotalScore) {
    failures.push({ rule: 'total', message: `total score is ${totalScore}/${HQO_PASS_RULE.maxTotalScore}, requires ${minTotalScore}` });
  }
  if (triggers.length === 0) {
    failures.push({ rule: 'sla-trigger', message: 'no SLA trigger: no orchestrated step emits sla_breach_risk or sla_breached' });
  }
  if (routes.length === 0) {
    failures.push({
      rule: 'escalation-route',
      message: 'no escalation route: no orchestrated step emits escalation_triggered on a message to another actor',
    });
  }
  // The pattern's own rubric names the decisions it cannot do without: one not modeled as an alt
  // block fails the pattern (a stricter bar the pattern set itself), however well the rest scores;
  // otherwise breach handling could run unconditionally in the main flow and still pass.
  const modeled = new Set(evidence.decisions().map((d) => d.decision.id));
  const unmodeled = pattern.ows.orchestrationQuality.requiredDecisionPoints.filter((id) => !modeled.has(id));
  if (unmodeled.length > 0) {
    failures.push({
      rule: 'required-decision-point',
      message: `required decision point not modeled as an alt block: ${unmodeled.map((id) => `"${id}"`).join(', ')}`,
    });
  }
  return {
    dimensions,
    dimensionScores,
    totalScore,
    maxScore: HQO_PASS_RULE.maxTotalScore,
    minDimensionScore,
    minTotalScore,
    slaTriggers: triggers,
    escalationRoutes: routes,
    passed: failures.length === 0,
    failures,
  };
}

/** The computed scorecard in the OWS `outputs.scorecard` shape. */
export function toOwsScorecard(card: HqoScorecard): OwsScorecard {
  return {
    dimensionScores: { ...card.dimensionScores },
    totalScore: card.totalScore,
    passed: card.passed,
    ...(card.failures.length > 0 ? { failureReasons: card.failures.map((f) => f.message) } : {}),
  };
}

// Lints the two generated diagrams of a pattern against the diagram budget: the house limits of
// DESIGN.md, tightened by the pattern's own `diagramBudget` where that is stricter.
import type { DiagramBudget as BudgetLimits, LintResult } from './diagram-budget';
import { DIAGRAM_BUDGET, lintMermaid, withinBudget } from './diagram-budget';
import type { GeneratedDiagram } from './mermaid-generator';
import { generateDiagrams } from './mermaid-generator';
import type { DiagramSizeScorecard } from './ows-document';
import type { Pattern } from './schema';

export interface LintedDiagram {
  diagram: GeneratedDiagram;
  lint: LintResult;
}

type LintSource = Pick<Pattern, 'ows'> & { library?: Pick<Pattern['library'], 'diagram'> };

/** Per limit, the stricter of the house budget and the pattern's declared budget. */
export function effectiveBudget(pattern: Pick<Pattern, 'ows'>): BudgetLimits {
  const declared = pattern.ows.diagramBudget;
  const limits: BudgetLimits = { ...DIAGRAM_BUDGET };
  for (const key of Object.keys(limits) as Array<keyof BudgetLimits>) limits[key] = Math.min(limits[key], declared[key]);
  return limits;
}

export function lintPatternDiagrams(pattern: LintSource): [LintedDiagram, LintedDiagram] {
  const budget = effectiveBudget(pattern);
  const [asIs, orchestrated] = generateDiagrams(pattern);
  return [
    { diagram: asIs, lint: lintMermaid(asIs.text, budget) },
    { diagram: orchestrated, lint: lintMermaid(orchestrated.text, budget) },
  ];
}

/** Longest alt branch in messages (notes are not steps), as the OWS size scorecard reports it. */
function maxStepsInAnyBranch(pattern: Pick<Pattern, 'ows'>): number {
  const counts = pattern.ows.flows.altDecisionPoints.flatMap((d) => d.branches.map((b) => b.steps.filter((s) => s.kind !== 'note').length));
  return Math.max(0, ...counts);
}

/** The OWS `outputs.diagramSizeScorecard` of the orchestrated diagram, computed, never copied. */
export function diagramSizeScorecard(pattern: LintSource, linted: readonly [LintedDiagram, LintedDiagram] = lintPatternDiagrams(pattern)): DiagramSizeScorecard {
  const [, orchestrated] = linted;
  const { counts, violations, parseError } = orchestrated.lint;
  const problems = [
    ...(parseError ? [`line ${parseError.line}: ${parseError.message}`] : []),
    ...violations.map((v) => `line ${v.line}: ${v.message}`),
  ];
  return {
    actorCount: counts.actors,
    totalSteps: counts.steps,
    altBlockCount: counts.altBlocks,
    maxStepsInAnyBranch: maxStepsInAnyBranch(pattern),
    noteCount: counts.notes,
    maxMessageCharsObserved: counts.maxMessageChars,
    maxNoteCharsObserved: counts.maxNoteChars,
    passesBudget: withinBudget(orchestrated.lint),
    ...(problems.length > 0 ? { violations: problems } : {}),
  };
}

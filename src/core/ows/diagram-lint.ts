// Lints the two generated diagrams of a pattern against the diagram budget: the house limits of
// DESIGN.md, tightened by the pattern's own `diagramBudget` where that is stricter.
import type { DiagramBudget as BudgetLimits, LintResult } from './diagram-budget';
import { DIAGRAM_BUDGET, lintMermaid, withinBudget } from './diagram-budget';
import { budgetReport } from './diagram-facts';
import type { DiagramWithFacts, GeneratedDiagram } from './mermaid-generator';
import { generateDiagramsWithFacts } from './mermaid-generator';
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

/**
 * Both diagrams with their budget reports. The report comes from the facts the generator recorded
 * as it wrote the text (the same report `lintMermaid` gives for that text, property-tested), and
 * from linting the text only where the generator cannot vouch for how Mermaid reads it.
 */
export function lintPatternDiagrams(pattern: LintSource): [LintedDiagram, LintedDiagram] {
  const budget = effectiveBudget(pattern);
  // An invalid limit (a document that skipped the schema) goes through the lint, which rejects it.
  const valid = Object.values(budget).every((n) => Number.isInteger(n) && n >= 0);
  const lint = ({ diagram, facts }: DiagramWithFacts): LintedDiagram => ({
    diagram,
    lint: facts && valid ? budgetReport(facts, budget) : lintMermaid(diagram.text, budget),
  });
  const [asIs, orchestrated] = generateDiagramsWithFacts(pattern);
  return [lint(asIs), lint(orchestrated)];
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

import { describe, it, expect } from 'vitest';
import { DIAGRAM_BUDGET } from '../../../src/core/ows/diagram-budget';
import { diagramSizeScorecard, effectiveBudget, lintPatternDiagrams } from '../../../src/core/ows/diagram-lint';
import { flagship } from './pattern-fixtures';

describe('diagram lint of a pattern', () => {
  it('uses the stricter of the house budget and the declared budget, per limit', () => {
    const p = flagship();
    p.ows.diagramBudget = { ...p.ows.diagramBudget, maxActors: 9, maxTotalSteps: 12, maxMessageChars: 40 };
    expect(effectiveBudget(p)).toEqual({ ...DIAGRAM_BUDGET, maxTotalSteps: 12, maxMessageChars: 40 });
  });

  it('reports a declared budget the diagrams exceed, though the house budget holds', () => {
    const p = flagship();
    p.ows.diagramBudget.maxTotalSteps = 12;
    const [asIs, orchestrated] = lintPatternDiagrams(p);
    expect(asIs.lint.violations).toEqual([]);
    expect(orchestrated.lint.violations.map((v) => v.rule)).toEqual(['max-steps']);
  });

  it('computes the OWS size scorecard of the orchestrated diagram from the generated text', () => {
    const p = flagship();
    const size = diagramSizeScorecard(p);
    expect(size).toEqual({
      actorCount: 6,
      totalSteps: p.ows.flows.toBe.steps.length + p.ows.flows.altDecisionPoints.flatMap((d) => d.branches).reduce((n, b) => n + b.steps.length, 0),
      altBlockCount: p.ows.flows.altDecisionPoints.length,
      maxStepsInAnyBranch: 3,
      noteCount: 0,
      maxMessageCharsObserved: Math.max(
        ...[...p.ows.flows.toBe.steps, ...p.ows.flows.altDecisionPoints.flatMap((d) => d.branches.flatMap((b) => b.steps))].map((s) => s.action.length),
      ),
      maxNoteCharsObserved: 0,
      passesBudget: true,
    });
  });

  it('lists violations in the size scorecard when over budget', () => {
    const p = flagship();
    p.ows.flows.toBe.steps[0]!.action = 'x'.repeat(70);
    const size = diagramSizeScorecard(p);
    expect(size.passesBudget).toBe(false);
    expect(size.violations).toEqual([expect.stringMatching(/^line \d+: Message "x+…" from Customer to L1 has 70 characters, over the limit of 56$/)]);
  });
});

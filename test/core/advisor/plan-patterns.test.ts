import { describe, it, expect } from 'vitest';
import { choosePlan } from '../../../src/core/advisor/plan-patterns';
import type { SkillId } from '../../../src/core/advisor/router-lexicon';

const scores = (p: number, j: number, r: number, m: number): Record<SkillId, number> => ({
  'process-optimization': p,
  'project-management': j,
  'risk-management': r,
  'performance-metrics': m,
});

describe('choosePlan', () => {
  it('uses pattern 1 when one skill stands alone, ending in metrics', () => {
    const plan = choosePlan('process-optimization', scores(5, 0, 0, 2), []);
    expect(plan.pattern).toBe('problem-solution-metrics');
    expect(plan.steps.map((s) => s.skill)).toEqual([null, 'process-optimization', 'process-optimization', 'performance-metrics']);
    expect(plan.steps.map((s) => s.analysis)).toEqual([null, 'process', 'process', 'kpi']);
  });

  it('uses risk-aware planning when risk and project both score', () => {
    const plan = choosePlan('risk-management', scores(0, 2, 4, 0), []);
    expect(plan.pattern).toBe('risk-aware-planning');
    expect(plan.steps.map((s) => s.step)).toEqual([
      'Initiative scope',
      'Risk assessment (Risk Management)',
      'Mitigation strategy',
      'Project plan (Project Management)',
      'Success metrics (Performance Metrics)',
    ]);
    expect(plan.reason).toBe('the problem speaks of both risk (score 4) and project delivery (score 2)');
  });

  it('uses operational transformation for process work with projects or transformation words', () => {
    expect(choosePlan('process-optimization', scores(4, 1, 0, 0), []).pattern).toBe('operational-transformation');
    const plan = choosePlan('process-optimization', scores(4, 0, 0, 0), ['redesign']);
    expect(plan.pattern).toBe('operational-transformation');
    expect(plan.reason).toContain('transformation words (redesign)');
    expect(plan.steps.at(-1)!.step).toBe('Continuous improvement cycle');
  });

  it('prefers the pattern that contains the chosen skill when both fit', () => {
    expect(choosePlan('risk-management', scores(3, 2, 4, 0), []).pattern).toBe('risk-aware-planning');
    expect(choosePlan('process-optimization', scores(5, 2, 4, 0), []).pattern).toBe('operational-transformation');
    // Project management is in both; the larger partner score decides.
    expect(choosePlan('project-management', scores(6, 5, 1, 0), []).pattern).toBe('operational-transformation');
    expect(choosePlan('project-management', scores(1, 5, 6, 0), []).pattern).toBe('risk-aware-planning');
  });
});

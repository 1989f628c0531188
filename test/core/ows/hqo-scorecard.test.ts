import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { scorePattern, toOwsScorecard } from '../../../src/core/ows/hqo-scorecard';
import { HQO_DIMENSION_IDS } from '../../../src/core/ows/ows-document';
import type { Pattern } from '../../../src/core/ows/schema';
import { flagship, mustParse } from './pattern-fixtures';

const allSteps = (p: Pattern) => [...p.ows.flows.toBe.steps, ...p.ows.flows.altDecisionPoints.flatMap((d) => d.branches.flatMap((b) => b.steps))];

function withoutSignal(p: Pattern, signal: string): Pattern {
  for (const step of allSteps(p)) if (step.emits) step.emits = step.emits.filter((s) => s !== signal);
  p.ows.orchestrationQuality.requiredSignals = p.ows.orchestrationQuality.requiredSignals.filter((s) => s !== signal);
  return p;
}

describe('HQO scorecard', () => {
  it('scores all eight dimensions 0–5 with the evidence of each criterion', () => {
    const card = scorePattern(flagship());
    expect(card.dimensions.map((d) => d.id)).toEqual([...HQO_DIMENSION_IDS]);
    for (const d of card.dimensions) {
      expect(d.criteria).toHaveLength(5);
      expect(d.score).toBe(d.criteria.filter((c) => c.met).length);
      for (const c of d.criteria) expect(c.evidence.length).toBeGreaterThan(10);
    }
    expect(card.totalScore).toBe(card.dimensions.reduce((n, d) => n + d.score, 0));
  });

  it('passes the flagship and finds its SLA trigger and escalation route', () => {
    const card = scorePattern(flagship());
    expect(card.passed).toBe(true);
    expect(card.failures).toEqual([]);
    expect(card.slaTriggers).toEqual(['/ows/flows/altDecisionPoints/1/branches/1/steps/0']);
    expect(card.escalationRoutes).toEqual(['/ows/flows/altDecisionPoints/1/branches/1/steps/1']);
  });

  it('never reads the declared outputs.scorecard', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...HQO_DIMENSION_IDS), fc.integer({ min: 0, max: 5 })), fc.boolean(), (scores, passed) => {
        const p = flagship();
        p.ows.outputs.scorecard = { dimensionScores: scores, totalScore: 0, passed };
        expect(scorePattern(p)).toEqual(scorePattern(flagship()));
      }),
      { numRuns: 20 },
    );
  });

  it('fails without an SLA trigger and names the reason', () => {
    const p = withoutSignal(withoutSignal(flagship(), 'sla_breach_risk'), 'sla_breached');
    const card = scorePattern(mustParse(p));
    expect(card.passed).toBe(false);
    expect(card.slaTriggers).toEqual([]);
    expect(card.failures.map((f) => f.rule)).toContain('sla-trigger');
    expect(card.failures.find((f) => f.rule === 'sla-trigger')?.message).toBe(
      'no SLA trigger: no orchestrated step emits sla_breach_risk or sla_breached',
    );
  });

  it('fails without an escalation route, even if escalation is only noted', () => {
    const p = flagship();
    const escalate = p.ows.flows.altDecisionPoints[1]!.branches[1]!.steps[1]!;
    escalate.kind = 'note';
    escalate.noteOver = ['Lead', 'L2'];
    const card = scorePattern(mustParse(p));
    expect(card.escalationRoutes).toEqual([]);
    expect(card.failures.map((f) => f.rule)).toContain('escalation-route');
  });

  it('names each failing dimension with its score, the minimum and what is missing', () => {
    let p = flagship();
    for (const s of ['ownership_assigned', 'work_reassigned']) p = withoutSignal(p, s);
    for (const step of allSteps(p)) if (step.updates) delete step.updates.owner;
    const card = scorePattern(mustParse(p));
    const failure = card.failures.find((f) => f.rule === 'dimension.ownership_routing');
    expect(card.dimensionScores.ownership_routing).toBe(0);
    expect(failure?.message).toMatch(/^ownership_routing score is 0, requires 3: no step emits ownership_assigned; /);
  });

  it('fails a pattern whose total is below 30 even when every dimension is at least 3', () => {
    const p = flagship();
    // Each change costs one or two criteria in a different dimension.
    p.ows.actors[0]!.role = 'Reports';
    p.ows.pattern.successCriteria = ['Fewer breaches.'];
    p.ows.caseDefinition.assumptions = ['Many tickets.'];
    p.ows.flows.toBe.steps[0]!.emits = [];
    p.ows.orchestrationQuality.requiredSignals = ['sla_started', 'ownership_assigned', 'customer_notified'];
    p.ows.flows.altDecisionPoints[0]!.branches[1]!.criteria = 'Full';
    p.ows.flows.toBe.steps[4]!.emits = ['customer_notified'];
    p.ows.flows.altDecisionPoints[1]!.branches[1]!.steps[2]!.emits = ['customer_notified'];
    p.ows.flows.toBe.steps[2]!.action = 'Starts the 4 h response clock for this escalation now';
    p.ows.actors[3]!.label = '🔀 Smart Router for L2 escalations';
    for (const step of allSteps(p)) {
      if (step.updates) delete step.updates.owner;
      if (step.emits) step.emits = step.emits.filter((s) => s !== 'work_reassigned');
    }
    const card = scorePattern(mustParse(p));
    for (const d of card.dimensions) expect(d.score).toBeGreaterThanOrEqual(3);
    expect(card.totalScore).toBeLessThan(30);
    expect(card.passed).toBe(false);
    expect(card.failures).toEqual([{ rule: 'total', message: `total score is ${card.totalScore}/40, requires 30` }]);
  });

  it('lets a pattern raise the bar but not lower it', () => {
    const lax = flagship();
    lax.ows.orchestrationQuality.rubric = { ...lax.ows.orchestrationQuality.rubric, minTotalScore: 0, minDimensionScore: 0 };
    expect(scorePattern(lax).minTotalScore).toBe(30);
    const strict = flagship();
    strict.ows.orchestrationQuality.rubric = { ...strict.ows.orchestrationQuality.rubric, minTotalScore: 40, minDimensionScore: 5 };
    const card = scorePattern(strict);
    expect([card.minTotalScore, card.minDimensionScore]).toEqual([40, 5]);
  });

  it('converts to the OWS outputs.scorecard shape', () => {
    const card = scorePattern(flagship());
    expect(toOwsScorecard(card)).toEqual({ dimensionScores: card.dimensionScores, totalScore: card.totalScore, passed: true });
    const failing = scorePattern(mustParse(withoutSignal(flagship(), 'sla_breach_risk')));
    expect(toOwsScorecard(failing).failureReasons).toEqual(failing.failures.map((f) => f.message));
  });
});

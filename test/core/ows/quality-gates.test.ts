import { describe, it, expect } from 'vitest';
import { evaluateGates } from '../../../src/core/ows/quality-gates';
import { flagship, flagshipJson } from './pattern-fixtures';

describe('quality gates', () => {
  it('passes the flagship and returns what it computed', () => {
    const report = evaluateGates(flagshipJson());
    expect(report.failures).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.scorecard?.passed).toBe(true);
    expect(report.diagrams?.map((d) => d.diagram.kind)).toEqual(['as-is', 'orchestrated']);
  });

  it('stops at the schema gate, listing every structural error by pointer', () => {
    const doc = flagshipJson() as { ows: Record<string, unknown>; library: Record<string, unknown> };
    delete doc.ows.flows;
    doc.library.slug = 'Bad Slug';
    const report = evaluateGates(doc);
    expect(report.passed).toBe(false);
    expect(report.scorecard).toBeUndefined();
    expect(report.failures).toEqual([
      { gate: 'schema', rule: 'structure', pointer: '/ows/flows', message: 'is required (expected object)' },
      { gate: 'schema', rule: 'structure', pointer: '/library/slug', message: expect.stringMatching(/lowercase words/) },
    ]);
  });

  it('reports broken references as schema failures', () => {
    const p = flagship();
    p.ows.flows.toBe.steps[1]!.to = 'Dispatcher';
    const report = evaluateGates(p);
    expect(report.failures).toEqual([
      { gate: 'schema', rule: 'reference', pointer: '/ows/flows/toBe/steps/1/to', message: 'unknown actor "Dispatcher"; declare it in /ows/actors' },
    ]);
  });

  it('fails the budget gate with the rule, the diagram line and the pointer of the step to shorten', () => {
    const p = flagship();
    const action = 'Assigns the ticket to the least-loaded engineer who has the required skill';
    p.ows.flows.altDecisionPoints[0]!.branches[0]!.steps[0]!.action = action;
    const report = evaluateGates(p);
    const budget = report.failures.filter((f) => f.gate === 'budget');
    expect(budget).toEqual([
      {
        gate: 'budget',
        rule: 'max-message-chars',
        pointer: '/ows/flows/altDecisionPoints/0/branches/0/steps/0',
        message: expect.stringMatching(new RegExp(`^Orchestrated diagram, line \\d+: Message .* has ${action.length} characters, over the limit of 56$`)),
      },
    ]);
    expect(report.passed).toBe(false);
  });

  it('fails the hqo gate with each failing rule named', () => {
    const p = flagship();
    for (const d of p.ows.flows.altDecisionPoints) for (const b of d.branches) for (const s of b.steps) delete s.emits;
    const report = evaluateGates(p);
    const rules = report.failures.filter((f) => f.gate === 'hqo').map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['dimension.ownership_routing', 'dimension.capacity_reality', 'total', 'sla-trigger', 'escalation-route']));
    for (const f of report.failures) expect(f.message).not.toMatch(/undefined|null|\[object Object\]/);
  });

  it('lists budget and hqo failures together', () => {
    const p = flagship();
    p.ows.diagramBudget.maxTotalSteps = 10;
    for (const d of p.ows.flows.altDecisionPoints) for (const b of d.branches) for (const s of b.steps) s.emits = s.emits?.filter((e) => e !== 'escalation_triggered');
    const gates = new Set(evaluateGates(p).failures.map((f) => f.gate));
    expect(gates).toEqual(new Set(['budget', 'hqo']));
  });
});

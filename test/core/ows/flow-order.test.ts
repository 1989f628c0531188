import { describe, it, expect } from 'vitest';
import { asIsItems, flattenItems, orchestratedItems } from '../../../src/core/ows/flow-order';
import { flagship } from './pattern-fixtures';

describe('flow order', () => {
  it('reads As-Is steps in order with their pointers', () => {
    const items = asIsItems(flagship());
    expect(items).toHaveLength(flagship().ows.flows.asIs.steps.length);
    expect(items[2]).toMatchObject({ type: 'step', located: { pointer: '/ows/flows/asIs/steps/2' } });
  });

  it('splices each decision after its placed step and keeps every step exactly once', () => {
    const p = flagship();
    const items = orchestratedItems(p);
    const kinds = items.map((i) => (i.type === 'step' ? i.located.pointer.split('/').pop() : i.decision.id));
    expect(kinds).toEqual(['0', '1', '2', '3', 'capacity_available', '4', '5', 'sla_breach_handling', '6', '7']);
    const total = p.ows.flows.toBe.steps.length + p.ows.flows.altDecisionPoints.flatMap((d) => d.branches).reduce((n, b) => n + b.steps.length, 0);
    const flat = flattenItems(items);
    expect(flat).toHaveLength(total);
    expect(new Set(flat.map((s) => s.pointer)).size).toBe(total);
    expect(flat.filter((s) => s.decisionId === 'capacity_available').map((s) => s.branchIndex)).toEqual([0, 0, 1, 1]);
  });

  it('keeps declaration order for decisions placed after the same step, and puts unplaced ones last', () => {
    const p = flagship();
    p.library.diagram = { decisionPlacement: { sla_breach_handling: 1 } };
    const ids = orchestratedItems(p).flatMap((i, n) => (i.type === 'decision' ? [[i.decision.id, n]] : []));
    expect(ids).toEqual([
      ['sla_breach_handling', 2],
      ['capacity_available', 9],
    ]);
  });
});

import { describe, it, expect } from 'vitest';
import { FlowEvidence, isRoute, quoteList } from '../../../src/core/ows/hqo-evidence';
import { flagship } from './pattern-fixtures';

describe('flow evidence', () => {
  it('finds emitters of a signal in reading order, across the main flow and branches', () => {
    const ev = new FlowEvidence(flagship());
    expect(ev.emitters('customer_notified').map((s) => s.pointer)).toEqual([
      '/ows/flows/toBe/steps/4',
      '/ows/flows/altDecisionPoints/1/branches/0/steps/1',
      '/ows/flows/altDecisionPoints/1/branches/1/steps/2',
      '/ows/flows/toBe/steps/7',
    ]);
    expect(ev.firstIndex('case_created')).toBe(0);
    expect(ev.firstIndex('sla_breached')).toBe(-1);
    expect(ev.emits('sla_breached')).toBe(false);
    expect(ev.decisions().map((d) => d.decision.id)).toEqual(['capacity_available', 'sla_breach_handling']);
  });

  it('counts only messages and returns between two actors as routes', () => {
    const ev = new FlowEvidence(flagship());
    const routes = ev.steps.filter(isRoute).map((s) => s.step.kind);
    expect(routes.every((k) => k === 'message' || k === 'return')).toBe(true);
    expect(ev.steps.filter((s) => s.step.kind === 'internal').some(isRoute)).toBe(false);
  });

  it('quotes lists for evidence text', () => {
    expect(quoteList([])).toBe('none');
    expect(quoteList(['a', 'b'])).toBe('"a", "b"');
  });
});

import { describe, it, expect } from 'vitest';
import { CONTENT_DIMENSIONS } from '../../../src/core/ows/hqo-dimensions';
import { FlowEvidence } from '../../../src/core/ows/hqo-evidence';
import type { HqoDimensionId } from '../../../src/core/ows/ows-document';
import type { Pattern } from '../../../src/core/ows/schema';
import { flagship, mustParse } from './pattern-fixtures';

const steps = (p: Pattern) => [...p.ows.flows.toBe.steps, ...p.ows.flows.altDecisionPoints.flatMap((d) => d.branches.flatMap((b) => b.steps))];
const drop = (p: Pattern, signal: string) => {
  for (const s of steps(p)) if (s.emits) s.emits = s.emits.filter((e) => e !== signal);
};
const branch = (p: Pattern, d: number, b: number) => p.ows.flows.altDecisionPoints[d]!.branches[b]!;

function criteria(p: Pattern, id: HqoDimensionId) {
  const rule = CONTENT_DIMENSIONS.find(([d]) => d === id)?.[1];
  if (!rule) throw new Error(`no rule for ${id}`);
  return Object.fromEntries(rule(new FlowEvidence(p)).map((c) => [c.id, c.met]));
}

// Each row: the smallest change to the flagship that should make exactly this criterion unmet.
const CASES: Array<[HqoDimensionId, string, (p: Pattern) => void]> = [
  ['actor_clarity', 'roles-stated', (p) => { p.ows.actors[1]!.role = 'Triage'; }],
  ['actor_clarity', 'labels-distinct-short', (p) => { p.ows.actors[1]!.label = '🎧 L1 Agent on the first-line desk'; }],
  ['actor_clarity', 'all-actors-act', (p) => { p.ows.flows.asIs.steps[4]!.to = 'L1'; p.ows.flows.asIs.steps[7]!.to = 'L1'; p.ows.flows.asIs.steps[2]!.to = 'L2'; p.ows.flows.asIs.steps[3]!.noteOver = ['L1', 'L2']; }],
  ['actor_clarity', 'no-passive-participants', (p) => { const s = p.ows.flows.toBe.steps[5]!; s.from = 'Router'; s.to = 'Router'; branch(p, 1, 1).steps[0]!.from = 'Router'; }],
  ['ownership_routing', 'ownership-signal', (p) => drop(p, 'ownership_assigned')],
  ['ownership_routing', 'owner-recorded', (p) => { for (const s of steps(p)) if (s.updates) delete s.updates.owner; }],
  ['ownership_routing', 'reroute-path', (p) => drop(p, 'work_reassigned')],
  ['sla_time', 'sla-started', (p) => drop(p, 'sla_started')],
  ['sla_time', 'trigger-drives-action', (p) => { drop(p, 'escalation_triggered'); drop(p, 'work_reassigned'); }],
  ['sla_time', 'time-targets', (p) => { p.ows.pattern.successCriteria = ['Fewer breaches']; }],
  ['alt_decisions', 'required-modeled', (p) => { p.ows.orchestrationQuality.requiredDecisionPoints.push('vendor_acceptance'); }],
  ['alt_decisions', 'criteria-stated', (p) => { branch(p, 1, 1).label = 'On track'; }],
  ['alt_decisions', 'branches-differ', (p) => { branch(p, 0, 1).steps = structuredClone(branch(p, 0, 0).steps); }],
  ['alt_decisions', 'branches-observable', (p) => { for (const s of branch(p, 0, 0).steps) { delete s.emits; delete s.updates; } }],
  ['alt_decisions', 'within-alt-budget', (p) => { p.ows.diagramBudget.maxAltBlocks = 1; }],
  ['customer_visibility', 'eta-shared', (p) => drop(p, 'eta_provided')],
  ['customer_visibility', 'notified-by-message', (p) => { for (const s of steps(p)) if (s.emits?.includes('customer_notified')) { s.to = s.from; s.kind = 'internal'; } }],
  ['customer_visibility', 'told-when-wrong', (p) => { for (const s of branch(p, 1, 1).steps) s.emits = s.emits?.filter((e) => e !== 'customer_notified' && e !== 'eta_provided'); }],
  ['customer_visibility', 'heard-before-close', (p) => { for (const s of steps(p)) if (s !== p.ows.flows.toBe.steps[7]) s.emits = s.emits?.filter((e) => e !== 'customer_notified'); }],
  ['capacity_reality', 'capacity-decision', (p) => { p.ows.flows.altDecisionPoints[0]!.id = 'capacity_check'; p.library.diagram = { decisionPlacement: { capacity_check: 3, sla_breach_handling: 5 } }; p.library.narrative.decisionPoint.decisionId = 'capacity_check'; }],
  ['capacity_reality', 'checked-before-assign', (p) => { p.ows.flows.toBe.steps[1]!.emits = ['ownership_assigned']; }],
  ['capacity_reality', 'numbers-stated', (p) => { p.ows.caseDefinition.assumptions = ['Lots of tickets', 'A busy team']; }],
  ['observability', 'required-signals-emitted', (p) => { p.ows.orchestrationQuality.requiredSignals.push('sla_breached'); }],
  ['observability', 'lifecycle-bounded', (p) => drop(p, 'case_closed')],
  ['observability', 'state-recorded', (p) => { for (const s of steps(p)) delete s.updates; }],
  ['observability', 'signals-known', (p) => { p.ows.flows.toBe.steps[0]!.emits = ['case_created', 'ticket_opened']; }],
];

describe('HQO content dimensions', () => {
  it('meets every criterion for the flagship', () => {
    for (const [id] of CONTENT_DIMENSIONS) expect(Object.values(criteria(flagship(), id)).every(Boolean)).toBe(true);
  });

  it.each(CASES)('%s: %s responds to the pattern content', (dimension, criterion, mutate) => {
    const p = flagship();
    mutate(p);
    const met = criteria(mustParse(p), dimension);
    expect(met[criterion]).toBe(false);
  });

  it('counts a capacity gap as handled only when it is handed to someone', () => {
    const p = flagship();
    branch(p, 0, 1).steps = [
      { from: 'Router', to: 'Router', action: 'Logs the capacity gap', kind: 'internal', emits: ['capacity_unavailable'] },
      { from: 'Router', to: 'Router', action: 'Retries in 10 min', kind: 'internal', emits: ['ownership_assigned'] },
    ];
    expect(criteria(mustParse(p), 'capacity_reality')['saturation-routed']).toBe(false);
  });
});

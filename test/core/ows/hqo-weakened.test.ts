// The quality gates against weakened versions of the flagship: each weakening an author might make
// (escalation removed, decision point gone or flattened, diagram over budget) fails, with the reason
// named and pointed at, while the untouched flagship passes.
import { describe, expect, it } from 'vitest';
import { evaluateGates, type GateReport } from '../../../src/core/ows/quality-gates';
import { flagshipJson } from './pattern-fixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a free-form copy of the pattern file, edited as an author would
type Step = { emits?: string[] };

function weakened(edit: (ows: Json, library: Json) => void): GateReport {
  const file = flagshipJson() as Json;
  edit(file.ows, file.library);
  return evaluateGates(file);
}

const rules = (report: GateReport) => report.failures.map((f) => `${f.gate}:${f.rule}`);
const emits = (signal: string) => (s: Step) => (s.emits ?? []).includes(signal);
const decisions = (ows: Json): Json[] => ows.flows.altDecisionPoints;

describe('quality gates on weakened patterns', () => {
  it('pass the flagship as written', () => {
    const report = weakened(() => {});
    expect(report.failures).toEqual([]);
    expect(report.scorecard?.totalScore).toBe(40);
  });

  it('fail a pattern whose escalation steps were removed, naming the missing escalation route and the lost criteria', () => {
    const report = weakened((ows) => {
      ows.flows.toBe.steps = ows.flows.toBe.steps.filter((s: Step) => !emits('escalation_triggered')(s));
      for (const d of decisions(ows)) for (const b of d.branches) b.steps = b.steps.filter((s: Step) => !emits('escalation_triggered')(s));
    });
    expect(report.passed).toBe(false);
    expect(rules(report)).toEqual(['hqo:escalation-route']);
    expect(report.failures[0]).toMatchObject({ pointer: '/ows/flows', message: expect.stringMatching(/^no escalation route: /) });
    // The content lost points too: the SLA trigger now leads nowhere, a required signal is never emitted.
    const criteria = report.scorecard?.dimensions.flatMap((d) => d.criteria.filter((c) => !c.met).map((c) => c.id));
    expect(criteria).toEqual(expect.arrayContaining(['trigger-drives-action', 'required-signals-emitted']));
  });

  it('fail a pattern without any decision point at the schema gate, saying what is missing where', () => {
    const report = weakened((ows) => {
      ows.flows.altDecisionPoints = [];
    });
    expect(report.passed).toBe(false);
    expect(report.failures).toContainEqual({
      gate: 'schema',
      rule: 'structure',
      pointer: '/ows/flows/altDecisionPoints',
      message: 'needs at least one decision point: the decision that matters, modeled as an alt block',
    });
  });

  it('fail a pattern whose required breach decision was flattened into the main flow, though it scores 38/40', () => {
    const report = weakened((ows, library) => {
      const breach = decisions(ows).find((d) => d.id === 'sla_breach_handling');
      ows.flows.altDecisionPoints = decisions(ows).filter((d) => d !== breach);
      library.diagram.decisionPlacement = { capacity_available: 3 };
      // Every case now takes the breach-risk path: escalation unconditionally, no decision.
      ows.flows.toBe.steps.splice(6, 0, ...breach?.branches[1].steps);
    });
    expect(report.scorecard?.totalScore).toBeGreaterThanOrEqual(30);
    expect(report.scorecard?.slaTriggers.length).toBeGreaterThan(0);
    expect(report.scorecard?.escalationRoutes.length).toBeGreaterThan(0);
    expect(report.passed).toBe(false);
    expect(report.failures).toEqual([
      {
        gate: 'hqo',
        rule: 'required-decision-point',
        pointer: '/ows/orchestrationQuality/requiredDecisionPoints',
        message: 'required decision point not modeled as an alt block: "sla_breach_handling"',
      },
    ]);
  });

  it('fail a pattern whose breach decision is gone, naming the missing SLA trigger, escalation route and decision point', () => {
    const report = weakened((ows, library) => {
      ows.flows.altDecisionPoints = decisions(ows).filter((d) => d.id !== 'sla_breach_handling');
      library.diagram.decisionPlacement = { capacity_available: 3 };
    });
    expect(report.passed).toBe(false);
    expect(rules(report)).toEqual(['hqo:sla-trigger', 'hqo:escalation-route', 'hqo:required-decision-point']);
  });

  it('fail a pattern over the diagram budget, naming the rule, the diagram line and the step to shorten', () => {
    const report = weakened((ows) => {
      ows.flows.toBe.steps[0].action = 'Customer writes a very long message that describes everything in detail again';
    });
    expect(report.passed).toBe(false);
    expect(report.failures).toEqual([
      {
        gate: 'budget',
        rule: 'max-message-chars',
        pointer: '/ows/flows/toBe/steps/0',
        message: expect.stringMatching(/^Orchestrated diagram, line \d+: Message "Customer writes a very long message that…" from Customer to L1 has 77 characters, over the limit of 56$/),
      },
    ]);
    // The minimal-complexity dimension reads the same lint: the over-long message costs it points.
    expect(report.scorecard?.dimensionScores.minimal_complexity).toBeLessThan(5);
  });
});

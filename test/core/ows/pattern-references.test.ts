import { describe, it, expect } from 'vitest';
import { parsePattern } from '../../../src/core/ows/parse-pattern';
import { findReferenceIssues } from '../../../src/core/ows/pattern-references';
import { flagship, flagshipJson } from './pattern-fixtures';

function errorsOf(mutate: (p: ReturnType<typeof flagship>) => void) {
  const p = flagship();
  mutate(p);
  const result = parsePattern(p);
  if (result.ok) throw new Error('expected the pattern to be rejected');
  return result.errors;
}

describe('pattern cross-references', () => {
  it('finds nothing wrong in the flagship', () => {
    expect(findReferenceIssues(flagship())).toEqual([]);
  });

  it('rejects steps that name undeclared actors, wherever the step is', () => {
    const errors = errorsOf((p) => {
      p.ows.flows.asIs.steps[0]!.from = 'Ghost';
      p.ows.flows.altDecisionPoints[1]!.branches[0]!.steps[1]!.to = 'Nobody';
    });
    expect(errors).toEqual([
      { pointer: '/ows/flows/asIs/steps/0/from', message: 'unknown actor "Ghost"; declare it in /ows/actors' },
      { pointer: '/ows/flows/altDecisionPoints/1/branches/0/steps/1/to', message: 'unknown actor "Nobody"; declare it in /ows/actors' },
    ]);
  });

  it('checks notes against noteOver, and internal steps stay within one actor', () => {
    const errors = errorsOf((p) => {
      p.ows.flows.asIs.steps[3]!.noteOver = ['Queue', 'Elsewhere'];
      p.ows.flows.toBe.steps[3]!.to = 'Monitor';
    });
    expect(errors.map((e) => e.pointer)).toEqual(['/ows/flows/asIs/steps/3/noteOver/1', '/ows/flows/toBe/steps/3/to']);
    expect(errors[1]?.message).toMatch(/internal step stays within one actor/);
  });

  it('rejects duplicate ids and actor ids Mermaid would misread', () => {
    const errors = errorsOf((p) => {
      p.ows.actors[2]!.id = 'L1';
      p.ows.actors[3]!.id = 'end';
      p.ows.outputs.checklist.items[1]!.id = 'OWN-001';
    });
    const byPointer = Object.fromEntries(errors.map((e) => [e.pointer, e.message]));
    expect(byPointer['/ows/actors/2/id']).toBe('duplicate actor id "L1" (first used at index 1)');
    expect(byPointer['/ows/actors/3/id']).toBe('"end" is a Mermaid keyword; choose another actor id');
    expect(byPointer['/ows/outputs/checklist/items/1/id']).toBe('duplicate check id "OWN-001" (first used at index 0)');
  });

  it('ties the implementation checklist to declared checks and components, and every check to an item', () => {
    const errors = errorsOf((p) => {
      p.library.checklist[0]!.checks = ['ROU-001', 'XYZ-999'];
      p.library.checklist[1]!.component = 'Magic Wand';
    });
    expect(errors).toEqual([
      { pointer: '/ows/outputs/checklist/items/2', message: 'no implementation item delivers check "ROU-002"; list it in some /library/checklist/*/checks' },
      { pointer: '/library/checklist/0/checks/1', message: 'unknown check "XYZ-999"; declare it in /ows/outputs/checklist/items' },
      { pointer: '/library/checklist/1/component', message: 'unknown component "Magic Wand"; declare it in /library/components' },
    ]);
  });

  it('checks the decision the article dwells on and the placement of alt blocks', () => {
    const errors = errorsOf((p) => {
      p.library.narrative.decisionPoint.decisionId = 'vendor_acceptance';
      p.library.diagram = { decisionPlacement: { capacity_available: 99, nope: 1 } };
    });
    expect(errors.map((e) => [e.pointer, e.message])).toEqual([
      ['/library/narrative/decisionPoint/decisionId', 'unknown decision point "vendor_acceptance"; use an id from /ows/flows/altDecisionPoints'],
      ['/library/diagram/decisionPlacement/capacity_available', 'step index 99 is past the last orchestrated step (7)'],
      ['/library/diagram/decisionPlacement/nope', 'unknown decision point "nope"'],
    ]);
  });

  it('requires a title the publication format can carry', () => {
    const doc = flagshipJson() as unknown as { ows: { meta: { title: string } } };
    doc.ows.meta.title = 'Short';
    const result = parsePattern(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ pointer: '/ows/meta/title', message: 'must be 10–200 characters (has 5)' }]);
  });
});

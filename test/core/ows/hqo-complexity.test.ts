import { describe, it, expect } from 'vitest';
import { lintMermaid } from '../../../src/core/ows/diagram-budget';
import { lintPatternDiagrams } from '../../../src/core/ows/diagram-lint';
import { MESSAGE_HEADROOM, minimalComplexity } from '../../../src/core/ows/hqo-complexity';
import { flagship } from './pattern-fixtures';

const met = (p = flagship()) => Object.fromEntries(minimalComplexity(lintPatternDiagrams(p), p.ows.diagramBudget.maxMessageChars).map((c) => [c.id, c.met]));

describe('minimal complexity', () => {
  it('meets all five criteria for the flagship', () => {
    expect(Object.values(met()).every(Boolean)).toBe(true);
  });

  it('loses headroom before it loses the budget, and then both', () => {
    const p = flagship();
    const limit = Math.floor(56 * MESSAGE_HEADROOM);
    p.ows.flows.toBe.steps[0]!.action = 'y'.repeat(limit + 1);
    expect(met(p)).toMatchObject({ headroom: false, 'text-within-budget': true });
    p.ows.flows.toBe.steps[0]!.action = 'y'.repeat(57);
    expect(met(p)).toMatchObject({ headroom: false, 'text-within-budget': false });
  });

  it('points budget violations back at the step that produced the line', () => {
    const p = flagship();
    p.ows.flows.asIs.steps[3]!.action = 'n'.repeat(95);
    const text = minimalComplexity(lintPatternDiagrams(p), 56).find((c) => c.id === 'text-within-budget');
    expect(text?.met).toBe(false);
    expect(text?.pointers).toEqual(['/ows/flows/asIs/steps/3']);
    expect(text?.evidence).toMatch(/^As-Is line \d+: Note/);
  });

  it('counts too many actors and alt blocks against their own criteria', () => {
    const p = flagship();
    p.ows.diagramBudget.maxActors = 5;
    p.ows.diagramBudget.maxAltBlocks = 1;
    expect(met(p)).toMatchObject({ 'actors-within-budget': false, 'structure-within-budget': false, 'steps-within-budget': true });
  });

  it('scores nothing when a diagram does not parse', () => {
    const [asIs, orchestrated] = lintPatternDiagrams(flagship());
    const broken = { diagram: { ...orchestrated.diagram, text: 'sequenceDiagram\n  A->>: x\n' }, lint: lintMermaid('sequenceDiagram\n  A->>: x\n') };
    const criteria = minimalComplexity([asIs, broken], 56);
    expect(criteria.every((c) => !c.met)).toBe(true);
    expect(criteria[0]?.evidence).toMatch(/^Orchestrated diagram does not parse \(line 2: /);
  });
});

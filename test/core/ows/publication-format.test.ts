import { describe, it, expect } from 'vitest';
import { generateDiagrams } from '../../../src/core/ows/mermaid-generator';
import { parsePattern } from '../../../src/core/ows/parse-pattern';
import { fromPublication, PUBLICATION_SCORE_SOURCES, toPublication } from '../../../src/core/ows/publication-format';
import { scorePattern } from '../../../src/core/ows/hqo-scorecard';
import { flagship, mustParse, validateReferencePublication } from './pattern-fixtures';

describe('publication format', () => {
  it('exports documents that validate against pattern.schema.json', () => {
    const pub = toPublication(flagship());
    expect(validateReferencePublication(pub), JSON.stringify(validateReferencePublication.errors)).toBe(true);
  });

  it('exports the generated sections, diagrams and the computed scorecard', () => {
    const p = flagship();
    const pub = toPublication(p);
    const [asIs, orchestrated] = generateDiagrams(p);
    expect(pub.asIsDiagramMermaid).toBe(asIs.text);
    expect(pub.orchestratedDiagramMermaid).toBe(orchestrated.text);
    expect(pub.hookMarkdown).toBe(p.library.narrative.hook);
    expect(pub.implementationChecklist).toEqual(p.library.checklist.map((i) => `${i.summary} (${i.effortPersonWeeks} person-week${i.effortPersonWeeks === 1 ? '' : 's'})`));
    const card = scorePattern(p);
    for (const [name, id] of Object.entries(PUBLICATION_SCORE_SOURCES)) {
      expect(pub.scorecard[name as keyof typeof pub.scorecard]).toBe(Math.max(1, card.dimensionScores[id]));
    }
    expect(pub.category).toBe('escalation');
    expect(pub.updatedAt).toBe('2025-06-02T00:00:00Z');
  });

  it('clamps zero scores to 1, the lowest the publication format allows', () => {
    const p = flagship();
    for (const d of p.ows.flows.altDecisionPoints) for (const b of d.branches) for (const s of b.steps) delete s.emits;
    for (const s of p.ows.flows.toBe.steps) delete s.emits;
    const pub = toPublication(mustParse(p));
    expect(pub.scorecard.Ownership).toBe(1);
    expect(validateReferencePublication(pub)).toBe(true);
  });

  it('imports the flows back from the diagrams and lists what the format does not carry', () => {
    const original = flagship();
    const imported = fromPublication(toPublication(original));
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const { draft, gaps, pattern } = imported.value;
    expect(pattern).toBeUndefined();
    expect(draft.library?.slug).toBe(original.library.slug);
    expect(draft.ows?.actors?.map((a) => a.id)).toEqual(original.ows.actors.map((a) => a.id));
    expect(draft.ows?.flows?.toBe?.steps?.map((s) => s.action)).toEqual(original.ows.flows.toBe.steps.map((s) => s.action));
    expect(draft.library?.checklist?.map((i) => [i.summary, i.effortPersonWeeks])).toEqual(original.library.checklist.map((i) => [i.summary, i.effortPersonWeeks]));
    const pointers = gaps.map((g) => g.pointer);
    for (const expected of ['/scorecard', '/ows/actors/0/role', '/ows/caseDefinition', '/library/maturity', '/library/slaTargets', '/library/checklist/0/owner']) {
      expect(pointers).toContain(expected);
    }
  });

  it('round-trips the diagrams: a draft completed from the original renders the same Mermaid', () => {
    const original = flagship();
    const imported = fromPublication(toPublication(original));
    if (!imported.ok) throw new Error('import failed');
    const { draft } = imported.value;
    const completed = structuredClone(original);
    completed.ows.flows.asIs.steps = original.ows.flows.asIs.steps.map((s, i) => {
      const imported = draft.ows?.flows?.asIs?.steps?.[i];
      return { ...s, from: imported?.from ?? '', to: imported?.to ?? '', action: imported?.action ?? '', kind: imported?.kind ?? 'message' };
    });
    completed.ows.flows.altDecisionPoints = original.ows.flows.altDecisionPoints.map((d, i) => ({ ...d, id: draft.ows?.flows?.altDecisionPoints?.[i]?.id ?? d.id }));
    completed.library.diagram = { decisionPlacement: { ...(draft.library?.diagram?.decisionPlacement as Record<string, number>) } };
    completed.library.narrative.decisionPoint.decisionId = completed.ows.flows.altDecisionPoints[0]!.id;
    const reparsed = parsePattern(completed);
    expect(reparsed.ok).toBe(true);
    if (!reparsed.ok) return;
    expect(generateDiagrams(reparsed.value).map((d) => d.text)).toEqual(generateDiagrams(original).map((d) => d.text));
  });

  it('rejects an invalid publication document with pointers', () => {
    const pub = { ...toPublication(flagship()), title: 'Short', scorecard: { Ownership: 0 } };
    const result = fromPublication(pub);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/title', '/scorecard/Ownership', '/scorecard/TimeSLA']));
  });

  it('reports unparseable diagrams with the line and what was expected', () => {
    const pub = { ...toPublication(flagship()), orchestratedDiagramMermaid: 'sequenceDiagram\n  Router->>: assigns\n' };
    const result = fromPublication(pub);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toEqual({ pointer: '/orchestratedDiagramMermaid', message: expect.stringMatching(/^line 2, column \d+: .*\(expected .+\)$/) });
  });

  it('drops facet values the library does not know, saying so', () => {
    const pub = { ...toPublication(flagship()), industries: ['Technology', 'Space'], brokenSignals: ['Ownership', 'Morale'] };
    const result = fromPublication(pub);
    if (!result.ok) throw new Error('import failed');
    expect(result.value.draft.library?.industries).toEqual(['Technology']);
    expect(result.value.gaps).toContainEqual({ pointer: '/library/industries', message: expect.stringContaining('"Space" is not a library value') });
    expect(result.value.gaps).toContainEqual({ pointer: '/library/brokenSignals', message: expect.stringContaining('"Morale"') });
  });
});

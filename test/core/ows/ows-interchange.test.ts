import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { exportOws, importOws, parseOwsDocument, staleOutputs, withComputedOutputs } from '../../../src/core/ows/ows-interchange';
import { owsDocumentArb } from './ows-arbitraries';
import { fixture, flagship, validateReferenceOws } from './pattern-fixtures';

describe('OWS import and export', () => {
  it('round-trips an OWS document without loss', () => {
    const doc = fixture('warranty-defect-escalation.ows.json');
    const parsed = parseOwsDocument(doc);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(exportOws({ ows: parsed.value, library: flagship().library })).toEqual(doc);
  });

  it('round-trips any valid OWS document, and what it exports validates against the reference schema', () => {
    fc.assert(
      fc.property(owsDocumentArb, (doc) => {
        const parsed = parseOwsDocument(doc);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        const exported = exportOws({ ows: parsed.value, library: flagship().library });
        expect(exported).toEqual(doc);
        expect(validateReferenceOws(exported)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('imports an OWS document with library metadata into a pattern, and exports it unchanged', () => {
    const p = flagship();
    const imported = importOws(structuredClone(p.ows), structuredClone(p.library));
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(exportOws(imported.value)).toEqual(p.ows);
  });

  it('points import errors into the pattern file', () => {
    const p = flagship();
    const imported = importOws({ ...p.ows, schemaVersion: '2.0.0' }, { ...p.library, version: 0 });
    expect(imported.ok).toBe(false);
    if (!imported.ok) expect(imported.errors.map((e) => e.pointer)).toEqual(['/ows/schemaVersion', '/library/version']);
  });

  it('exports a copy, so changing it leaves the pattern alone', () => {
    const p = flagship();
    const exported = exportOws(p);
    exported.meta.title = 'Changed title here';
    expect(p.ows.meta.title).toBe('Support Ticket Escalation Backlog');
  });

  it('fills in computed outputs on request and reports stored outputs that are stale', () => {
    const p = flagship();
    expect(staleOutputs(p)).toEqual([]);
    p.ows.outputs.scorecard.totalScore = 12;
    p.ows.outputs.diagramSizeScorecard.totalSteps = 99;
    expect(staleOutputs(p).map((i) => i.pointer)).toEqual(['/ows/outputs/scorecard', '/ows/outputs/diagramSizeScorecard']);
    const fresh = withComputedOutputs(p);
    expect(fresh.ows.outputs.scorecard.totalScore).toBe(40);
    expect(fresh.ows.outputs.diagramSizeScorecard.totalSteps).toBe(17);
    expect(validateReferenceOws(fresh.ows)).toBe(true);
    expect(p.ows.outputs.scorecard.totalScore).toBe(12);
  });
});

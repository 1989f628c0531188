import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { owsDocumentSchema } from '../../../src/core/ows/ows-document';
import { parseOwsDocument } from '../../../src/core/ows/ows-interchange';
import { at, objectPaths, owsDocumentArb } from './ows-arbitraries';
import { fixture, flagship, validateReferenceOws } from './pattern-fixtures';

type Json = Parameters<typeof objectPaths>[0];

/**
 * JSON Schema's "integer" has no bound, but JavaScript cannot hold integers beyond ±2^53 exactly,
 * so the zod schema rejects them on purpose (accepting would silently change the value).
 */
function hasUnsafeInteger(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasUnsafeInteger);
  return false;
}

function zodAccepts(doc: unknown): boolean {
  return owsDocumentSchema.safeParse(doc).success;
}

describe('OWS 1.1 document schema', () => {
  it('accepts the fixture and the flagship OWS documents, as the reference schema does', () => {
    for (const doc of [fixture('warranty-defect-escalation.ows.json'), flagship().ows]) {
      expect(validateReferenceOws(doc), JSON.stringify(validateReferenceOws.errors)).toBe(true);
      expect(zodAccepts(doc)).toBe(true);
    }
  });

  it('accepts every document the reference schema accepts, returning it unchanged', () => {
    fc.assert(
      fc.property(owsDocumentArb, (doc) => {
        expect(validateReferenceOws(doc), JSON.stringify(validateReferenceOws.errors)).toBe(true);
        const parsed = parseOwsDocument(doc);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.value).toEqual(doc);
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with the reference schema when a property is added anywhere', () => {
    fc.assert(
      fc.property(owsDocumentArb, fc.nat(), fc.constantFrom('extra', 'zz', 'Id'), fc.jsonValue(), (doc, pick, key, value) => {
        const copy = structuredClone(doc) as Json;
        const paths = objectPaths(copy);
        const target = at(copy, paths[pick % paths.length] ?? []) as Record<string, unknown>;
        if (key in target) return;
        target[key] = value;
        fc.pre(!hasUnsafeInteger(value));
        expect(zodAccepts(copy)).toBe(validateReferenceOws(copy));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with the reference schema when a property is removed or replaced', () => {
    fc.assert(
      fc.property(owsDocumentArb, fc.nat(), fc.nat(), fc.option(fc.jsonValue(), { nil: undefined }), (doc, pick, keyPick, value) => {
        const copy = structuredClone(doc) as Json;
        const paths = objectPaths(copy);
        const target = at(copy, paths[pick % paths.length] ?? []) as Record<string, unknown>;
        const keys = Object.keys(target);
        const key = keys[keyPick % Math.max(1, keys.length)];
        if (key === undefined) return;
        fc.pre(!hasUnsafeInteger(value));
        if (value === undefined) delete target[key];
        else target[key] = value;
        expect(zodAccepts(copy)).toBe(validateReferenceOws(copy));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects integers JavaScript cannot represent exactly, which the reference schema would accept', () => {
    const doc = structuredClone(flagship().ows);
    doc.outputs.diagramSizeScorecard.totalSteps = 2 ** 53 + 2;
    expect(validateReferenceOws(doc)).toBe(true);
    expect(zodAccepts(doc)).toBe(false);
  });

  it('rejects a wrong schema version, an impossible date and a bad actor id, with pointers', () => {
    const doc = structuredClone(flagship().ows) as unknown as { schemaVersion: string; meta: { createdAt: string }; actors: Array<{ id: string }> };
    doc.schemaVersion = '1.0.0';
    doc.meta.createdAt = '2025-02-30T10:00:00Z';
    doc.actors[1] = { ...doc.actors[1], id: '1abc' };
    const result = parseOwsDocument(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.pointer)).toEqual(['/schemaVersion', '/meta/createdAt', '/actors/1/id']);
    expect(result.errors[0]?.message).toBe('must be "1.1.0" (got "1.0.0")');
    expect(result.errors[2]?.message).toMatch(/Mermaid-safe id.*got "1abc"/);
    expect(validateReferenceOws(doc)).toBe(false);
  });
});

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { patternSchema, patternStructureSchema } from '../../../src/core/ows/schema';
import { flagship } from './pattern-fixtures';

describe('pattern file schema', () => {
  it('pairs an OWS document with library metadata and nothing else', () => {
    const p = flagship();
    expect(Object.keys(p)).toEqual(['ows', 'library']);
    expect(patternSchema.safeParse({ ...p, extra: true }).success).toBe(false);
  });

  it('checks cross-references on top of the structure', () => {
    const p = flagship();
    p.ows.flows.toBe.steps[0]!.to = 'Nobody';
    expect(patternStructureSchema.safeParse(p).success).toBe(true);
    const result = patternSchema.safeParse(p);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('/'))).toEqual(['ows/flows/toBe/steps/0/to']);
  });

  it('documents the file format for catalog authors at the top of schema.ts', () => {
    const source = readFileSync(fileURLToPath(new URL('../../../src/core/ows/schema.ts', import.meta.url)), 'utf8');
    const note = source.slice(0, source.indexOf('import '));
    for (const term of ['"ows"', '"library"', 'decisionPlacement', 'emits', 'checklist', 'narrative', 'slaTargets']) expect(note).toContain(term);
  });
});

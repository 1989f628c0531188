import { describe, it, expect } from 'vitest';
import Ajv from 'ajv';
import { createPrng, generateSequences } from '../../../bench/sequence-docs.bench';
import { parseSequence } from '../../../src/core/sequence/schema';
import { renderSequenceMarkdown } from '../../../src/core/sequence/markdown';
import { referenceSchema } from './fixtures';

describe('benchmark sequence generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateSequences(5, 42)).toEqual(generateSequences(5, 42));
    expect(generateSequences(5, 42)).not.toEqual(generateSequences(5, 43));
    const a = createPrng(1);
    const b = createPrng(1);
    const drawn = Array.from({ length: 100 }, () => a());
    expect(drawn).toEqual(Array.from({ length: 100 }, () => b()));
    expect(drawn.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(drawn).size).toBe(100);
  });

  it('produces valid sequences for our parser and the reference JSON Schema', () => {
    const validate = new Ajv({ strict: false }).compile(referenceSchema());
    for (const seq of generateSequences(50, 5)) {
      expect(parseSequence(seq).ok).toBe(true);
      expect(validate(seq)).toBe(true);
      expect(renderSequenceMarkdown(seq)).not.toMatch(/undefined|null|\[object Object\]/);
    }
  });
});

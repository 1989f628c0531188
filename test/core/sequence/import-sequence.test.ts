import { describe, it, expect } from 'vitest';
import { importSequenceText } from '../../../src/core/sequence/import-sequence';
import { misdecodeAsCp1252 } from '../../../src/core/sequence/cp1252';
import { fixtureText, referenceIds, referenceSequence } from './fixtures';

describe('importSequenceText', () => {
  it.each(referenceIds)('imports the reference %s with its consistency findings and no encoding warning', (id) => {
    const result = importSequenceText(fixtureText(`${id}.json`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sequence).toEqual(referenceSequence(id));
    expect(result.repaired).toBe(false);
    expect(result.issues.some((i) => i.message.startsWith('encoding:'))).toBe(false);
    expect(result.issues.some((i) => i.severity === 'error')).toBe(true);
  });

  it('repairs a JSON file that was read as Windows-1252, with a warning, every difference a reported guess', () => {
    const original = fixtureText('msp-domain-expert.json');
    const result = importSequenceText(misdecodeAsCp1252(original));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.repaired).toBe(true);
    expect(result.issues[0]).toMatchObject({ severity: 'warning', pointer: '', message: expect.stringMatching(/^encoding: text was UTF-8 mis-decoded/) });
    const repaired = JSON.stringify(result.sequence, null, 2).split('\n');
    const expected = JSON.stringify(referenceSequence('msp-domain-expert'), null, 2).split('\n');
    const guessedChars = new Set(result.guesses.map((g) => g.chosen));
    repaired.forEach((line, i) => {
      if (line !== expected[i]) expect([...guessedChars].some((c) => line.includes(c))).toBe(true);
    });
  });

  it('reports invalid JSON with its line and column', () => {
    const result = importSequenceText('{\n  "id": "x",\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ line: 3, column: 1 });
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { looksMisdecoded, repairEncoding } from '../../../src/core/sequence/encoding-repair';
import { droppedBytes, misdecodeAsCp1252, utf8Bytes, cp1252ByteOf } from '../../../src/core/sequence/cp1252';
import { emojiLexicon } from '../../../src/core/sequence/emoji-lexicon';
import { fixtureText, referenceIds, seedFor } from './fixtures';

function differingLines(actual: string, expected: string): number[] {
  const a = actual.split('\n');
  const b = expected.split('\n');
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push(i + 1);
  return out;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const lossless = (s: string) => !utf8Bytes(s).some((b) => droppedBytes.includes(b));
const inCp1252 = (ch: string) => cp1252ByteOf(ch.codePointAt(0) as number) !== undefined;

describe('repairEncoding on the seeds', () => {
  it.each(referenceIds)('repairs the seed of %s: every differing line is a reported guess, at most 3 differ', (id) => {
    const seed = fixtureText(seedFor[id]);
    const reference = fixtureText(`${id}.md`);
    const result = repairEncoding(seed);
    expect(result.changed).toBe(true);
    const differ = differingLines(result.text, reference);
    const guessed = new Set(result.guesses.map((g) => g.line));
    for (const line of differ) expect(guessed).toContain(line);
    expect(differ.length).toBeLessThanOrEqual(3);
    expect(result.text.split('\n')).toHaveLength(reference.split('\n').length);
  });

  it('reports each guess with its line and alternatives, and warns', () => {
    const result = repairEncoding(fixtureText(seedFor['operator-implementation']));
    const seedLines = fixtureText(seedFor['operator-implementation']).split('\n');
    expect(result.guesses.length).toBeGreaterThan(0);
    for (const g of result.guesses) {
      expect(g.alternatives.length).toBeGreaterThan(0);
      expect(g.alternatives).not.toContain(g.chosen);
      // The guessed line is one whose mis-decoding lost a byte: it re-encodes to invalid UTF-8.
      expect(result.text.split('\n')[g.line - 1]).toContain(g.chosen);
      expect(seedLines[g.line - 1]).toBeDefined();
    }
    expect(result.warnings[0]).toMatch(/mis-decoded as Windows-1252/);
    expect(result.warnings.some((w) => w.startsWith(`line ${result.guesses[0]?.line}: guessed`))).toBe(true);
  });

  it('detects the seeds and not the references', () => {
    for (const id of referenceIds) {
      expect(looksMisdecoded(fixtureText(seedFor[id]))).toBe(true);
      expect(looksMisdecoded(fixtureText(`${id}.md`))).toBe(false);
      expect(repairEncoding(fixtureText(`${id}.md`))).toEqual({ text: fixtureText(`${id}.md`), changed: false, guesses: [], warnings: [] });
    }
  });
});

describe('repairEncoding, restoring lost bytes', () => {
  it('restores a zero-width joiner between emoji from context, not as a guess', () => {
    const original = '✅ Team: 👨‍💼 Manager and 👩‍💻 Dev';
    const damaged = misdecodeAsCp1252(original);
    expect(damaged).not.toContain('\u200d');
    const result = repairEncoding(damaged);
    expect(result.text).toBe(original);
    expect(result.guesses).toEqual([]);
  });

  it('restores an emoji variation selector after a symbol from context', () => {
    const original = '✅ ⚙️ DevOps and 🛠️ Tools';
    const result = repairEncoding(misdecodeAsCp1252(original));
    expect(result.text).toBe(original);
    expect(result.guesses).toEqual([]);
  });

  it('guesses a letter that lost its soft-hyphen byte and a closing quote, listing the other candidates', () => {
    const original = 'Está aquí – “según” él';
    const result = repairEncoding(misdecodeAsCp1252(original));
    expect(result.text).toBe(original);
    expect(result.guesses.map((g) => g.chosen)).toEqual(['í', '”']);
    expect(result.guesses.every((g) => g.line === 1)).toBe(true);
    expect(result.guesses[0]?.alternatives).toEqual(expect.arrayContaining(['Í', 'Á']));
  });

  it('uses the words on the line to choose between emoji', () => {
    const result = repairEncoding(misdecodeAsCp1252('✅ participant Wiki as 📝 Confluence notes\n✅ participant C as 🏢 Client office'));
    expect(result.text).toBe('✅ participant Wiki as 📝 Confluence notes\n✅ participant C as 🏢 Client office');
    expect(result.guesses.map((g) => g.line)).toEqual([1, 2]);
  });
});

describe('repairEncoding properties', () => {
  const wellFormed = fc
    .string({ unit: 'binary', minLength: 1, maxLength: 40 })
    .filter((s) => !loneSurrogate.test(s) && !/\p{Cn}/u.test(s) && /[^\x00-\x7f]/.test(s));

  it('undoes a lossless mis-decoding exactly, without guesses (property)', () => {
    fc.assert(
      fc.property(wellFormed.filter(lossless), (s) => {
        const result = repairEncoding(misdecodeAsCp1252(s));
        expect(result.text).toBe(s);
        expect(result.guesses).toEqual([]);
        expect(result.changed).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('leaves text alone when it holds a character Windows-1252 cannot show (property)', () => {
    const foreign = fc.constantFrom('→', '👨‍💼', '✓', '漢', 'Ж', 'ā', '\u200d');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), foreign, fc.string({ unit: 'binary' }), (a, f, b) => {
        const text = a + f + b;
        expect(repairEncoding(text)).toEqual({ text, changed: false, guesses: [], warnings: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('leaves correct Western European text alone (property)', () => {
    const words = ['café', 'naïve', 'Größe', 'señor', 'São', 'Paulo', '«citation»', '“smart”', '–', '—', '10°C', '¿Qué?', '€5', '© 2024', 'Ærø', 'ÇA', 'déjà', 'vu', 'Ñandú', 'ÀÉÎÕÜ', 'plain', 'words', '½', '±3', '…'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }), fc.constantFrom(' ', '\n'), (ws, sep) => {
        const text = ws.join(sep);
        expect(looksMisdecoded(text)).toBe(false);
        expect(repairEncoding(text).text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('reports every line it could not restore exactly as a guess (property)', () => {
    const tokens = ['Manager', 'Team', ' ', ' ', '\n', '✅', '✓', '→', 'é', '👨‍💼', '👩‍💻', '⚙️', '🛠️', '📝', '🏢', '🎭', '👍', '🐍', '🏁', '“quote”', 'aquí', 'Ñ', 'с'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { minLength: 1, maxLength: 40 }), (parts) => {
        // Intact characters between the damaged ones, as in any real document.
        const original = `✅ → ${parts.join(' ✓ ')} ✅`;
        const damaged = misdecodeAsCp1252(original);
        expect([...damaged].every(inCp1252)).toBe(true);
        const result = repairEncoding(damaged);
        expect(looksMisdecoded(damaged)).toBe(true);
        const guessed = new Set(result.guesses.map((g) => g.line));
        for (const line of differingLines(result.text, original)) expect(guessed).toContain(line);
      }),
      { numRuns: 400 },
    );
  });
});

describe('emoji lexicon', () => {
  it('lists only emoji that a Windows-1252 mis-decoding can damage', () => {
    for (const emoji of emojiLexicon.keys()) {
      expect(/\p{Extended_Pictographic}/u.test(emoji)).toBe(true);
      expect(utf8Bytes(emoji).some((b) => droppedBytes.includes(b))).toBe(true);
    }
  });
});

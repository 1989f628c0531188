// Chooses the character for a sequence that lost a byte. Context settles two cases outright
// (a zero-width joiner between emoji, an emoji variation selector after a symbol); every other
// choice is a ranked guess: character class, script and case of the neighbours, and how
// well an emoji suits the words on its line.
import { emojiLexicon } from './emoji-lexicon';

export type GapContext = {
  /** Character just before the gap ('' at line start). */
  before: string;
  /** Character just after, or a representative of the gap that follows ('' at line end). */
  after: string;
  /** The repaired line up to the gap. */
  lineBefore: string;
  /** Lower-case words of the line, for matching emoji keywords. */
  words: ReadonlyArray<string>;
};

export type Choice = { chosen: string; alternatives: string[]; determined: boolean };

const ZWJ = '\u200d';
const VS16 = '\ufe0f';
const pictographic = /\p{Extended_Pictographic}/u;
const emojiChar = /\p{Emoji}/u;
const modifierBase = /\p{Emoji_Modifier_Base}/u;
const modifier = /\p{Emoji_Modifier}/u;
const emojiPresentation = /\p{Emoji_Presentation}/u;
const letter = /\p{L}/u;
const upper = /\p{Lu}/u;
const lower = /\p{Ll}/u;
const invisible = /[\p{Cf}\p{Cc}\p{Co}\p{M}\p{Zs}]|[\u{FE00}-\u{FE0F}]/u;
const commonPunctuation = new Set(['\u201d', '\u201c', '\u2019', '\u2018', '\u2013', '\u2014', '\u2026', '\u2022', '\u20ac', '\u2010']);
const scripts = ['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Thai', 'Devanagari'];
const scriptTests = scripts.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);

function scriptOf(ch: string): string | undefined {
  return scriptTests.find(([, re]) => re.test(ch))?.[0];
}

// Letters of the everyday alphabets rank above rare letters of the same block.
function isCommonLetter(cp: number): boolean {
  return (
    (cp >= 0xc0 && cp <= 0x17f && cp !== 0xd7 && cp !== 0xf7) ||
    (cp >= 0x391 && cp <= 0x3c9) ||
    (cp >= 0x410 && cp <= 0x44f) ||
    (cp >= 0x5d0 && cp <= 0x5ea) ||
    (cp >= 0x621 && cp <= 0x64a)
  );
}

function stem(word: string): string {
  return word.length > 4 ? word.replace(/(ing|ers|er|ed|es|s|e)$/, '') : word;
}

function keywordScore(candidate: string, words: ReadonlyArray<string>): number {
  const entry = emojiLexicon.get(candidate);
  if (!entry) return 0;
  const stems = new Set(words.map(stem));
  return entry.keywords.some((k) => stems.has(stem(k))) ? 4 : 0;
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

function plausibility(candidate: string, ctx: GapContext): number {
  const cp = candidate.codePointAt(0) as number;
  const entry = emojiLexicon.get(candidate);
  let score = 0;
  if (entry) score = 1 + entry.weight;
  else if (emojiPresentation.test(candidate)) score = 1.5;
  else if (pictographic.test(candidate)) score = 1;
  else if (letter.test(candidate)) score = isCommonLetter(cp) ? 3 : 1;
  else if (commonPunctuation.has(candidate)) score = 3;
  else if (invisible.test(candidate)) score = 0;
  else score = 0.5;

  const neighbours = [ctx.before, ctx.after].filter((c) => c !== '');
  const isEmoji = pictographic.test(candidate) || emojiPresentation.test(candidate);
  if (isEmoji) {
    score += keywordScore(candidate, ctx.words);
    if (neighbours.some((n) => letter.test(n))) score -= 1.5;
    if (modifier.test(candidate)) score += modifierBase.test(ctx.before) ? 5 : -3;
  }
  if (letter.test(candidate)) {
    const letterNeighbours = neighbours.filter((n) => letter.test(n));
    if (letterNeighbours.length > 0) score += 1;
    const script = scriptOf(candidate);
    if (script && letterNeighbours.some((n) => scriptOf(n) === script)) score += 1;
    if (upper.test(candidate) && letterNeighbours.some((n) => upper.test(n))) score += 0.5;
    if (lower.test(candidate) && letterNeighbours.some((n) => lower.test(n))) score += 0.5;
  }
  // A closing quote is likely when the line has an opening one still open.
  if (candidate === '\u201d' && count(ctx.lineBefore, '\u201c') > count(ctx.lineBefore, '\u201d')) score += 2;
  return score;
}

/** What the context settles without guessing, if anything. */
function determinedByContext(candidates: ReadonlyArray<string>, ctx: GapContext): string | undefined {
  if (candidates.length === 1) return candidates[0];
  if (candidates.includes(ZWJ) && pictographic.test(ctx.before) && pictographic.test(ctx.after)) return ZWJ;
  if (candidates.includes(ZWJ) && modifier.test(ctx.before) && pictographic.test(ctx.after)) return ZWJ;
  if (candidates.includes(VS16) && emojiChar.test(ctx.before) && !/[0-9#*]/.test(ctx.before)) return VS16;
  return undefined;
}

export function chooseCandidate(candidates: ReadonlyArray<string>, ctx: GapContext): Choice {
  const settled = determinedByContext(candidates, ctx);
  if (settled !== undefined) {
    return { chosen: settled, alternatives: candidates.filter((c) => c !== settled), determined: true };
  }
  const ranked = candidates
    .map((c) => ({ c, score: plausibility(c, ctx) }))
    .sort((a, b) => b.score - a.score || (a.c.codePointAt(0) as number) - (b.c.codePointAt(0) as number));
  const [best, ...rest] = ranked.map((r) => r.c);
  return { chosen: best as string, alternatives: rest, determined: false };
}

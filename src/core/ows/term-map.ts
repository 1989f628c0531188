// Term maps for white-labelling: the client's names for generic terms ("L1" → "Tier 1 Zendesk"),
// validated, then applied whole-word, longest term first, in one pass, adapting to capitalisation.
import { z } from 'zod';
import type { ErrorLocation } from '../shared/error-codes';
import { escapePointerSegment } from '../shared/json-pointer';
import { zodIssuesToLocations } from '../shared/zod-errors';

/** `{ "L1": "Tier 1 Zendesk" }`, or `[{ "from": "L1", "to": "Tier 1 Zendesk" }]` when order matters to the author. */
export const termMapInputSchema = z.union([
  z.record(z.string(), z.string()),
  z.array(z.strictObject({ from: z.string(), to: z.string() })).max(500),
]);
export type TermMapInput = z.infer<typeof termMapInputSchema>;

export const TERM_LIMITS = { maxEntries: 200, maxTermChars: 100, maxReplacementChars: 200 } as const;

export interface TermMapEntry {
  /** The generic term, trimmed. */
  from: string;
  /** The client's name for it. */
  to: string;
  /** Where the entry is in the input, as a JSON pointer. */
  pointer: string;
}

export interface TermMap {
  readonly entries: readonly TermMapEntry[];
  /** One alternation of every term, longest first. */
  readonly pattern: RegExp;
  /** Normalised term → entry, to tell which term a match is. */
  readonly byKey: ReadonlyMap<string, TermMapEntry>;
}

export type TermMapResult = { ok: true; map: TermMap } | { ok: false; errors: ErrorLocation[] };

export interface TermReplacement {
  /** Offset of the match in the input text. */
  index: number;
  matched: string;
  replacement: string;
  term: string;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/** Case and spacing do not distinguish terms: "Smart  router" is "Smart Router". */
export function normalizeTerm(term: string): string {
  return term.trim().replace(/\s+/g, ' ').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function termSource(term: string): string {
  const body = term
    .split(/\s+/)
    .map(escapeRegExp)
    .join('\\s+');
  const before = WORD_CHAR.test(term[0] ?? '') ? '(?<![\\p{L}\\p{M}\\p{N}_])' : '';
  const after = WORD_CHAR.test(term[term.length - 1] ?? '') ? '(?![\\p{L}\\p{M}\\p{N}_])' : '';
  return `${before}${body}${after}`;
}

function entriesOf(input: TermMapInput): Array<{ from: string; to: string; pointer: string; field: string }> {
  if (Array.isArray(input)) return input.map((e, i) => ({ from: e.from, to: e.to, pointer: `/${i}/from`, field: 'from' }));
  return Object.entries(input).map(([from, to]) => ({ from, to, pointer: `/${escapePointerSegment(from)}`, field: from }));
}

/** Every cycle among terms whose replacement is itself another term ("A" → "B", "B" → "A"). */
function findCycles(entries: readonly TermMapEntry[]): TermMapEntry[][] {
  const byKey = new Map(entries.map((e) => [normalizeTerm(e.from), e]));
  const next = (e: TermMapEntry): TermMapEntry | undefined => {
    const target = byKey.get(normalizeTerm(e.to));
    return target && target !== e ? target : undefined;
  };
  const cycles: TermMapEntry[][] = [];
  const settled = new Set<TermMapEntry>();
  for (const start of entries) {
    const path: TermMapEntry[] = [];
    let current: TermMapEntry | undefined = start;
    while (current && !settled.has(current) && !path.includes(current)) {
      path.push(current);
      current = next(current);
    }
    if (current && path.includes(current)) cycles.push(path.slice(path.indexOf(current)));
    for (const e of path) settled.add(e);
  }
  return cycles;
}

/** Validates a term map; every problem is reported with the JSON pointer of its entry. */
export function parseTermMap(input: unknown): TermMapResult {
  // Each shape is checked on its own so errors point into the entry, not at the whole union.
  const schema = Array.isArray(input) ? termMapInputSchema.options[1] : termMapInputSchema.options[0];
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodIssuesToLocations(parsed.error.issues) };
  const raw = entriesOf(parsed.data);
  const errors: ErrorLocation[] = [];
  if (raw.length > TERM_LIMITS.maxEntries) errors.push({ pointer: '', message: `The term map has ${raw.length} entries; at most ${TERM_LIMITS.maxEntries} are allowed` });
  const entries: TermMapEntry[] = [];
  const seen = new Map<string, { from: string; pointer: string }>();
  for (const e of raw) {
    const from = e.from.trim();
    const toPointer = e.pointer.endsWith('/from') ? e.pointer.replace(/\/from$/, '/to') : e.pointer;
    const problem = (pointer: string, message: string) => errors.push({ pointer, field: e.field, message });
    if (!from) {
      problem(e.pointer, 'The term is empty; give the word to replace');
      continue;
    }
    if (LINE_BREAK.test(from)) problem(e.pointer, `The term "${from}" contains a line break; terms are matched within a line`);
    if (from.length > TERM_LIMITS.maxTermChars) problem(e.pointer, `The term "${from.slice(0, 30)}…" is ${from.length} characters long; at most ${TERM_LIMITS.maxTermChars} are allowed`);
    if (!e.to.trim()) problem(toPointer, `The replacement for "${from}" is empty; removing words from diagrams is not supported`);
    if (LINE_BREAK.test(e.to)) problem(toPointer, `The replacement for "${from}" contains a line break; diagram labels and table cells need one line`);
    if (e.to.length > TERM_LIMITS.maxReplacementChars) problem(toPointer, `The replacement for "${from}" is ${e.to.length} characters long; at most ${TERM_LIMITS.maxReplacementChars} are allowed`);
    const key = normalizeTerm(from);
    const earlier = seen.get(key);
    if (earlier) {
      problem(e.pointer, `The term "${from}" repeats "${earlier.from}" (${earlier.pointer}); terms are matched ignoring case and spacing`);
      continue;
    }
    seen.set(key, { from, pointer: e.pointer });
    entries.push({ from, to: e.to.trim(), pointer: e.pointer });
  }
  for (const cycle of findCycles(entries)) {
    const chain = [...cycle, cycle[0] as TermMapEntry].map((e) => `"${e.from}"`).join(' → ');
    const first = cycle[0] as TermMapEntry;
    errors.push({ pointer: first.pointer, field: first.from, message: `${chain} is a cycle: each term is replaced by another term of the map, so it is unclear which name is the client's` });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, map: compileTermMap(entries) };
}

function compileTermMap(entries: readonly TermMapEntry[]): TermMap {
  const ordered = [...entries].sort((a, b) => normalizeTerm(b.from).length - normalizeTerm(a.from).length || a.from.localeCompare(b.from));
  // A map with no entries matches nothing: `(?!)` never matches.
  const source = ordered.length ? ordered.map((e) => termSource(e.from)).join('|') : '(?!)';
  return {
    entries,
    pattern: new RegExp(source, 'giu'),
    byKey: new Map(entries.map((e) => [normalizeTerm(e.from), e])),
  };
}

const hasCase = (c: string): boolean => c.toLowerCase() !== c.toUpperCase();

/**
 * The replacement in the capitalisation of the text it replaces. Replacements are usually
 * proper names ("Salesforce Case Queue"), so they are never lower-cased: a lower-case "queue"
 * becomes "Salesforce Case Queue". An ALL-CAPS match ("QUEUE") gives an all-caps replacement,
 * and a capitalised match of a lower-case term ("Agent" for "agent") capitalises the first letter.
 */
export function adaptCase(matched: string, term: string, replacement: string): string {
  if (matched === term) return replacement;
  const letters = [...matched].filter(hasCase);
  const termLetters = [...term].filter(hasCase);
  const allUpper = (chars: string[]) => chars.length > 0 && chars.every((c) => c === c.toUpperCase());
  if (letters.length >= 2 && allUpper(letters) && !allUpper(termLetters)) return replacement.toUpperCase();
  const first = letters[0];
  const termFirst = termLetters[0];
  if (first && termFirst && first === first.toUpperCase() && termFirst === termFirst.toLowerCase()) {
    // Only a leading letter is capitalised: "1st tier" stays as it is.
    const [lead = '', ...rest] = [...replacement];
    return hasCase(lead) ? lead.toUpperCase() + rest.join('') : replacement;
  }
  return replacement;
}

export interface ApplyOptions {
  /** Matches of this pattern are left untouched, e.g. entity codes. */
  protect?: RegExp;
  /** `[start, end)` offsets left untouched, e.g. code spans found by a Markdown lexer. */
  protectedRanges?: ReadonlyArray<readonly [number, number]>;
  /** Applied to each replacement before insertion, e.g. to escape characters the target syntax reserves. */
  escape?: (replacement: string) => string;
}

/** Replaces every whole-word occurrence of the map's terms in one pass: replaced text is never matched again. */
export function applyTermMap(text: string, map: TermMap, options: ApplyOptions = {}): { text: string; replacements: TermReplacement[] } {
  const protect = options.protect && (options.protect.global ? options.protect : new RegExp(options.protect.source, `${options.protect.flags}g`));
  const protectedRanges = [...(options.protectedRanges ?? []), ...(protect ? [...text.matchAll(protect)].map((m) => [m.index, m.index + m[0].length] as const) : [])];
  const replacements: TermReplacement[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(map.pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (protectedRanges.some(([a, b]) => start < b && end > a)) continue;
    const entry = map.byKey.get(normalizeTerm(m[0]));
    if (!entry) continue;
    const adapted = adaptCase(m[0], entry.from, entry.to);
    const replacement = options.escape ? options.escape(adapted) : adapted;
    replacements.push({ index: start, matched: m[0], replacement, term: entry.from });
    out += text.slice(last, start) + replacement;
    last = end;
  }
  return { text: out + text.slice(last), replacements };
}

// Display text of Mermaid labels, messages and notes: how Mermaid cleans it, and how long it
// looks on screen (the measure the diagram budget limits).
import type { SourceText } from './mermaid-ast';

const WRAP_PREFIX = /^:?(no)?wrap:/i;

/**
 * Mermaid trims display text and strips a `wrap:`/`nowrap:` prefix; the span follows the
 * cleaned text so a rewrite replaces exactly what is shown.
 */
export function cleanText(raw: string, offset: number): SourceText {
  let start = 0;
  let end = raw.length;
  while (start < end && /\s/.test(raw[start] as string)) start++;
  while (end > start && /\s/.test(raw[end - 1] as string)) end--;
  let wrap: boolean | undefined;
  const prefix = WRAP_PREFIX.exec(raw.slice(start, end));
  if (prefix) {
    wrap = prefix[1] === undefined;
    start += prefix[0].length;
    while (start < end && /\s/.test(raw[start] as string)) start++;
  }
  const text = raw.slice(start, end);
  const span = { start: offset + start, end: offset + end };
  return wrap === undefined ? { text, span } : { text, span, wrap };
}

const ENTITY = /#\w+;/g;
const LINE_BREAK = /<br\s*\/?>/gi;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Characters a reader sees: grapheme clusters (an emoji is one), an entity code such as
 * `#59;` is one, and a `<br>` line break counts as one, so splitting a message over lines
 * does not make it shorter.
 */
export function displayLength(text: string): number {
  const visible = text.replace(ENTITY, '\u0001').replace(LINE_BREAK, '\u0001');
  if (ONE_UNIT_PER_GRAPHEME.test(visible)) return visible.length;
  return segmentedLength(visible);
}

/**
 * Text in which every UTF-16 unit is a grapheme of its own: Latin up to the spacing modifiers
 * (combining marks start at U+0300) without CR (CR LF is one grapheme), general punctuation
 * before U+2028 and from U+2030 to U+205F, currency signs, letterlike symbols, arrows and
 * mathematical operators. None of these extends, prepends to or joins a neighbour, so the
 * segmenter would count one per unit; most labels are such text and skip the segmenter.
 */
const ONE_UNIT_PER_GRAPHEME = /^[\u0000-\u000c\u000e-\u02ff\u2010-\u2027\u2030-\u205f\u20a0-\u20c0\u2100-\u214f\u2190-\u22ff]*$/;

/** Grapheme clusters counted by the segmenter: emoji, combining marks, Hangul, CR LF. */
export function segmentedLength(visible: string): number {
  let count = 0;
  for (const _ of segmenter.segment(visible)) count++;
  return count;
}

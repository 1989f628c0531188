// Prepares Mermaid text for the lexer the way Mermaid itself does (front matter, directives,
// `%%` comment lines, `#name;` entity codes) while keeping every offset equal to the original's.

/** Offsets of line starts, for turning a character offset into a 1-based line number. */
export interface LineIndex {
  readonly starts: readonly number[];
}

export function buildLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return { starts };
}

export function lineOf(index: LineIndex, offset: number): number {
  const { starts } = index;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function columnOf(index: LineIndex, offset: number): number {
  const line = lineOf(index, offset);
  return offset - (index.starts[line - 1] ?? 0) + 1;
}

/** Replaces every UTF-16 unit of `[start, end)` except line breaks by a space; the length stays. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
}

// Mermaid strips a YAML front matter block at the very start of the text.
const FRONT_MATTER = /^-{3}\s*\n[\s\S]*?\n-{3}\s*\n/;
// `%%{init: …}%%` directives, possibly spanning several lines.
const DIRECTIVE = /%%\{[\s\S]*?(?:\}%%|$)/g;
// Whole-line `%%` comments (but not directives), removed before parsing.
const COMMENT_LINE = /^[^\S\n]*%%(?!\{)[^\n]+$/gm;
// `#quot;`, `#59;`: entity codes Mermaid shields from the lexer before parsing.
export const ENTITY_CODE = /#\w+;/g;

// A private-use character stands in for entity codes: it is a plain text character for
// every lexer rule, as Mermaid's own placeholder characters are.
const ENTITY_MASK = '\uE000';

/**
 * The text the lexer reads: same length and offsets as the original, with `\r` turned into
 * `\n`, front matter, directives and comment lines blanked, entity
 * codes masked, and the trailing newline Mermaid appends.
 */
export function prepareSource(text: string): string {
  // `\r\n` becomes `\n\n`: the lexer reads a run of line breaks as one, so nothing changes but the offsets stay put.
  const base = text.includes('\r') ? text.replace(/\r/g, '\n') : text;
  // Each step runs only when its marker occurs: most diagrams have no front matter, directive,
  // comment or entity, and preparing them is then a single copy.
  let prepared = base;
  const front = FRONT_MATTER.exec(base);
  if (front) prepared = blank(prepared, 0, front[0].length);
  // Directives are found in the text as it was before the front matter was blanked.
  if (base.includes('%%{')) {
    for (const m of base.matchAll(DIRECTIVE)) prepared = blank(prepared, m.index, m.index + m[0].length);
  }
  if (prepared.includes('%%')) prepared = prepared.replace(COMMENT_LINE, (line) => ' '.repeat(line.length));
  if (prepared.includes('#')) prepared = prepared.replace(ENTITY_CODE, (code) => ENTITY_MASK.repeat(code.length));
  return `${prepared}\n`;
}

/** Where the diagram starts: Mermaid detects the type by `sequenceDiagram` after leading whitespace. */
export function detectsSequenceDiagram(prepared: string): boolean {
  return /^\s*sequenceDiagram/.test(prepared);
}

// Turns author text into inert Markdown: no raw HTML, no links or images smuggled in, no stray
// headings or list markers, and table cells that cannot break their row.

// Most author text is plain words: each group of rewrites below runs only when a character it
// acts on occurs, which keeps rendering fast without changing a byte of the result.
// Whitespace that `replace(/\s+/g, ' ')` would change: any but a lone space. JavaScript's \s is
// spelt out because V8 scans an explicit class faster than `\s\s|[^\S ]`.
const SPACING =
  /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| [\t-\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const SPECIAL = /[\\&<[\]]/;
// The line-start escapes can only apply to text starting with one of these characters (the
// escapes of SPECIAL never produce one at the start).
const LINE_START = /^[#\-+*>\d_]/;

/** Escapes what Markdown or HTML would interpret inside a line of text. */
export function mdInline(text: string): string {
  let out = (SPACING.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
  if (SPECIAL.test(out)) {
    out = out
      .replace(/\\/g, '\\\\')
      .replace(/&(?=#?\w+;)/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/[[\]]/g, (c) => `\\${c}`);
  }
  if (LINE_START.test(out)) {
    out = out
      .replace(/^(#{1,6}|[-+*])(?=\s|$)/, '\\$1')
      .replace(/^>/, '\\>')
      .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
      .replace(/^([-*_])(?=(?:\s*[-*_]){2,}\s*$)/, '\\$1');
  }
  return out;
}

/** Text that may span paragraphs (separated by blank lines); each paragraph is made inline-safe. */
export function mdParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map(mdInline)
    .filter((p) => p.length > 0)
    .join('\n\n');
}

/** A table cell: inline-safe, with pipes escaped so the row keeps its columns. */
export function mdCell(text: string): string {
  return mdInline(text).replace(/\|/g, '\\|');
}

export function mdTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** "1 person-week", "2.5 person-weeks". */
export function personWeeks(n: number): string {
  return `${formatNumber(n)} person-week${n === 1 ? '' : 's'}`;
}

/** Up to two decimals, no trailing zeros, "." as decimal separator whatever the locale. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

// Turns author text into inert Markdown: no raw HTML, no links or images smuggled in, no stray
// headings or list markers, and table cells that cannot break their row.

/** Escapes what Markdown or HTML would interpret inside a line of text. */
export function mdInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\\/g, '\\\\')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/[[\]]/g, (c) => `\\${c}`)
    .replace(/^(#{1,6}|[-+*])(?=\s|$)/, '\\$1')
    .replace(/^>/, '\\>')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([-*_])(?=(?:\s*[-*_]){2,}\s*$)/, '\\$1');
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

// GitHub-flavoured Markdown building blocks for the advisor reports: tables whose cells cannot
// break the table (pipes escaped, newlines flattened) and bullet lists.
import { fmt } from '../format-number';

export type Cell = string | number | boolean | null;

/** Missing values show as an em dash, never as "null" or "undefined". */
export function cell(value: Cell): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return fmt(value);
  const text = value.replace(/\r?\n/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').trim();
  return text === '' ? '—' : text;
}

export function markdownTable(headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<Cell>>, align: ReadonlyArray<'left' | 'right' | 'center'> = []): string {
  const rule = headers.map((_, i) => (align[i] === 'right' ? '---:' : align[i] === 'center' ? ':---:' : '---'));
  const line = (cells: ReadonlyArray<string>): string => `| ${cells.join(' | ')} |`;
  return [line(headers.map(cell)), line(rule), ...rows.map((r) => line(headers.map((_, i) => cell(r[i] ?? null))))].join('\n');
}

export function bullets(lines: ReadonlyArray<string>): string {
  return lines.map((l) => `- ${l.replace(/\r?\n/g, ' ').trim()}`).join('\n');
}

/** Sections joined by blank lines, ending in one newline. */
export function document(...sections: ReadonlyArray<string | null>): string {
  return sections.filter((s): s is string => s !== null && s !== '').join('\n\n') + '\n';
}

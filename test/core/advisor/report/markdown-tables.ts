// Test helper: the tables of a Markdown document as parsed by marked (GFM), cell text only.
import { marked, type Tokens } from 'marked';

export function tablesOf(markdown: string): Array<{ header: string[]; rows: string[][] }> {
  return marked
    .lexer(markdown)
    .filter((t): t is Tokens.Table => t.type === 'table')
    .map((t) => ({ header: t.header.map((c) => c.text), rows: t.rows.map((r) => r.map((c) => c.text)) }));
}

export function headingsOf(markdown: string): string[] {
  return marked
    .lexer(markdown)
    .filter((t): t is Tokens.Heading => t.type === 'heading')
    .map((t) => t.text);
}

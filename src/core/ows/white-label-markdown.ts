// White-labelling Markdown (articles, checklists): the term map applies to prose only. Code, HTML,
// link targets and images stay as written; Mermaid fences go through the diagram white-labeller.
import { Lexer, type Token, type Tokens } from 'marked';
import type { DiagramBudget } from './diagram-budget';
import { buildLineIndex, lineOf } from './mermaid-source';
import { applyTermMap, type TermMap } from './term-map';
import { whiteLabelMermaid, type WhiteLabelMermaidResult } from './white-label-mermaid';

export interface WhiteLabelTextResult {
  text: string;
  /** Replacements made in prose (diagram substitutions are counted in `diagrams`). */
  substitutions: number;
  /** Each Mermaid fence, by the line of its opening fence, with its diagram report. */
  diagrams: Array<{ line: number; result: WhiteLabelMermaidResult }>;
  warnings: Array<{ line: number; message: string }>;
}

type Range = readonly [number, number];

// `&amp;`, `&#35;`: a term must not be found inside an HTML entity.
const HTML_ENTITY = /&(?:#\d+|#x[0-9a-f]+|\w+);/gi;

const isMermaid = (token: Tokens.Code): boolean => (token.lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() === 'mermaid';

function childrenOf(token: Token): Token[] {
  if (token.type === 'list') return (token as Tokens.List).items;
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    return [...table.header, ...table.rows.flat()].flatMap((cell) => cell.tokens);
  }
  return 'tokens' in token && Array.isArray(token.tokens) ? token.tokens : [];
}

/** Finds the source ranges of nested tokens, whose raw text may have lost list or quote indentation. */
class Locator {
  constructor(
    private readonly source: string,
    private cursor: number,
    private readonly limit: number,
  ) {}

  /** Ranges covering `raw` (line by line when it is not verbatim in the source), or undefined. */
  locate(raw: string): Range[] | undefined {
    const whole = this.source.indexOf(raw, this.cursor);
    if (whole >= 0 && whole + raw.length <= this.limit) {
      this.cursor = whole + raw.length;
      return [[whole, whole + raw.length]];
    }
    const ranges: Range[] = [];
    let cursor = this.cursor;
    for (const line of raw.split('\n')) {
      if (!line.trim()) continue;
      const at = this.source.indexOf(line.trim(), cursor);
      if (at < 0 || at + line.trim().length > this.limit) return undefined;
      ranges.push([at, at + line.trim().length]);
      cursor = at + line.trim().length;
    }
    this.cursor = cursor;
    return ranges;
  }
}

interface Collected {
  protectedRanges: Range[];
  diagrams: Array<{ start: number; end: number; line: number; result: WhiteLabelMermaidResult }>;
  warnings: Array<{ line: number; message: string }>;
}

function collect(source: string, tokens: readonly Token[], map: TermMap, budget: Partial<DiagramBudget>): Collected {
  const lines = buildLineIndex(source);
  const out: Collected = { protectedRanges: [], diagrams: [], warnings: [] };
  let offset = 0;
  for (const top of tokens) {
    const start = offset;
    const end = start + top.raw.length;
    offset = end;
    if (top.type === 'code') {
      out.protectedRanges.push([start, end]);
      const code = top as Tokens.Code;
      if (!isMermaid(code)) continue;
      const at = top.raw.indexOf(code.text);
      if (at < 0 || !code.text) continue;
      const result = whiteLabelMermaid(code.text, map, budget);
      out.diagrams.push({ start: start + at, end: start + at + code.text.length, line: lineOf(lines, start), result });
      continue;
    }
    if (top.type === 'html' || top.type === 'def') {
      out.protectedRanges.push([start, end]);
      continue;
    }
    const locator = new Locator(source, start, end);
    const visit = (token: Token): void => {
      switch (token.type) {
        case 'code': {
          const ranges = locator.locate(token.raw);
          if (ranges) out.protectedRanges.push(...ranges);
          const line = lineOf(lines, ranges?.[0]?.[0] ?? start);
          if (isMermaid(token as Tokens.Code)) out.warnings.push({ line, message: 'A Mermaid diagram inside a list or quote is left as it is; move it to the top level to white-label it' });
          else if (!ranges) out.warnings.push({ line, message: 'A code block inside a list or quote could not be located; it may have been white-labelled' });
          return;
        }
        case 'codespan':
        case 'html':
        case 'image': {
          const ranges = locator.locate(token.raw);
          if (ranges) out.protectedRanges.push(...ranges);
          return;
        }
        case 'link': {
          const ranges = locator.locate(token.raw);
          if (!ranges) return;
          const link = token as Tokens.Link;
          // `[text](target)` and `[text][ref]`: only the text is prose; autolinks are all target.
          const split = Math.max(link.raw.lastIndexOf(']('), link.raw.lastIndexOf(']['));
          const first = ranges[0] as Range;
          if (link.raw.startsWith('[') && split > 0 && ranges.length === 1) out.protectedRanges.push([first[0] + split, first[1]]);
          else if (!link.raw.startsWith('[')) out.protectedRanges.push(...ranges);
          return;
        }
        default:
          for (const child of childrenOf(token)) visit(child);
      }
    };
    visit(top);
  }
  return out;
}

/** Applies the term map to Markdown prose and to every top-level Mermaid fence. */
export function whiteLabelText(markdown: string, map: TermMap, budget: Partial<DiagramBudget> = {}): WhiteLabelTextResult {
  const crlf = markdown.includes('\r\n');
  const source = markdown.replace(/\r\n?/g, '\n');
  const tokens = Lexer.lex(source, { gfm: true });
  if (tokens.map((t) => t.raw).join('') !== source) {
    // The lexer normalised something (tabs, odd line breaks); offsets cannot be trusted, so
    // only fences found by their markers are protected.
    const fences = [...source.matchAll(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm)].map((m) => [m.index, m.index + m[0].length] as const);
    const plain = applyTermMap(source, map, { protectedRanges: fences, protect: HTML_ENTITY });
    return { text: restore(plain.text, crlf), substitutions: plain.replacements.length, diagrams: [], warnings: [{ line: 1, message: 'The Markdown could not be mapped exactly; code fences were left as they are' }] };
  }
  const collected = collect(source, tokens, map, budget);
  const prose = applyTermMap(source, map, { protectedRanges: collected.protectedRanges, protect: HTML_ENTITY });
  const edits = [
    ...prose.replacements.map((r) => ({ start: r.index, end: r.index + r.matched.length, text: r.replacement })),
    ...collected.diagrams.map((d) => ({ start: d.start, end: d.end, text: d.result.text })),
  ].sort((a, b) => a.start - b.start);
  let text = '';
  let last = 0;
  for (const e of edits) {
    text += source.slice(last, e.start) + e.text;
    last = e.end;
  }
  text += source.slice(last);
  return {
    text: restore(text, crlf),
    substitutions: prose.replacements.length,
    diagrams: collected.diagrams.map(({ line, result }) => ({ line, result })),
    warnings: collected.warnings,
  };
}

function restore(text: string, crlf: boolean): string {
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

// White-labelling a Mermaid sequence diagram: the client's names replace generic terms in what
// the diagram shows (labels, messages, notes, block labels, titles), never in participant ids,
// so the diagram still parses the same way; then the budget is checked again.
import { lintMermaid, withinBudget, type BudgetViolation, type DiagramBudget, type LintResult } from './diagram-budget';
import type { MermaidStatement, SourceSpan, SourceText } from './mermaid-ast';
import { parseMermaidSequence } from './mermaid-parser';
import { buildLineIndex, ENTITY_CODE, lineOf } from './mermaid-source';
import { displayLength } from './mermaid-text';
import { walkStatements } from './mermaid-walk';
import { applyTermMap, type TermMap } from './term-map';

/**
 * Participant labels longer than this widen their box; with 7 actors the diagram then no
 * longer fits one screen. Reported as a warning: the budget itself does not limit labels.
 */
export const MAX_LABEL_CHARS = 24;

export type WhiteLabelField = 'participant-label' | 'message' | 'note' | 'block-label' | 'box-title' | 'title' | 'accessibility';

export interface WhiteLabelSubstitution {
  /** Line in the original text. */
  line: number;
  field: WhiteLabelField;
  before: string;
  after: string;
}

export interface LongLabel {
  id: string;
  label: string;
  chars: number;
  limit: number;
  /** Line in the white-labelled text where the participant first appears. */
  line: number;
}

export interface WhiteLabelMermaidResult {
  /** The white-labelled diagram; the original text when it could not be parsed. */
  text: string;
  parseError?: { line: number; message: string; expected: string };
  substitutions: WhiteLabelSubstitution[];
  /** The budget check of the white-labelled text. */
  budget: LintResult;
  withinBudget: boolean;
  /** Budget violations the substitution caused (absent from the original). */
  introducedViolations: BudgetViolation[];
  longLabels: LongLabel[];
  /** Labels that could not be changed, with the reason. */
  warnings: Array<{ line: number; message: string }>;
}

// `#` starts a comment and `;` ends a statement in Mermaid text: write them as entity codes.
const escapeMermaid = (s: string): string => s.replace(/[#;]/g, (c) => (c === '#' ? '#35;' : '#59;'));
// Accessibility text runs to the end of the line (or `}`), where `#` and `;` are plain.
const escapeAccessibility = (s: string): string => s.replace(/\}/g, '#125;');

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Names that cannot be written back as `participant NAME` and still mean the same participant. */
const undeclarable = (id: string): boolean => /#|\s+as\s/i.test(id);

class DiagramRewriter {
  readonly edits: Edit[] = [];
  readonly substitutions: WhiteLabelSubstitution[] = [];
  readonly warnings: Array<{ line: number; message: string }> = [];
  private readonly aliased = new Set<string>();
  private readonly known = new Set<string>();

  constructor(
    private readonly source: string,
    private readonly map: TermMap,
  ) {}

  private substitute(text: string, escape: (s: string) => string): string {
    return applyTermMap(text, this.map, { protect: ENTITY_CODE, escape }).text;
  }

  private rewrite(target: SourceText, line: number, field: WhiteLabelField, escape = escapeMermaid): void {
    const after = this.substitute(target.text, escape);
    if (after === target.text) return;
    this.edits.push({ start: target.span.start, end: target.span.end, text: after });
    this.substitutions.push({ line, field, before: target.text, after });
  }

  /** The label an id would get, or undefined when the map leaves it alone. */
  private relabel(id: string): string | undefined {
    const label = this.substitute(id, escapeMermaid);
    return label === id ? undefined : label;
  }

  /** Declares, right before `statement`, the participants it mentions first, so they can carry a label. */
  private declareImplied(statement: MermaidStatement & { span: SourceSpan }, ids: readonly string[]): void {
    const fresh = ids.filter((id, i) => !this.known.has(id) && ids.indexOf(id) === i);
    for (const id of ids) this.known.add(id);
    const labels = fresh.map((id) => this.relabel(id));
    const lastLabelled = labels.reduce((last, label, i) => (label === undefined ? last : i), -1);
    if (lastLabelled < 0) return;
    const declarations: string[] = [];
    for (let i = 0; i <= lastLabelled; i++) {
      const id = fresh[i] as string;
      const label = labels[i];
      if (undeclarable(id)) {
        if (label !== undefined) this.warnings.push({ line: statement.line, message: `"${id}" cannot be declared with a label: its name contains "#" or " as "` });
        continue;
      }
      declarations.push(label === undefined ? `participant ${id}` : `participant ${id} as ${label}`);
      if (label !== undefined) this.substitutions.push({ line: statement.line, field: 'participant-label', before: id, after: label });
    }
    if (declarations.length === 0) return;
    const lineStart = this.source.lastIndexOf('\n', statement.span.start - 1) + 1;
    const before = this.source.slice(lineStart, statement.span.start);
    const eol = this.source.includes('\r\n') ? '\r\n' : '\n';
    const text = /^\s*$/.test(before) ? declarations.map((d) => `${d}${eol}${before}`).join('') : declarations.map((d) => `${d}; `).join('');
    this.edits.push({ start: statement.span.start, end: statement.span.start, text });
  }

  visit(statement: MermaidStatement): void {
    switch (statement.kind) {
      case 'participant': {
        this.known.add(statement.id);
        if (statement.alias) {
          this.aliased.add(statement.id);
          this.rewrite(statement.alias, statement.line, 'participant-label');
          return;
        }
        if (this.aliased.has(statement.id)) return;
        const label = this.relabel(statement.id);
        if (label === undefined) return;
        if (statement.config) {
          this.warnings.push({ line: statement.line, message: `"${statement.id}" is declared with @{ … } metadata, which cannot take an \`as\` label; rename it by hand` });
          return;
        }
        this.aliased.add(statement.id);
        this.edits.push({ start: statement.idSpan.end, end: statement.idSpan.end, text: ` as ${label}` });
        this.substitutions.push({ line: statement.line, field: 'participant-label', before: statement.id, after: label });
        return;
      }
      case 'message':
        this.declareImplied(statement, [statement.from, statement.to]);
        this.rewrite(statement.text, statement.line, 'message');
        return;
      case 'note':
        this.declareImplied(statement, statement.actors);
        this.rewrite(statement.text, statement.line, 'note');
        return;
      case 'actorMenu':
        this.declareImplied(statement, [statement.actor]);
        return;
      case 'title':
        this.rewrite(statement.text, statement.line, 'title');
        return;
      case 'accTitle':
      case 'accDescr':
        this.rewrite(statement.text, statement.line, 'accessibility', escapeAccessibility);
        return;
      case 'block':
        if (statement.type === 'rect') return;
        for (const section of statement.sections) this.rewrite(section.label, section.line, 'block-label');
        return;
      case 'box':
        if (statement.title) this.rewrite(statement.title, statement.line, 'box-title');
        return;
      default:
        return;
    }
  }
}

function applyEdits(source: string, edits: readonly Edit[]): string {
  const ordered = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let last = 0;
  for (const e of ordered) {
    out += source.slice(last, e.start) + e.text;
    last = e.end;
  }
  return out + source.slice(last);
}

/** Maps a line of the original text to its line after the edits' inserted line breaks. */
function lineShifter(source: string, edits: readonly Edit[]): (line: number) => number {
  const index = buildLineIndex(source);
  const added = edits.map((e) => ({ line: lineOf(index, e.start), breaks: (e.text.match(/\n/g) ?? []).length - (source.slice(e.start, e.end).match(/\n/g) ?? []).length }));
  return (line) => line + added.filter((a) => a.line <= line).reduce((sum, a) => sum + a.breaks, 0);
}

/** Applies the term map to what a Mermaid sequence diagram displays and re-checks the budget. */
export function whiteLabelMermaid(text: string, map: TermMap, budget: Partial<DiagramBudget> = {}): WhiteLabelMermaidResult {
  const parsed = parseMermaidSequence(text);
  if (!parsed.ok) {
    const { line, message, expected } = parsed.error;
    const lint = lintMermaid(text, budget);
    return { text, parseError: { line, message, expected }, substitutions: [], budget: lint, withinBudget: false, introducedViolations: [], longLabels: [], warnings: [] };
  }
  const rewriter = new DiagramRewriter(text, map);
  walkStatements(parsed.diagram.statements, (s) => rewriter.visit(s));
  const output = applyEdits(text, rewriter.edits);
  const before = lintMermaid(text, budget);
  const after = lintMermaid(output, budget);
  const shift = lineShifter(text, rewriter.edits);
  const introducedViolations = after.violations.filter((v) => !before.violations.some((b) => b.rule === v.rule && shift(b.line) === v.line));
  const reparsed = parseMermaidSequence(output);
  const longLabels: LongLabel[] = reparsed.ok
    ? reparsed.diagram.participants
        .map((p) => ({ id: p.id, label: p.label, chars: displayLength(p.label), limit: MAX_LABEL_CHARS, line: p.firstLine }))
        .filter((p) => p.chars > MAX_LABEL_CHARS)
    : [];
  return {
    text: output,
    substitutions: rewriter.substitutions.sort((a, b) => a.line - b.line),
    budget: after,
    withinBudget: withinBudget(after),
    introducedViolations,
    longLabels,
    warnings: rewriter.warnings,
  };
}

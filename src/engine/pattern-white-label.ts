// A pattern white-labelled: the client's names in both diagrams, the article and the checklist (Markdown,
// Jira CSV), the budget re-checked per diagram, over-long labels reported (core/ows/white-label's tools).
import { stringify } from 'csv-stringify/sync';
import { JIRA_CSV_COLUMNS, type ChecklistExport } from '../core/ows/checklist';
import type { BudgetCounts, BudgetViolation } from '../core/ows/diagram-budget';
import { effectiveBudget } from '../core/ows/diagram-lint';
import type { DiagramKind } from '../core/ows/mermaid-generator';
import type { Pattern } from '../core/ows/schema';
import { AppError } from '../core/shared/error-codes';
import { requireTermMap, whiteLabelMermaid, whiteLabelPlain, whiteLabelText, type LongLabel, type TermMap } from '../core/ows/white-label';
import type { RenderedVersion } from './pattern-render';

export interface WhiteLabelDiagram {
  kind: DiagramKind;
  text: string;
  withinBudget: boolean;
  counts: BudgetCounts;
  violations: BudgetViolation[];
  introducedViolations: BudgetViolation[];
  parseError?: { line: number; message: string; expected: string };
  longLabels: LongLabel[];
  substitutions: number;
  warnings: Array<{ line: number; message: string }>;
}

export interface WhiteLabelBundle {
  slug: string;
  version: number;
  terms: Array<{ from: string; to: string }>;
  withinBudget: boolean;
  diagrams: WhiteLabelDiagram[];
  article: { markdown: string; substitutions: number; warnings: Array<{ line: number; message: string }> };
  checklist: { markdown: string; csv: string; substitutions: number };
}

export interface WhiteLabelSource {
  pattern: Pattern;
  version: number;
  diagrams: ReadonlyArray<{ kind: DiagramKind; text: string }>;
  article: string;
  checklistMarkdown: string;
  checklist: ChecklistExport;
}

/** Validates the term map; errors point into the request body (`/terms/L1`). */
export function termMapFromBody(terms: unknown): TermMap {
  try {
    return requireTermMap(terms);
  } catch (err) {
    if (err instanceof AppError) {
      const errors = err.errors.map((e) => (e.pointer !== undefined ? { ...e, pointer: `/terms${e.pointer}` } : e));
      throw new AppError(err.code, err.message, errors);
    }
    throw err;
  }
}

/** The Jira CSV of the white-labelled checklist: the same columns and safety as the original export. */
function checklistCsv(checklist: ChecklistExport, map: TermMap): string {
  const plain = (text: string) => whiteLabelPlain(text, map).text;
  const rows = checklist.items.map((item) => [plain(item.summary), plain(item.description), item.issueType, item.labels.join(' '), item.priority]);
  return stringify(rows, { header: true, columns: [...JIRA_CSV_COLUMNS], escape_formulas: true });
}

export function whiteLabelBundle(source: WhiteLabelSource, map: TermMap): WhiteLabelBundle {
  const budget = effectiveBudget(source.pattern);
  const diagrams = source.diagrams.map(({ kind, text }): WhiteLabelDiagram => {
    const result = whiteLabelMermaid(text, map, budget);
    return {
      kind,
      text: result.text,
      withinBudget: result.withinBudget,
      counts: result.budget.counts,
      violations: result.budget.violations,
      introducedViolations: result.introducedViolations,
      ...(result.parseError ? { parseError: result.parseError } : {}),
      longLabels: result.longLabels,
      substitutions: result.substitutions.length,
      warnings: result.warnings,
    };
  });
  const article = whiteLabelText(source.article, map, budget);
  const checklistMd = whiteLabelText(source.checklistMarkdown, map, budget);
  return {
    slug: source.pattern.library.slug,
    version: source.version,
    terms: map.entries.map((e) => ({ from: e.from, to: e.to })),
    withinBudget: diagrams.every((d) => d.withinBudget),
    diagrams,
    article: { markdown: article.text, substitutions: article.substitutions + article.diagrams.reduce((n, d) => n + d.result.substitutions.length, 0), warnings: article.warnings },
    // The CSV carries the same items as the Markdown, so the Markdown's count stands for both.
    checklist: { markdown: checklistMd.text, csv: checklistCsv(source.checklist, map), substitutions: checklistMd.substitutions },
  };
}

/** The bundle of a stored version: its generated diagrams, its article and checklist at `baseUrl`. */
export function whiteLabelVersion(rendered: RenderedVersion, map: TermMap, baseUrl: string): WhiteLabelBundle {
  return whiteLabelBundle(
    {
      pattern: rendered.pattern,
      version: rendered.record.version,
      diagrams: rendered.gates.diagrams.map((d) => ({ kind: d.kind, text: d.text })),
      article: rendered.article(baseUrl),
      checklistMarkdown: rendered.checklist('md', baseUrl),
      checklist: rendered.checklist('json', baseUrl),
    },
    map,
  );
}

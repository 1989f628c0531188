// What the library serves of one stored version (gates, scorecard, diagrams, sections, artifacts):
// versions never change and generators are deterministic, so each is computed once and cached.
import { ARTICLE_HEADINGS, articleSections, generateArticle } from '../core/ows/article';
import { checklistCsv, checklistJson, checklistMarkdown, type ChecklistExport } from '../core/ows/checklist';
import type { BudgetCounts, BudgetViolation } from '../core/ows/diagram-budget';
import { withinBudget } from '../core/ows/diagram-budget';
import { diagramSizeScorecard, type LintedDiagram } from '../core/ows/diagram-lint';
import type { HqoScorecard } from '../core/ows/hqo-scorecard';
import type { DiagramKind } from '../core/ows/mermaid-generator';
import type { DiagramSizeScorecard } from '../core/ows/ows-document';
import { evaluateGates, type GateFailure } from '../core/ows/quality-gates';
import type { Pattern } from '../core/ows/schema';
import { buildSow, sowCsv, sowMarkdown, type Sow, type SowOptionsInput } from '../core/ows/sow';
import type { PatternVersionRecord } from '../store/pattern-versions-repo';

export interface DiagramReport {
  kind: DiagramKind;
  text: string;
  counts: BudgetCounts;
  violations: BudgetViolation[];
  parseError?: { line: number; message: string; expected: string };
  withinBudget: boolean;
}

export interface GateSummary {
  passed: boolean;
  failures: GateFailure[];
  diagrams: DiagramReport[];
}

export function diagramReports(diagrams: ReadonlyArray<LintedDiagram>): DiagramReport[] {
  return diagrams.map(({ diagram, lint }) => ({
    kind: diagram.kind,
    text: diagram.text,
    counts: lint.counts,
    violations: lint.violations,
    ...(lint.parseError ? { parseError: lint.parseError } : {}),
    withinBudget: withinBudget(lint),
  }));
}

export type ChecklistFormat = 'md' | 'csv' | 'json';

/** One stored version, rendered lazily: every getter computes at most once. */
export class RenderedVersion {
  /** The document as the schema orders it (the store's jsonb reorders object keys). */
  readonly pattern: Pattern;
  readonly gates: GateSummary;
  readonly scorecard: HqoScorecard;
  private readonly linted: [LintedDiagram, LintedDiagram];
  private readonly memo = new Map<string, unknown>();

  constructor(readonly record: PatternVersionRecord) {
    const report = evaluateGates(record.document);
    // A stored version passed the schema when it was published; the gates may have changed since,
    // which the gate summary reports, but the document itself is always readable.
    if (!report.pattern || !report.scorecard || !report.diagrams) {
      throw new Error(`stored pattern ${record.slug} version ${record.version} no longer matches the pattern schema: ${report.failures.map((f) => `${f.pointer ?? ''} ${f.message}`).join('; ')}`);
    }
    const [asIs, orchestrated] = report.diagrams;
    if (!asIs || !orchestrated) throw new Error(`pattern ${record.slug} version ${record.version}: the gates produced no diagrams`);
    this.pattern = report.pattern;
    this.scorecard = report.scorecard;
    this.linted = [asIs, orchestrated];
    this.gates = { passed: report.passed, failures: report.failures, diagrams: diagramReports(report.diagrams) };
  }

  private once<T>(key: string, make: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = make();
    // Per-origin artifacts are few in practice; a flood of Host headers must not grow this without bound.
    if (this.memo.size > 64) this.memo.clear();
    this.memo.set(key, value);
    return value;
  }

  diagram(kind: DiagramKind): string {
    const found = this.linted.find((d) => d.diagram.kind === kind);
    if (!found) throw new Error(`no ${kind} diagram was generated for ${this.record.slug}`);
    return found.diagram.text;
  }

  sections(): Array<{ heading: string; markdown: string }> {
    return this.once('sections', () => {
      const bodies = articleSections(this.pattern, this.linted, this.scorecard);
      return ARTICLE_HEADINGS.map((heading) => ({ heading, markdown: bodies[heading] }));
    });
  }

  scorecardFile(): HqoScorecard & { diagramSize: DiagramSizeScorecard } {
    return this.once('scorecard.json', () => ({ ...this.scorecard, diagramSize: diagramSizeScorecard(this.pattern) }));
  }

  article(baseUrl: string): string {
    return this.once(`article ${baseUrl}`, () => generateArticle(this.pattern, { baseUrl }));
  }

  /** A statement of work at the given rates (not cached: the rates vary); errors name each bad field. */
  sow(input: unknown): { sow: Sow; markdown: string; csv: string } {
    const sow = buildSow(this.pattern, (input ?? {}) as SowOptionsInput);
    return { sow, markdown: sowMarkdown(sow), csv: sowCsv(sow) };
  }

  checklist(format: 'json', baseUrl: string): ChecklistExport;
  checklist(format: 'md' | 'csv', baseUrl: string): string;
  checklist(format: ChecklistFormat, baseUrl: string): string | ChecklistExport {
    return this.once(`checklist.${format} ${baseUrl}`, () => {
      if (format === 'json') return checklistJson(this.pattern, { baseUrl });
      return format === 'md' ? checklistMarkdown(this.pattern, { baseUrl }) : checklistCsv(this.pattern, { baseUrl });
    });
  }
}

/** Least-recently-used cache of rendered versions, keyed by slug and version. */
export class RenderCache {
  private readonly entries = new Map<string, RenderedVersion>();

  constructor(private readonly capacity = 128) {}

  get(record: PatternVersionRecord): RenderedVersion {
    const key = `${record.slug}@${record.version}`;
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
    } else {
      entry = new RenderedVersion(record);
      if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(key, entry);
    return entry;
  }
}

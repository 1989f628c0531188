// The pattern library: publication behind the gates (versions, audit, `pattern.published`), validation
// without writes, search, pattern pages and artifacts, references for "most referenced", the catalog.
import type { ChecklistExport } from '../core/ows/checklist';
import type { DiagramKind } from '../core/ows/mermaid-generator';
import { evaluateGates, type GateFailure } from '../core/ows/quality-gates';
import type { Pattern } from '../core/ows/schema';
import type { Sow } from '../core/ows/sow';
import { AppError } from '../core/shared/error-codes';
import type { Db } from '../store/db';
import type { StoredEvent } from '../store/events-repo';
import { findReferences, incrementReference, listReferences, totalReferences, type ReferenceCounts, type ReferenceKind } from '../store/pattern-references-repo';
import {
  findPatternVersion,
  insertPatternVersion,
  listLatestPatternVersions,
  listPatternVersions,
  lockPatternSlug,
  type PatternVersionInfo,
  type PatternVersionRecord,
} from '../store/pattern-versions-repo';
import { commitChange } from './change';
import type { Clock } from './clock';
import type { EventBus, Subscription } from './event-bus';
import { CATALOG_DIR, loadCatalogFiles, type CatalogReport } from './pattern-catalog';
import { LibraryIndex, splitFacets, type LibrarySearchResult } from './pattern-index';
import { patternValueFromText, publicationError, sameDocument } from './pattern-publish';
import { diagramReports, RenderCache, type ChecklistFormat, type DiagramReport, type GateSummary, type RenderedVersion } from './pattern-render';
import { termMapFromBody, whiteLabelVersion, type WhiteLabelBundle } from './pattern-white-label';
import type { Principal } from './token-service';

export interface PublishOutcome {
  /** `unchanged`: the latest version already holds this document, so nothing was written. */
  status: 'published' | 'unchanged';
  record: PatternVersionInfo;
  totalScore: number;
  maxScore: number;
}

export interface ValidationOutcome {
  passed: boolean;
  failures: GateFailure[];
  scorecard?: RenderedVersion['scorecard'];
  diagrams?: DiagramReport[];
}

export interface References extends ReferenceCounts {
  baseline: number;
  total: number;
}

export type { CatalogReport };

export interface PatternDetail {
  record: PatternVersionInfo;
  latestVersion: number;
  pattern: Pattern;
  sections: Array<{ heading: string; markdown: string }>;
  scorecard: RenderedVersion['scorecard'];
  gates: GateSummary;
  references: References;
  versions: PatternVersionInfo[];
}

export const REFERENCE_TOPICS: Record<ReferenceKind, string> = {
  view: 'pattern.detail.viewed',
  article: 'article.downloaded',
  checklist: 'checklist.downloaded',
};

function actorName(actor: Principal | 'system'): string {
  return actor === 'system' ? 'system' : actor.name;
}

export class PatternService {
  private readonly renders = new RenderCache();
  private readonly index: LibraryIndex;
  private subscription: Subscription | undefined;
  private catalogLoad: Promise<void> = Promise.resolve();
  private catalogError: Error | undefined;
  /** Set by `stop`: a catalog load in progress ends after the current file. */
  private stopping = false;
  /** What the last catalog load did; the server logs the skipped files. */
  lastCatalogReport: CatalogReport | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly onEvents: () => void = () => undefined,
  ) {
    this.index = new LibraryIndex({
      load: async () => {
        const [records, refs] = await Promise.all([listLatestPatternVersions(this.db), listReferences(this.db)]);
        return { records, references: new Map([...refs].map(([slug, c]) => [slug, totalReferences(c)])) };
      },
    });
  }

  /**
   * Follows publications and references made by other processes, and loads the catalog in the
   * background so the server answers health checks at once; library reads wait for the load.
   */
  start(bus: EventBus, catalogDir: string = CATALOG_DIR): Promise<void> {
    this.subscription = bus.subscribe(['pattern.published', ...Object.values(REFERENCE_TOPICS)], (e) => this.onEvent(e));
    this.stopping = false;
    this.catalogLoad = this.loadCatalog(catalogDir).then(
      () => undefined,
      (err: unknown) => {
        // The store went away (shutdown) or a file could not be read: the library serves what it has.
        this.catalogError = err instanceof Error ? err : new Error(String(err));
      },
    );
    return Promise.resolve();
  }

  /** Resolves once the catalog load started by `start` is over (at once when none was started). */
  async catalogLoaded(): Promise<CatalogReport | undefined> {
    await this.catalogLoad;
    if (this.catalogError) throw this.catalogError;
    return this.lastCatalogReport;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.subscription?.close();
    this.subscription = undefined;
    await this.catalogLoad;
  }

  private onEvent(e: StoredEvent): void {
    const slug = typeof e.payload.slug === 'string' ? e.payload.slug : undefined;
    if (slug === undefined) return;
    if (e.topic === 'pattern.published') {
      const version = Number(e.payload.version);
      if (!this.index.built || (this.index.versionOf(slug) ?? 0) >= version) return;
      void Promise.all([findPatternVersion(this.db, slug, version), findReferences(this.db, slug)])
        .then(([record, refs]) => record && this.index.upsert(record, totalReferences(refs)))
        .catch(() => undefined); // the store is closing; a restart rebuilds the index anyway
      return;
    }
    const recorded = Number(e.payload.recorded);
    if (Number.isFinite(recorded)) this.index.references(slug, recorded);
  }

  /**
   * Publishes every catalog file whose slug is not stored yet (on first start, all of them), as
   * the system; files that are invalid or fail a gate are skipped and reported with their failures.
   */
  async loadCatalog(dir: string = CATALOG_DIR): Promise<CatalogReport> {
    const report = await loadCatalogFiles(this.db, dir, (value) => this.publish(value, 'system'), () => this.stopping);
    this.lastCatalogReport = report;
    return report;
  }

  /** Every gate on a document; stores nothing. */
  validate(input: unknown): ValidationOutcome {
    const report = evaluateGates(input);
    return {
      passed: report.passed,
      failures: report.failures,
      ...(report.scorecard ? { scorecard: report.scorecard } : {}),
      ...(report.diagrams ? { diagrams: diagramReports(report.diagrams) } : {}),
    };
  }

  /**
   * Validates, gates and stores the document as the next version of its slug. Schema errors (400)
   * and gate failures (422) store nothing; `expectedSlug` is the slug a PUT names in its URL.
   */
  async publish(input: unknown, actor: Principal | 'system', options: { expectedSlug?: string } = {}): Promise<PublishOutcome> {
    const report = evaluateGates(input);
    const pattern = report.pattern;
    if (pattern && options.expectedSlug !== undefined && pattern.library.slug !== options.expectedSlug) {
      throw new AppError('OW_VALIDATION', `The URL names pattern "${options.expectedSlug}" but the document's library.slug is "${pattern.library.slug}"; nothing was stored`, [
        { pointer: '/library/slug', message: `must be "${options.expectedSlug}" (the slug in the URL)` },
      ]);
    }
    if (!report.passed || !pattern || !report.scorecard) throw publicationError(report);
    const { totalScore, maxScore } = report.scorecard;
    const slug = pattern.library.slug;
    const committed = await commitChange<{ status: PublishOutcome['status']; record: PatternVersionRecord }>(
      this.db,
      this.clock,
      async (tx, now) => {
        await lockPatternSlug(tx, slug);
        const latest = await findPatternVersion(tx, slug);
        if (latest && sameDocument(latest.document, pattern)) return { result: { status: 'unchanged' as const, record: latest } };
        const record = await insertPatternVersion(tx, { slug, title: pattern.ows.meta.title, document: pattern, createdBy: actorName(actor) }, now);
        return {
          result: { status: 'published' as const, record },
          audit: {
            actor: actorName(actor),
            action: 'pattern.publish',
            target: slug,
            summary: `published version ${record.version} of pattern "${record.title}" (HQO ${totalScore}/${maxScore}, both diagrams within budget)`,
          },
          events: [{ topic: 'pattern.published', key: slug, payload: { slug, version: record.version, title: record.title, totalScore, maxScore } }],
        };
      },
      this.onEvents,
    );
    const { status, record } = committed.result;
    if (status === 'published') this.index.upsert(record, totalReferences(await findReferences(this.db, slug)));
    const { document: _document, ...info } = record;
    return { status, record: info, totalScore, maxScore };
  }

  /** As `publish`, from the text of a pattern file (syntax errors with line and column). */
  async publishText(text: string, actor: Principal | 'system'): Promise<PublishOutcome> {
    return this.publish(patternValueFromText(text), actor);
  }

  async search(query: Record<string, unknown> = {}): Promise<LibrarySearchResult> {
    await this.catalogLoad;
    return this.index.search(splitFacets(query));
  }

  private async record(slug: string, version?: number): Promise<PatternVersionRecord> {
    await this.catalogLoad;
    const record = await findPatternVersion(this.db, slug, version);
    if (!record) throw new AppError('OW_NOT_FOUND', version === undefined ? `No pattern with slug "${slug}"` : `Pattern "${slug}" has no version ${version}`);
    return record;
  }

  /** A stored version, rendered (cached per version). */
  async rendered(slug: string, version?: number): Promise<RenderedVersion> {
    return this.renders.get(await this.record(slug, version));
  }

  /** Counts one reference and records its event; the answer is the slug's counts after it. */
  private async reference(rendered: RenderedVersion, kind: ReferenceKind): Promise<ReferenceCounts> {
    const { slug, version } = rendered.record;
    const committed = await commitChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const counts = await incrementReference(tx, slug, kind, now);
        // A reference is a reading, not a change anyone made: an event, and no audit entry.
        return { result: counts, events: [{ topic: REFERENCE_TOPICS[kind], key: slug, payload: { slug, version, ...counts, recorded: totalReferences(counts) } }] };
      },
      this.onEvents,
    );
    this.index.references(slug, totalReferences(committed.result));
    return committed.result;
  }

  /** The pattern page; `view: true` records a view (the latest-version page does, version links do not). */
  async detail(slug: string, options: { version?: number; view?: boolean } = {}): Promise<PatternDetail> {
    const rendered = await this.rendered(slug, options.version);
    const counts = options.view ? await this.reference(rendered, 'view') : await findReferences(this.db, slug);
    const versions = await listPatternVersions(this.db, slug);
    const { document: _document, ...record } = rendered.record;
    const baseline = rendered.pattern.library.referenceCount;
    return {
      record,
      latestVersion: versions[0]?.version ?? record.version,
      pattern: rendered.pattern,
      sections: rendered.sections(),
      scorecard: rendered.scorecard,
      gates: rendered.gates,
      references: { ...counts, baseline, total: baseline + totalReferences(counts) },
      versions,
    };
  }

  async versions(slug: string): Promise<PatternVersionInfo[]> {
    await this.catalogLoad;
    const versions = await listPatternVersions(this.db, slug);
    if (versions.length === 0) throw new AppError('OW_NOT_FOUND', `No pattern with slug "${slug}"`);
    return versions;
  }

  /** ARTICLE.md; records an article download. */
  async article(slug: string, baseUrl: string, version?: number): Promise<string> {
    const rendered = await this.rendered(slug, version);
    const text = rendered.article(baseUrl);
    await this.reference(rendered, 'article');
    return text;
  }

  /** The checklist export; records a checklist download. */
  async checklist(slug: string, format: 'json', baseUrl: string, version?: number): Promise<ChecklistExport>;
  async checklist(slug: string, format: 'md' | 'csv', baseUrl: string, version?: number): Promise<string>;
  async checklist(slug: string, format: ChecklistFormat, baseUrl: string, version?: number): Promise<string | ChecklistExport> {
    const rendered = await this.rendered(slug, version);
    const body = format === 'json' ? rendered.checklist('json', baseUrl) : rendered.checklist(format, baseUrl);
    await this.reference(rendered, 'checklist');
    return body;
  }

  async mermaid(slug: string, kind: DiagramKind, version?: number): Promise<string> {
    return (await this.rendered(slug, version)).diagram(kind);
  }

  async scorecard(slug: string, version?: number) {
    return (await this.rendered(slug, version)).scorecardFile();
  }

  /** A statement of work from the checklist at the given rates; errors name each bad field. */
  async sow(slug: string, input: unknown, version?: number): Promise<{ sow: Sow; markdown: string; csv: string }> {
    return (await this.rendered(slug, version)).sow(input);
  }

  /** The client's names applied to diagrams, article and checklist, with a budget report per diagram. */
  async whiteLabel(slug: string, terms: unknown, baseUrl: string, version?: number): Promise<WhiteLabelBundle> {
    const map = termMapFromBody(terms);
    return whiteLabelVersion(await this.rendered(slug, version), map, baseUrl);
  }

  /** The latest version of every pattern, as the schema orders it (for exports). */
  async exportLatest(): Promise<Array<{ record: PatternVersionInfo; pattern: Pattern }>> {
    await this.catalogLoad;
    const records = await listLatestPatternVersions(this.db);
    return records.map((r) => {
      const { document: _document, ...record } = r;
      return { record, pattern: this.renders.get(r).pattern };
    });
  }
}

// The operations toolkit's service: stateless analyses (with live metric bindings and library
// links where this build has them) and saved toolkit documents with versions, audit and events.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { analyzeValueStream, parseRiskRegister, type RiskRegister } from '../core/advisor';
import { fmt } from '../core/advisor/format-number';
import { invalidInput } from '../core/advisor/validate-input';
import { AppError } from '../core/shared/error-codes';
import { zodIssuesToLocations } from '../core/shared/zod-errors';
import type { Db } from '../store/db';
import {
  ADVISOR_DOCUMENT_KINDS,
  countAdvisorDocuments,
  findAdvisorDocument,
  insertAdvisorDocumentVersion,
  listAdvisorDocumentVersions,
  listLatestAdvisorDocuments,
  type AdvisorDocumentInfo,
  type AdvisorDocumentKind,
  type AdvisorDocumentRecord,
} from '../store/advisor-documents-repo';
import {
  kpiAnalysis,
  kpiExport,
  processAnalysis,
  processExport,
  riskAnalysis,
  riskExport,
  routeAnalysis,
  scheduleAnalysis,
  scheduleExport,
  type Export,
  type ExportFormat,
  type KpiAnalysis,
  type KpiTable,
  type PatternSummary,
  type ProcessAnalysis,
  type ProcessOptions,
  type RiskResult,
  type RouteAnalysis,
  type ScheduleAnalysis,
  type ScheduleOverrides,
} from './advisor-analyses';
import { bindKpiSet, bindRiskRegister, EventLogMetricResolver } from './advisor-bindings';
import { ADVISOR_CONTENT_DIR, ADVISOR_EXAMPLES, readExampleContent } from './advisor-examples';
import { readKpiSet, readWorkBreakdown, type KpiSet, type WorkBreakdownDocument } from './advisor-inputs';
import { commitChange } from './change';
import type { Clock } from './clock';
import type { Principal } from './token-service';

export { libraryPatternSummaries } from './advisor-library';

export const documentIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'a document id is 1–80 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit');

export const saveDocumentInput = z.strictObject({
  id: documentIdSchema.optional().describe('Saving an existing id adds a version; omit it to create a new document'),
  kind: z.enum(ADVISOR_DOCUMENT_KINDS, { error: `kind must be one of ${ADVISOR_DOCUMENT_KINDS.join(', ')}` }),
  name: z.string().trim().min(1, 'a document needs a name').max(200, 'the name is over 200 characters'),
  content: z.unknown().describe('The input of the kind\'s analysis: a risk register, a KPI set, a work breakdown (tasks or CSV text) or a value stream'),
});

/** Options of a document's analysis and exports, from the query string. */
export interface DocumentAnalysisOptions extends ScheduleOverrides, ProcessOptions {
  asOf?: string;
  table?: KpiTable;
}

export type DocumentAnalysis = ProcessAnalysis | ScheduleAnalysis | RiskResult | KpiAnalysis;

export interface DocumentDetail {
  document: AdvisorDocumentRecord;
  versions: AdvisorDocumentInfo[];
  /** Null when the analysis needs an option the document does not carry (e.g. people for a schedule). */
  analysis: DocumentAnalysis | null;
  analysisNote: string | null;
}

const SEED_LOCK_KEY = 7_100_421_005;
const UNIQUE_VIOLATION = '23505';

function actorName(actor: Principal | 'system'): string {
  return actor === 'system' ? 'system' : actor.name;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export class AdvisorService {
  private patternSource: (() => Promise<PatternSummary[]>) | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly onEvents: () => void = () => undefined,
    patternSource?: () => Promise<PatternSummary[]>,
  ) {
    this.patternSource = patternSource;
  }

  /** Lets the pattern library, where a build has one, supply the patterns the router links. */
  usePatternSource(source: () => Promise<PatternSummary[]>): void {
    this.patternSource = source;
  }

  today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  async route(input: unknown): Promise<RouteAnalysis> {
    return routeAnalysis(input, this.patternSource ? await this.patternSource() : null);
  }

  process(input: unknown, options: ProcessOptions = {}): ProcessAnalysis {
    return processAnalysis(input, options);
  }

  schedule(input: unknown, overrides: ScheduleOverrides = {}) {
    return scheduleAnalysis(readWorkBreakdown(input), overrides);
  }

  async risk(input: unknown): Promise<RiskResult> {
    const { register, bindings } = await bindRiskRegister(parseRiskRegister(input), this.resolver());
    return riskAnalysis(register, bindings);
  }

  async kpi(input: unknown, asOf: string = this.today()): Promise<KpiAnalysis> {
    return this.analyzeKpiSet(readKpiSet(input), asOf);
  }

  private async analyzeKpiSet(parsed: KpiSet, asOf: string): Promise<KpiAnalysis> {
    const { set, bindings } = await bindKpiSet(parsed, this.resolver());
    return kpiAnalysis(set, asOf, bindings);
  }

  private resolver(): EventLogMetricResolver {
    return new EventLogMetricResolver(this.db, this.clock.now());
  }

  // ------------------------------------------------------------ documents

  /** Validates the content for its kind (running its analysis) and stores it as the next version; invalid input stores nothing. */
  async save(input: unknown, actor: Principal | 'system'): Promise<AdvisorDocumentRecord> {
    const parsed = saveDocumentInput.safeParse(input);
    if (!parsed.success) throw invalidInput('The document', zodIssuesToLocations(parsed.error.issues));
    const { kind, name } = parsed.data;
    const { content, summary } = normalise(kind, parsed.data.content);
    const id = parsed.data.id ?? `${kind}-${randomBytes(4).toString('hex')}`;
    try {
      const committed = await commitChange(
        this.db,
        this.clock,
        async (tx, now) => {
          const existing = await findAdvisorDocument(tx, id);
          if (existing && existing.kind !== kind) {
            throw new AppError('OW_CONFLICT', `Document ${id} is a ${existing.kind}; a ${kind} cannot be saved as its next version`, [{ pointer: '/kind', message: `must stay ${existing.kind}` }]);
          }
          const record = await insertAdvisorDocumentVersion(tx, { id, kind, name, content, summary, createdBy: actorName(actor) }, now);
          return {
            result: record,
            audit: { actor: actorName(actor), action: 'advisor.document.save', target: id, summary: `saved version ${record.version} of ${kind} "${name}" (${summary})` },
            events: [{ topic: 'advisor.document.saved', key: id, payload: { id, version: record.version, kind, name, summary } }],
          };
        },
        this.onEvents,
      );
      return committed.result;
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw new AppError('OW_CONFLICT', `Document ${id} was saved by someone else at the same moment; save again`);
      throw err;
    }
  }

  list(kind?: AdvisorDocumentKind): Promise<AdvisorDocumentInfo[]> {
    return listLatestAdvisorDocuments(this.db, kind);
  }

  async get(id: string, version?: number, options: DocumentAnalysisOptions = {}): Promise<DocumentDetail> {
    const document = await this.find(id, version);
    const versions = await listAdvisorDocumentVersions(this.db, id);
    if (document.kind === 'work-breakdown' && options.people === undefined && (document.content as WorkBreakdownDocument['settings']).people === undefined) {
      return { document, versions, analysis: null, analysisNote: 'This work breakdown carries no number of people: add ?people=N to see its schedule.' };
    }
    return { document, versions, analysis: await this.analyzeDocument(document, options), analysisNote: null };
  }

  async export(id: string, version: number | undefined, format: ExportFormat, options: DocumentAnalysisOptions = {}): Promise<Export & { filename: string }> {
    const document = await this.find(id, version);
    const ext = format === 'md' ? 'md' : 'csv';
    const filename = `${document.id}-v${document.version}.${ext}`;
    switch (document.kind) {
      case 'work-breakdown':
        return { ...scheduleExport(this.scheduleOf(document, options), format, document.name), filename };
      case 'value-stream':
        return { ...processExport(processAnalysis(document.content, options), format), filename };
      case 'risk-register':
        return { ...riskExport(await this.risk(document.content), format), filename };
      case 'kpi-set':
        return { ...kpiExport(await this.kpi(document.content, options.asOf), format, options.table), filename };
    }
  }

  private async find(id: string, version?: number): Promise<AdvisorDocumentRecord> {
    const document = await findAdvisorDocument(this.db, id, version);
    if (!document) throw new AppError('OW_NOT_FOUND', version === undefined ? `No toolkit document with id ${id}` : `Toolkit document ${id} has no version ${version}`);
    return document;
  }

  private scheduleOf(document: AdvisorDocumentRecord, options: DocumentAnalysisOptions) {
    return scheduleAnalysis(readWorkBreakdown(document.content), { people: options.people, deadline: options.deadline, unit: options.unit });
  }

  private async analyzeDocument(document: AdvisorDocumentRecord, options: DocumentAnalysisOptions): Promise<DocumentAnalysis> {
    switch (document.kind) {
      case 'work-breakdown':
        return this.scheduleOf(document, options).analysis;
      case 'value-stream':
        return processAnalysis(document.content, options);
      case 'risk-register':
        return this.risk(document.content);
      case 'kpi-set':
        return this.kpi(document.content, options.asOf ?? this.today());
    }
  }

  /** On first start (no document yet) saves the shipped examples of content/advisor. */
  async seedOnFirstStart(dir: string = ADVISOR_CONTENT_DIR): Promise<AdvisorDocumentRecord[]> {
    return this.db.withConnection(async (conn) => {
      await conn.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY]);
      try {
        if ((await countAdvisorDocuments(conn)) > 0) return [];
        const saved: AdvisorDocumentRecord[] = [];
        for (const example of ADVISOR_EXAMPLES) {
          try {
            const content = await readExampleContent(example, dir);
            saved.push(await this.save({ id: example.id, kind: example.kind, name: example.name, content }, 'system'));
          } catch (err) {
            throw new Error(`The toolkit example ${example.file} could not be loaded: ${(err as Error).message}`);
          }
        }
        return saved;
      } finally {
        await conn.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK_KEY]);
      }
    });
  }
}

/** The kind's validated, normalised content and its one-line summary; throws located errors. */
function normalise(kind: AdvisorDocumentKind, raw: unknown): { content: unknown; summary: string } {
  switch (kind) {
    case 'risk-register': {
      const register: RiskRegister = parseRiskRegister(raw);
      const a = riskAnalysis(register);
      const levels = (['critical', 'high', 'medium', 'low'] as const).filter((l) => a.byLevel[l] > 0).map((l) => `${a.byLevel[l]} ${l}`);
      return { content: register, summary: `${plural(a.risks.length, 'risk')}: ${levels.join(', ')}` };
    }
    case 'kpi-set': {
      const set = readKpiSet(raw);
      // Runs the analyses for their cross-field checks (an OKR target equal to its baseline).
      kpiAnalysis(set, undefined);
      const content = { ...(set.kpis ? { kpis: set.kpis } : {}), ...(set.okrs ? { objectives: set.okrs.objectives } : {}) };
      const parts = [set.kpis ? plural(set.kpis.length, 'KPI') : null, set.okrs ? plural(set.okrs.objectives.length, 'objective') : null];
      return { content, summary: parts.filter((p) => p !== null).join(', ') };
    }
    case 'work-breakdown': {
      const doc = readWorkBreakdown(raw);
      // Planning checks the saved settings (people, deadline, milestones) as a schedule request would.
      const run = scheduleAnalysis(doc, { people: doc.settings.people ?? 1 });
      const unit = doc.settings.unit ?? 'units';
      return { content: { tasks: doc.tasks, ...doc.settings }, summary: `${plural(doc.tasks.length, 'task')}, ${fmt(run.plan.totalEstimate)} ${unit}` };
    }
    case 'value-stream': {
      const a = analyzeValueStream(raw as Parameters<typeof analyzeValueStream>[0]);
      return { content: a.stream, summary: `${plural(a.stream.steps.length, 'step')}, lead time ${fmt(a.leadTime)} ${a.stream.timeUnit}` };
    }
  }
}

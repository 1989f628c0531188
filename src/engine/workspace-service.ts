// The operator workspace (issue 6, seed 000): assign a pattern to a team and carry it step by step to
// lessons learned; every step through the core's state machine and `commitChange`, with its history.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../core/shared/error-codes';
import { formatLocations, zodIssuesToLocations } from '../core/shared/zod-errors';
import { caseStudyMarkdown, leaksClient } from '../core/workspace/case-study';
import { workspaceChecklistCsv } from '../core/workspace/jira-csv';
import { journeyView, type JourneyView } from '../core/workspace/journey-view';
import { resultsReport, type ResultsReport } from '../core/workspace/report';
import { assign, blockers, transition, type WorkspaceCommand } from '../core/workspace/transition';
import { assignInputSchema, stepInputSchemas, stepSchema, type HistoryEntry, type Snapshot, type Step, type StepInput, type Workspace } from '../core/workspace/workspace-schema';
import { effectiveBudget } from '../core/ows/diagram-lint';
import type { Db } from '../store/db';
import { appendHistory, findWorkspace, insertWorkspace, listHistory, listWorkspaces, updateWorkspace, type WorkspaceRecord } from '../store/workspace-repo';
import { commitChange } from './change';
import type { Clock } from './clock';
import type { PatternService } from './pattern-service';
import { snapshotFrom, type WorkspacePorts } from './workspace-ports';
import { WorkspaceRejectedError } from './workspace-rejection';
import { StabilizationTimer } from './workspace-timer';

export interface WorkspaceDetail {
  workspace: Workspace;
  history: HistoryEntry[];
  journey: JourneyView;
  reportAvailable: boolean;
  integrations: { metrics: boolean; escalationMode: boolean };
}

function parse<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const errors = zodIssuesToLocations(parsed.error.issues);
  throw new AppError('OW_VALIDATION', `The ${what} is not valid:\n${formatLocations(errors)}`, errors);
}

function manual(figures: NonNullable<StepInput<'baseline'>['figures']>, at: Date, windowStart?: string, windowEnd?: string): Snapshot {
  return { snapshotId: null, source: 'manual', windowStart: windowStart ?? null, windowEnd: windowEnd ?? null, figures, capturedAt: at.toISOString() };
}

function defined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export class WorkspaceService {
  readonly timer: StabilizationTimer;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly onEvents: () => void,
    private readonly patterns: PatternService,
    private readonly ports: () => WorkspacePorts,
  ) {
    this.timer = new StabilizationTimer(db, clock, onEvents);
  }

  start(): void {
    this.timer.start();
  }

  stop(): Promise<void> {
    return this.timer.stop();
  }

  /** Assigns a pattern (latest version unless one is named) to a team: `pattern.assigned`. */
  async create(body: unknown, actor: string): Promise<WorkspaceDetail> {
    const input = parse(assignInputSchema, body, 'workspace');
    const rendered = await this.patterns.rendered(input.patternSlug, input.patternVersion);
    const id = `ws_${randomBytes(6).toString('hex')}`;
    const pattern = { slug: rendered.record.slug, version: rendered.record.version, title: rendered.pattern.ows.meta.title };
    await commitChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const made = assign({ id, team: input.team, owner: input.owner, pattern, client: input.client ?? null, stabilizationDays: input.stabilizationDays }, { now: now.getTime(), actor });
        await insertWorkspace(tx, made.workspace, now);
        await appendHistory(tx, id, made.history);
        return {
          result: made.workspace,
          audit: { actor, action: 'workspace.create', target: id, summary: `assigned pattern ${pattern.slug} v${pattern.version} to team "${input.team}" (owner ${input.owner})` },
          events: made.events,
        };
      },
      this.onEvents,
    );
    return this.get(id);
  }

  async list(q: { stage?: string; patternSlug?: string; limit?: number } = {}): Promise<Array<Workspace & { updatedAt: string }>> {
    const records = await listWorkspaces(this.db, { ...q, limit: q.limit ?? 100 });
    return records.map((r) => ({ ...r.workspace, updatedAt: r.updatedAt }));
  }

  private async record(id: string): Promise<WorkspaceRecord> {
    const found = await findWorkspace(this.db, id);
    if (!found) throw new AppError('OW_NOT_FOUND', `No workspace with id ${id}`);
    return found;
  }

  async get(id: string): Promise<WorkspaceDetail> {
    let rec = await this.record(id);
    const now = this.clock.now();
    // The check on read: a window that has ended is marked now, whether or not a loop is running.
    if (rec.workspace.stabilizationEndsAt !== null && rec.stabilizedAt === null && Date.parse(rec.workspace.stabilizationEndsAt) <= now.getTime()) {
      await this.timer.markEnded();
      rec = await this.record(id);
    }
    const history = await listHistory(this.db, id);
    const ports = this.ports();
    return {
      workspace: rec.workspace,
      history,
      journey: journeyView(rec.workspace, history, now.getTime()),
      reportAvailable: rec.workspace.baseline !== null && rec.workspace.measured !== null,
      integrations: { metrics: ports.metrics !== undefined, escalationMode: ports.escalationMode !== undefined },
    };
  }

  /** One step of the journey; refusals name what is missing and what is allowed, and change nothing. */
  async step(id: string, stepName: string, body: unknown, actor: string): Promise<WorkspaceDetail> {
    const stepParsed = stepSchema.safeParse(stepName);
    if (!stepParsed.success) throw new AppError('OW_NOT_FOUND', `No step "${stepName}"; the steps are ${stepSchema.options.join(', ')}`);
    const step = stepParsed.data;
    const w = (await this.record(id)).workspace;
    const command = await this.command(w, step, body, actor);
    await commitChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const locked = await findWorkspace(tx, id, { lock: true });
        if (!locked) throw new AppError('OW_NOT_FOUND', `No workspace with id ${id}`);
        const r = transition(locked.workspace, command, { now: now.getTime(), actor });
        if (!r.ok) throw new WorkspaceRejectedError(id, r.rejection);
        if (!(await updateWorkspace(tx, r.workspace, locked.workspace.version, now))) throw new AppError('OW_CONFLICT', `Workspace ${id} changed concurrently; reload and retry`);
        await appendHistory(tx, id, r.history);
        return { result: r.workspace, audit: { actor, action: `workspace.${step}`, target: id, summary: r.history.note ?? step }, events: r.events };
      },
      this.onEvents,
    );
    if (step === 'production') this.timer.poke();
    return this.get(id);
  }

  /**
   * Turns the operator's body into the core's command, running the step's side effects first
   * (checklist from the pattern, a metrics snapshot, the escalation mode) once the core agrees.
   */
  private async command(w: Workspace, step: Step, body: unknown, actor: string): Promise<WorkspaceCommand> {
    const now = this.clock.now();
    const refuseEarly = (opts: { force?: boolean; reason?: string } = {}) => {
      const missing = blockers(w, step, now.getTime(), opts);
      if (missing.length > 0) throw WorkspaceRejectedError.fromBlockers(w, step, missing);
    };
    const ports = this.ports();
    switch (step) {
      case 'kickoff': {
        const input = parse(stepInputSchemas.kickoff, body, 'kickoff');
        const rendered = await this.patterns.rendered(w.pattern.slug, w.pattern.version);
        const items = rendered.pattern.library.checklist.map((i) => ({ id: i.id, summary: i.summary, suggestedOwner: i.owner, effortPersonWeeks: i.effortPersonWeeks }));
        return { step, items, ...(input.owners ? { owners: input.owners } : {}) };
      }
      case 'owners':
        return { step, owners: parse(stepInputSchemas.owners, body, 'owners change').owners };
      case 'export':
        parse(stepInputSchemas.export, body, 'export');
        return { step };
      case 'baseline': {
        const input = parse(stepInputSchemas.baseline, body, 'baseline');
        refuseEarly();
        return { step, snapshot: await this.snapshot('baseline', w, input, actor, now) };
      }
      case 'shadow':
      case 'production': {
        const input = step === 'production' ? parse(stepInputSchemas.production, body, 'production step') : parse(stepInputSchemas.shadow, body, 'shadow step');
        refuseEarly();
        const port = ports.escalationMode;
        if (port) await port.setMode(step, { actor, reason: `workspace ${w.id}: ${w.pattern.slug} for ${w.team}` });
        return step === 'production'
          ? { step, modeApplied: port !== undefined, ...('stabilizationDays' in input && input.stabilizationDays !== undefined ? { stabilizationDays: input.stabilizationDays } : {}) }
          : { step, modeApplied: port !== undefined };
      }
      case 'measure': {
        const input = parse(stepInputSchemas.measure, body, 'measurement');
        refuseEarly({ force: input.force, ...(input.reason ? { reason: input.reason } : {}) });
        const snapshot = await this.snapshot('measure', w, { ...input, source: 'live' }, actor, now);
        return { step, snapshot, force: input.force, ...(input.reason ? { reason: input.reason } : {}) };
      }
      case 'report':
        return { step, costs: parse(stepInputSchemas.report, body, 'report') };
      case 'lessons':
        return { step, lessons: parse(stepInputSchemas.lessons, body, 'lessons').lessons };
    }
  }

  private async snapshot(kind: 'baseline' | 'measure', w: Workspace, input: StepInput<'baseline'>, actor: string, now: Date): Promise<Snapshot> {
    if (input.figures) return manual(input.figures, now, input.windowStart, input.windowEnd);
    if (input.source === 'manual') throw new AppError('OW_VALIDATION', 'A manual snapshot needs its figures', [{ pointer: '/figures', message: 'required when source is manual' }]);
    const metrics = this.ports().metrics;
    if (!metrics) throw new AppError('OW_CONFLICT', `This runtime has no metrics service to ${kind} from ${input.source} data; send the figures with source "manual"`);
    const request = defined({ source: input.source, importId: input.importId, windowStart: input.windowStart, windowEnd: input.windowEnd, workspaceId: w.id, actor });
    return snapshotFrom(kind === 'baseline' ? await metrics.captureBaseline(request) : await metrics.measure(request));
  }

  /** The checklist as Jira CSV with each item's owner as Assignee (from kickoff on). */
  async checklistCsv(id: string, baseUrl: string): Promise<{ filename: string; csv: string }> {
    const w = (await this.record(id)).workspace;
    if (w.items.length === 0) throw new WorkspaceRejectedError(id, { step: 'checklist.csv', stage: w.stage, missing: ['the kickoff (it lists the checklist items)'], allowed: ['kickoff'], message: `workspace ${id} has no checklist yet: run the kickoff first` });
    const rendered = await this.patterns.rendered(w.pattern.slug, w.pattern.version);
    return { filename: `${w.pattern.slug}-${w.id}-jira.csv`, csv: workspaceChecklistCsv(w, rendered.checklist('json', baseUrl)) };
  }

  /** The results report; available once a baseline and a measurement exist. */
  async report(id: string): Promise<ResultsReport> {
    const w = (await this.record(id)).workspace;
    const report = resultsReport(w);
    if (!report) throw WorkspaceRejectedError.fromBlockers(w, 'report', [w.baseline ? 'a measurement (step measure)' : 'a baseline (step baseline) and a measurement (step measure)']);
    return report;
  }

  /** The anonymized case study (MSP journey); refuses to answer rather than leak the client's name. */
  async caseStudy(id: string): Promise<string> {
    const w = (await this.record(id)).workspace;
    const rendered = await this.patterns.rendered(w.pattern.slug, w.pattern.version);
    const { library } = rendered.pattern;
    const md = caseStudyMarkdown(w, {
      problem: library.summary.problem,
      orchestrationShift: library.summary.orchestrationShift,
      hook: library.narrative.hook,
      closingInsight: library.narrative.closingInsight,
      components: library.components.map((c) => ({ name: c.name, explanation: c.explanation })),
      diagrams: [
        { kind: 'as-is', text: rendered.diagram('as-is') },
        { kind: 'orchestrated', text: rendered.diagram('orchestrated') },
      ],
      budget: effectiveBudget(rendered.pattern),
    });
    if (w.client && leaksClient(md, w.client)) throw new AppError('OW_INTERNAL', `The case study of workspace ${id} still named the client after anonymization; nothing was sent`);
    return md;
  }
}

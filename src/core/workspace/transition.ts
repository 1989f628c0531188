// The workspace journey as a pure state machine: (workspace, command) → (workspace', events), or a
// rejection naming what is missing and the steps allowed now. The engine supplies time and snapshots.
import { DEFAULT_STABILIZATION_DAYS, STAGES, type Client, type HistoryEntry, type Snapshot, type Stage, type Step, type Workspace, type WorkspaceItem } from './workspace-schema';

export interface WorkspaceEvent {
  topic: string;
  key: string;
  payload: Record<string, unknown>;
}

export interface TransitionContext {
  /** Epoch milliseconds. */
  now: number;
  actor: string;
}

export type Owners = Record<string, string | null>;

export type WorkspaceCommand =
  | { step: 'kickoff'; items: Array<Omit<WorkspaceItem, 'owner'>>; owners?: Owners }
  | { step: 'owners'; owners: Owners }
  | { step: 'export'; itemCount?: number }
  | { step: 'baseline'; snapshot: Snapshot }
  | { step: 'shadow'; modeApplied: boolean }
  | { step: 'production'; modeApplied: boolean; stabilizationDays?: number }
  | { step: 'measure'; snapshot: Snapshot; force: boolean; reason?: string }
  | { step: 'report'; costs: { implementationCost: number; costPerHour: number; currency: string } }
  | { step: 'lessons'; lessons: string[] };

export interface Rejection {
  step: string;
  stage: Stage;
  /** What has to happen first, one entry per missing thing. */
  missing: string[];
  allowed: Step[];
  message: string;
}

export type TransitionResult = { ok: true; workspace: Workspace; events: WorkspaceEvent[]; history: HistoryEntry } | { ok: false; rejection: Rejection };

const DAY_MS = 86_400_000;

/** The stage each moving step leads to; `owners` stays put. */
export const STEP_TARGET: Record<Exclude<Step, 'owners'>, Stage> = {
  kickoff: 'kickoff',
  export: 'implementation',
  baseline: 'baselined',
  shadow: 'shadow',
  production: 'production',
  measure: 'measured',
  report: 'reported',
  lessons: 'lessons',
};

/** Where each moving step may start from: the journey is a line, so exactly the stage before its target. */
const STEP_FROM: Record<Exclude<Step, 'owners'>, Stage> = {
  kickoff: 'assigned',
  export: 'kickoff',
  baseline: 'implementation',
  shadow: 'baselined',
  production: 'shadow',
  measure: 'production',
  report: 'measured',
  lessons: 'reported',
};

/** Owners can be named from kickoff until the solution is in production. */
const OWNER_STAGES: ReadonlySet<Stage> = new Set(['kickoff', 'implementation', 'baselined', 'shadow', 'production']);

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

export function allowedSteps(stage: Stage): Step[] {
  const moving = (Object.keys(STEP_FROM) as Array<Exclude<Step, 'owners'>>).filter((s) => STEP_FROM[s] === stage);
  return OWNER_STAGES.has(stage) ? ['owners', ...moving] : moving;
}

/** The step that moves the workspace on from its stage (null at the end). */
export function nextStep(stage: Stage): Exclude<Step, 'owners'> | null {
  return (Object.keys(STEP_FROM) as Array<Exclude<Step, 'owners'>>).find((s) => STEP_FROM[s] === stage) ?? null;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function unownedItems(w: Workspace): WorkspaceItem[] {
  return w.items.filter((i) => i.owner === null);
}

/** When the stabilization window ends, or null before production. */
export function windowEndsAt(w: Workspace): number | null {
  return w.stabilizationEndsAt === null ? null : Date.parse(w.stabilizationEndsAt);
}

/**
 * What stands between the workspace and a step, given the facts the step carries (force, reason);
 * empty when nothing does. The engine asks this before any side effect (a metrics capture).
 */
export function blockers(w: Workspace, step: Step, now: number, opts: { force?: boolean; reason?: string | undefined } = {}): string[] {
  if (step === 'owners') return OWNER_STAGES.has(w.stage) ? [] : [`owners can be changed from kickoff until production; the workspace is in stage '${w.stage}'`];
  const from = STEP_FROM[step];
  if (w.stage !== from) {
    return stageIndex(w.stage) > stageIndex(from) ? [`step '${step}' is done already (the workspace is in stage '${w.stage}')`] : [`stage '${from}' first (the workspace is in stage '${w.stage}')`];
  }
  if (step === 'export') {
    const unowned = unownedItems(w);
    if (w.items.length === 0) return ['checklist items (the kickoff produced none)'];
    return unowned.map((i) => `an owner for checklist item ${i.id} (${i.summary})`);
  }
  if (step === 'shadow' && w.baseline === null) return ['a baseline (step baseline)'];
  if (step === 'measure') {
    const ends = windowEndsAt(w);
    if (ends !== null && now < ends) {
      if (!opts.force) return [`the stabilization window to end at ${iso(ends)} (${Math.ceil((ends - now) / DAY_MS)} day(s) left), or force with a reason`];
      if (!opts.reason) return ['a reason for measuring before the stabilization window ends'];
    }
  }
  return [];
}

function reject(w: Workspace, step: string, missing: string[], what: string): TransitionResult {
  const allowed = allowedSteps(w.stage);
  const allowedText = allowed.length > 0 ? `allowed now: ${allowed.join(', ')}` : 'the journey is complete; no step is allowed';
  return { ok: false, rejection: { step, stage: w.stage, missing, allowed, message: `${what}: needs ${missing.join('; ')} (${allowedText})` } };
}

/** Applies owner changes; unknown item ids and unassigning after kickoff are refused. */
function applyOwners(w: Workspace, owners: Owners): { items: WorkspaceItem[] } | { missing: string[] } {
  const known = new Set(w.items.map((i) => i.id));
  const unknown = Object.keys(owners).filter((id) => !known.has(id));
  if (unknown.length > 0) return { missing: unknown.map((id) => `a checklist item ${id} (the items are ${[...known].join(', ') || 'none'})`) };
  if (w.stage !== 'kickoff') {
    const cleared = Object.entries(owners).filter(([, o]) => o === null).map(([id]) => id);
    if (cleared.length > 0) return { missing: cleared.map((id) => `an owner for ${id} (owners can only be cleared during kickoff, before the export)`) };
  }
  return { items: w.items.map((i) => (Object.hasOwn(owners, i.id) ? { ...i, owner: owners[i.id] ?? null } : i)) };
}

function base(w: Workspace, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { workspaceId: w.id, team: w.team, slug: w.pattern.slug, version: w.pattern.version, ...extra };
}

/** A new workspace: a pattern assigned to a team (`pattern.assigned`). */
export function assign(
  input: { id: string; team: string; owner: string; pattern: Workspace['pattern']; client: Client | null; stabilizationDays?: number | undefined },
  ctx: TransitionContext,
): { workspace: Workspace; events: WorkspaceEvent[]; history: HistoryEntry } {
  const at = iso(ctx.now);
  const workspace: Workspace = {
    id: input.id,
    team: input.team,
    owner: input.owner,
    pattern: input.pattern,
    client: input.client,
    stage: 'assigned',
    items: [],
    exportedAt: null,
    baseline: null,
    escalationMode: null,
    stabilizationDays: input.stabilizationDays ?? DEFAULT_STABILIZATION_DAYS,
    productionAt: null,
    stabilizationEndsAt: null,
    measured: null,
    forcedMeasureReason: null,
    costs: null,
    reportedAt: null,
    lessons: [],
    createdAt: at,
    version: 1,
  };
  // The client's name stays out of events: the stream and the audit log are read by more people than the workspace.
  const events = [{ topic: 'pattern.assigned', key: input.id, payload: base(workspace, { owner: input.owner, title: input.pattern.title, actor: ctx.actor }) }];
  return { workspace, events, history: { step: 'assign', stage: 'assigned', at, actor: ctx.actor, note: `pattern ${input.pattern.slug} v${input.pattern.version} assigned to ${input.team}` } };
}

export function transition(w: Workspace, cmd: WorkspaceCommand, ctx: TransitionContext): TransitionResult {
  if (!Number.isFinite(ctx.now)) throw new RangeError(`context.now must be epoch milliseconds, got ${String(ctx.now)}`);
  const step = cmd.step;
  const missing = blockers(w, step, ctx.now, cmd.step === 'measure' ? { force: cmd.force, reason: cmd.reason } : {});
  if (missing.length > 0) return reject(w, step, missing, `step '${step}' refused for workspace ${w.id}`);
  const at = iso(ctx.now);
  let next: Workspace = w;
  let note: string | null = null;
  const events: WorkspaceEvent[] = [];

  switch (cmd.step) {
    case 'kickoff': {
      const items = cmd.items.map((i) => ({ ...i, owner: null }));
      const applied = applyOwners({ ...w, stage: 'kickoff', items }, cmd.owners ?? {});
      if ('missing' in applied) return reject(w, step, applied.missing, `step 'kickoff' refused for workspace ${w.id}`);
      next = { ...w, items: applied.items };
      note = `${items.length} checklist items, ${applied.items.filter((i) => i.owner !== null).length} owned`;
      break;
    }
    case 'owners': {
      const applied = applyOwners(w, cmd.owners);
      if ('missing' in applied) return reject(w, step, applied.missing, `step 'owners' refused for workspace ${w.id}`);
      next = { ...w, items: applied.items };
      note = Object.entries(cmd.owners).map(([id, o]) => `${id} → ${o ?? 'nobody'}`).join(', ');
      break;
    }
    case 'export':
      next = { ...w, exportedAt: at };
      note = `${w.items.length} items exported as Jira CSV`;
      events.push({ topic: 'implementation.started', key: w.id, payload: base(w, { items: w.items.length, actor: ctx.actor }) });
      break;
    case 'baseline':
      next = { ...w, baseline: cmd.snapshot };
      note = `baseline from ${cmd.snapshot.source}${cmd.snapshot.snapshotId ? ` (snapshot ${cmd.snapshot.snapshotId})` : ''}`;
      // With a snapshot id the metrics service has already announced it; figures typed in are announced here.
      if (cmd.snapshot.snapshotId === null) events.push({ topic: 'metrics.baselined', key: w.id, payload: base(w, { source: cmd.snapshot.source, figures: cmd.snapshot.figures, actor: ctx.actor }) });
      break;
    case 'shadow':
      next = { ...w, escalationMode: { mode: 'shadow', applied: cmd.modeApplied } };
      note = cmd.modeApplied ? 'router and monitor in shadow mode: decisions recorded, not applied' : 'shadow mode requested; this runtime has no escalation mode to switch';
      break;
    case 'production': {
      const days = cmd.stabilizationDays ?? w.stabilizationDays;
      next = { ...w, escalationMode: { mode: 'production', applied: cmd.modeApplied }, stabilizationDays: days, productionAt: at, stabilizationEndsAt: iso(ctx.now + days * DAY_MS) };
      note = `in production; stabilization window of ${days} day(s) ends ${iso(ctx.now + days * DAY_MS)}`;
      break;
    }
    case 'measure': {
      const ends = windowEndsAt(w);
      const early = ends !== null && ctx.now < ends;
      next = { ...w, measured: cmd.snapshot, forcedMeasureReason: early ? (cmd.reason ?? null) : null };
      note = early ? `measured before the window ended: ${cmd.reason ?? ''}` : `measured from ${cmd.snapshot.source}`;
      if (cmd.snapshot.snapshotId === null) events.push({ topic: 'metrics.measured', key: w.id, payload: base(w, { source: cmd.snapshot.source, figures: cmd.snapshot.figures, actor: ctx.actor }) });
      break;
    }
    case 'report':
      next = { ...w, costs: cmd.costs, reportedAt: at };
      note = 'results report generated';
      events.push({ topic: 'results.reported', key: w.id, payload: base(w, { actor: ctx.actor }) });
      break;
    case 'lessons':
      next = { ...w, lessons: [...w.lessons, ...cmd.lessons] };
      note = `${cmd.lessons.length} lesson(s) recorded`;
      events.push({ topic: 'pattern.referenced', key: w.pattern.slug, payload: base(w, { lessons: cmd.lessons, actor: ctx.actor }) });
      break;
  }

  const stage = step === 'owners' ? w.stage : STEP_TARGET[step];
  next = { ...next, stage, version: w.version + 1 };
  events.push({ topic: 'workspace.advanced', key: w.id, payload: base(w, { step, from: w.stage, to: stage, actor: ctx.actor, at }) });
  return { ok: true, workspace: next, events, history: { step, stage, at, actor: ctx.actor, note } };
}

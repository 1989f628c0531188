// Units of work (seed 003): an atomic set of tasks run for one journey stage, with dependencies
// on other units; what state a unit is in follows from the states of its tasks.
import { z } from 'zod';
import { TaskStatusSchema, type TaskStatus } from './dag';
import { RetryPolicySchema, type RetryPolicy } from './retry-policy';

export const TaskKindSchema = z.enum(['automated', 'human']);
export type TaskKind = z.infer<typeof TaskKindSchema>;

/** How long a person has for a human task once it is ready, unless its definition says otherwise. */
export const HUMAN_TASK_DUE_MS = 14 * 86_400_000;
/** A human task may be due from one minute to one year after it becomes ready. */
export const HumanDueSchema = z.number().int().min(60_000, 'a human task is due at least one minute after it is ready').max(366 * 86_400_000, 'a human task is due within a year');

/**
 * A human task's attempt is the person's turn: its retry policy's timeout is how long they have
 * (`dueInMs`, default 14 days), after which the task fails as timed out. Automated tasks keep theirs.
 */
export function withHumanDue(kind: TaskKind, retry: RetryPolicy, dueInMs: number | undefined): RetryPolicy {
  return kind === 'human' ? { ...retry, timeoutMs: dueInMs ?? HUMAN_TASK_DUE_MS } : retry;
}

/** The reason a human task fails with when nobody completed it in time. */
export const HUMAN_TIMEOUT_REASON = 'timed out';

/** Seed 003's Task; `handler` is the seed's agent_id, `input`/`output` its input_data/output_data. */
export const TaskSchema = z
  .object({
    id: z.string().min(1),
    key: z.string().min(1),
    name: z.string().min(1),
    handler: z.string().min(1),
    kind: TaskKindSchema,
    input: z.record(z.string(), z.unknown()),
    output: z.record(z.string(), z.unknown()).nullable(),
    /** Ids of tasks (in this unit or another) that must complete before this one starts. */
    dependsOn: z.array(z.string()),
    status: TaskStatusSchema,
    retryCount: z.number().int().min(0),
    maxRetries: z.number().int().min(0),
    retry: RetryPolicySchema,
    /** Topic the runtime emits when the task completes (a sequence beat's event). */
    emits: z.string().optional(),
    /** JSON Schema the handler's result must satisfy. */
    outputSchema: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type Task = z.infer<typeof TaskSchema>;

export const UnitStatusSchema = z.enum(['pending', 'running', 'completed', 'failed', 'rolled_back', 'cancelled']);
export type UnitStatus = z.infer<typeof UnitStatusSchema>;

export const UnitKindSchema = z.enum(['stage', 'rollback']);
export type UnitKind = z.infer<typeof UnitKindSchema>;

/** Seed 003's UnitOfWork (uow_id → id); `dependencies` are ids of units that must complete first. */
export const UnitOfWorkSchema = z
  .object({
    id: z.string().min(1),
    key: z.string().min(1),
    name: z.string().min(1),
    journeyId: z.string().min(1),
    stage: z.string().min(1),
    kind: UnitKindSchema,
    tasks: z.array(TaskSchema),
    dependencies: z.array(z.string()),
    status: UnitStatusSchema,
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
  })
  .strict();
export type UnitOfWork = z.infer<typeof UnitOfWorkSchema>;

export interface UnitVerdict {
  status: UnitStatus;
  /** Why, in words, naming the tasks that decided it. */
  reason: string;
}

function list(ids: readonly string[]): string {
  const shown = ids.slice(0, 5).map((id) => `'${id}'`).join(', ');
  return ids.length > 5 ? `${shown} and ${ids.length - 5} more` : shown;
}

/**
 * A unit is atomic: it completes when every task completed, fails as soon as one task failed
 * for good (retries exhausted), is cancelled when its tasks were cancelled, runs once any task
 * started, and is rolled back when its stage was rolled back (which overrides everything else).
 */
export function deriveUnitStatus(
  tasks: ReadonlyArray<{ id: string; status: TaskStatus }>,
  options: { rolledBack?: boolean } = {},
): UnitVerdict {
  if (options.rolledBack) return { status: 'rolled_back', reason: 'the stage this unit belongs to was rolled back' };
  if (tasks.length === 0) return { status: 'completed', reason: 'the unit has no tasks' };
  const having = (s: TaskStatus) => tasks.filter((t) => t.status === s).map((t) => t.id);
  const failed = having('failed');
  if (failed.length > 0) return { status: 'failed', reason: `task ${list(failed)} failed after its retries` };
  const cancelled = having('cancelled');
  if (cancelled.length > 0) return { status: 'cancelled', reason: `task ${list(cancelled)} was cancelled` };
  const completed = having('completed');
  if (completed.length === tasks.length) return { status: 'completed', reason: `all ${tasks.length} tasks completed` };
  const running = having('running');
  if (running.length > 0 || completed.length > 0) {
    return { status: 'running', reason: `${completed.length} of ${tasks.length} tasks completed, ${running.length} running` };
  }
  return { status: 'pending', reason: `none of the ${tasks.length} tasks has started` };
}

/** A unit may start once every unit it depends on completed. */
export function unitDependenciesMet(unit: Pick<UnitOfWork, 'dependencies'>, unitStatuses: Readonly<Record<string, UnitStatus | undefined>>): boolean {
  return unit.dependencies.every((id) => unitStatuses[id] === 'completed');
}

/**
 * All tasks of the given units as one graph: each task also depends on every task of the units
 * its unit depends on, so one ready set covers dependencies inside and across units.
 */
export function flattenUnits(units: ReadonlyArray<Pick<UnitOfWork, 'id' | 'tasks' | 'dependencies'>>): Array<{ id: string; dependsOn: string[] }> {
  const tasksOf = new Map(units.map((u) => [u.id, u.tasks.map((t) => t.id)] as const));
  return units.flatMap((unit) => {
    const upstream = unit.dependencies.flatMap((dep) => tasksOf.get(dep) ?? [`${dep} (unknown unit)`]);
    return unit.tasks.map((task) => ({ id: task.id, dependsOn: [...new Set([...task.dependsOn, ...upstream])] }));
  });
}

// Unit-of-work templates: the tasks a journey definition declares for a stage, checked as a
// graph (inside and across units) and instantiated into units with deterministic ids.
import { z } from 'zod';
import { detectCycle, findDagProblems } from './dag';
import { RetryPolicySchema } from './retry-policy';
import { HumanDueSchema, TaskKindSchema, withHumanDue, type UnitKind, type UnitOfWork } from './unit-of-work';

export const KEY_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const keySchema = z.string().regex(KEY_PATTERN, 'use lowercase letters, digits, - and _ (for example "install-connectors")');

export const TaskTemplateSchema = z
  .object({
    key: keySchema,
    name: z.string().min(1),
    handler: z.string().min(1, 'a task needs the name of the handler (agent) that runs it'),
    kind: TaskKindSchema.default('automated'),
    input: z.record(z.string(), z.unknown()).default({}),
    /** `taskKey` for a task of the same unit, `unitKey/taskKey` for a task of another unit of the stage. */
    dependsOn: z.array(z.string().min(1)).default([]),
    retry: RetryPolicySchema.prefault({}),
    emits: z.string().min(1).optional(),
    outputSchema: z.record(z.string(), z.unknown()).optional(),
    /** Human tasks: how long a person has once the task is ready (default 14 days); then it fails as timed out. */
    dueInMs: HumanDueSchema.optional(),
  })
  .strict();
export type TaskTemplate = z.output<typeof TaskTemplateSchema>;

export const UnitTemplateSchema = z
  .object({
    key: keySchema,
    name: z.string().min(1),
    /** Keys of other units of the same stage that must complete first. */
    dependsOn: z.array(z.string().min(1)).default([]),
    tasks: z.array(TaskTemplateSchema).min(1, 'a unit of work needs at least one task'),
  })
  .strict();
export type UnitTemplate = z.output<typeof UnitTemplateSchema>;

/** A problem in a set of templates; `path` is relative to the template array (`[1, 'tasks', 0, 'dependsOn', 2]`). */
export interface TemplateProblem {
  path: Array<string | number>;
  message: string;
}

function taskRef(unitKey: string, dep: string): string {
  return dep.includes('/') ? dep : `${unitKey}/${dep}`;
}

/** The words every cycle problem carries, so callers can tell a cycle (422) from a malformed graph (400). */
export const CYCLE_MARK = 'depend on each other in a cycle';

export function isCycleMessage(message: string): boolean {
  return message.includes(CYCLE_MARK);
}

/** Duplicate keys, dependencies on unknown units or tasks, and cycles among units or tasks. */
export function findTemplateProblems(units: readonly UnitTemplate[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const unitKeys = new Set<string>();
  units.forEach((unit, u) => {
    if (unitKeys.has(unit.key)) problems.push({ path: [u, 'key'], message: `unit key '${unit.key}' is used more than once in this stage` });
    unitKeys.add(unit.key);
  });
  const taskIds = new Set(units.flatMap((unit) => unit.tasks.map((t) => `${unit.key}/${t.key}`)));

  units.forEach((unit, u) => {
    unit.dependsOn.forEach((dep, d) => {
      if (!unitKeys.has(dep)) problems.push({ path: [u, 'dependsOn', d], message: `unit '${unit.key}' depends on unit '${dep}', which is not defined in this stage` });
    });
    const seen = new Set<string>();
    unit.tasks.forEach((task, t) => {
      if (seen.has(task.key)) problems.push({ path: [u, 'tasks', t, 'key'], message: `task key '${task.key}' is used more than once in unit '${unit.key}'` });
      seen.add(task.key);
      task.dependsOn.forEach((dep, d) => {
        if (!taskIds.has(taskRef(unit.key, dep))) {
          problems.push({
            path: [u, 'tasks', t, 'dependsOn', d],
            message: `task '${unit.key}/${task.key}' depends on '${dep}', which is not a task of this stage (use "taskKey" or "unitKey/taskKey")`,
          });
        }
      });
    });
  });
  if (problems.length > 0) return problems;

  const unitCycle = detectCycle(units.map((unit) => ({ id: unit.key, dependsOn: unit.dependsOn })));
  if (unitCycle) {
    const at = units.findIndex((unit) => unit.key === unitCycle.path[0]);
    return [{ path: [at, 'dependsOn'], message: `units ${CYCLE_MARK}: ${unitCycle.description}` }];
  }
  const graph = units.flatMap((unit) => {
    const upstream = unit.dependsOn.flatMap((dep) => units.filter((x) => x.key === dep).flatMap((x) => x.tasks.map((t) => `${x.key}/${t.key}`)));
    return unit.tasks.map((task) => ({ id: `${unit.key}/${task.key}`, dependsOn: [...task.dependsOn.map((dep) => taskRef(unit.key, dep)), ...upstream] }));
  });
  for (const problem of findDagProblems(graph)) {
    if (problem.kind !== 'cycle') continue;
    const [unitKey, taskKey] = problem.cycle.path[0]!.split('/');
    const u = units.findIndex((unit) => unit.key === unitKey);
    const t = units[u]!.tasks.findIndex((task) => task.key === taskKey);
    problems.push({ path: [u, 'tasks', t, 'dependsOn'], message: `tasks ${CYCLE_MARK}: ${problem.cycle.description}` });
  }
  return problems;
}

export interface InstantiateOptions {
  journeyId: string;
  stage: string;
  /** How many times the journey has entered this stage (1 on first entry): keeps ids unique across re-entries. */
  visit: number;
  kind: UnitKind;
  /** ISO-8601 creation instant. */
  createdAt: string;
}

export function unitId(journeyId: string, stage: string, visit: number, unitKey: string): string {
  return `${journeyId}/${stage}/${visit}/${unitKey}`;
}

/**
 * Concrete pending units from templates. Ids are deterministic (journey/stage/visit/unit/task),
 * so replaying a transition yields the same ids and each task id doubles as its idempotency key.
 */
export function instantiateUnits(templates: readonly UnitTemplate[], options: InstantiateOptions): UnitOfWork[] {
  const { journeyId, stage, visit, kind, createdAt } = options;
  const idOf = (unitKey: string) => unitId(journeyId, stage, visit, unitKey);
  return templates.map((unit) => {
    const id = idOf(unit.key);
    return {
      id,
      key: unit.key,
      name: unit.name,
      journeyId,
      stage,
      kind,
      dependencies: unit.dependsOn.map(idOf),
      status: 'pending',
      createdAt,
      startedAt: null,
      completedAt: null,
      tasks: unit.tasks.map((task) => ({
        id: `${id}/${task.key}`,
        key: task.key,
        name: task.name,
        handler: task.handler,
        kind: task.kind,
        input: task.input,
        output: null,
        dependsOn: task.dependsOn.map((dep) => {
          const [u, t] = dep.includes('/') ? dep.split('/') : [unit.key, dep];
          return `${idOf(u!)}/${t!}`;
        }),
        status: 'pending',
        retryCount: 0,
        maxRetries: task.retry.maxRetries,
        retry: withHumanDue(task.kind, task.retry, task.dueInMs),
        ...(task.emits !== undefined ? { emits: task.emits } : {}),
        ...(task.outputSchema !== undefined ? { outputSchema: task.outputSchema } : {}),
      })),
    };
  });
}

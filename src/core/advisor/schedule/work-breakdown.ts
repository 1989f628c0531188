// The work breakdown: tasks with an estimate (points or days, one person's effort) and their
// dependencies, validated field by field and cross-checked (duplicate ids, unknown ids, cycles).
import { z } from 'zod';
import type { ErrorLocation } from '../../shared/error-codes';
import { toPointer } from '../../shared/json-pointer';
import { invalidInput } from '../validate-input';
import { zodIssuesToLocations } from '../../shared/zod-errors';
import { parseDependencyRef } from './dependency-ref';
import { findCycle } from './dependency-graph';

export const taskIdSchema = z
  .string()
  .trim()
  .min(1, 'a task id must not be empty')
  .regex(/^[^\s;:]+$/, 'a task id must not contain spaces, ";" or ":"');

export const dependencySchema = z.object({
  id: taskIdSchema,
  type: z.enum(['FS', 'SS']).default('FS'),
  lag: z.number().finite().min(0, 'a lag must not be negative').default(0),
});

/** A dependency as an object or in its text form ("a", "a:SS", "a:FS+2"). */
const dependencyInputSchema = z.union([
  dependencySchema,
  z.string().transform((text, ctx) => {
    const parsed = parseDependencyRef(text);
    if (parsed.ok) return parsed.ref;
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }),
]);

export const taskSchema = z.object({
  id: taskIdSchema,
  name: z.string().trim().min(1, 'a task needs a name'),
  estimate: z
    .number({ error: 'the estimate must be a number (points or days)' })
    .finite()
    .min(0, 'the estimate must not be negative (use 0 for a milestone)')
    .max(1_000_000, 'the estimate is implausibly large (over 1,000,000)'),
  dependsOn: z.array(dependencyInputSchema).default([]),
});

export const workBreakdownSchema = z.array(taskSchema).min(1, 'a work breakdown needs at least one task');

export type Dependency = z.infer<typeof dependencySchema>;
export type Task = z.infer<typeof taskSchema>;
export type TaskInput = z.input<typeof taskSchema>;

/** A cross-reference problem found after every row parsed: which task, which field, which dependency. */
export interface ReferenceIssue {
  taskIndex: number;
  field: 'id' | 'dependsOn';
  dependencyIndex?: number;
  message: string;
}

export function checkReferences(tasks: ReadonlyArray<Task>): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const firstIndex = new Map<string, number>();
  tasks.forEach((task, i) => {
    const first = firstIndex.get(task.id);
    if (first !== undefined) {
      issues.push({ taskIndex: i, field: 'id', message: `duplicate task id "${task.id}" (first used by task ${first + 1})` });
    } else firstIndex.set(task.id, i);
  });
  tasks.forEach((task, i) => {
    const seen = new Set<string>();
    task.dependsOn.forEach((dep, d) => {
      const at = { taskIndex: i, field: 'dependsOn' as const, dependencyIndex: d };
      if (dep.id === task.id) issues.push({ ...at, message: `task "${task.id}" depends on itself` });
      else if (!firstIndex.has(dep.id)) issues.push({ ...at, message: `task "${task.id}" depends on unknown task id "${dep.id}"` });
      else if (seen.has(dep.id)) issues.push({ ...at, message: `task "${task.id}" lists "${dep.id}" more than once` });
      seen.add(dep.id);
    });
  });
  if (issues.length > 0) return issues;
  const cycle = findCycle(tasks);
  if (cycle) {
    const last = cycle[cycle.length - 2]!;
    const closing = cycle[cycle.length - 1]!;
    const taskIndex = firstIndex.get(closing)!;
    const dependencyIndex = tasks[taskIndex]!.dependsOn.findIndex((d) => d.id === last);
    issues.push({
      taskIndex,
      field: 'dependsOn',
      dependencyIndex,
      message: `dependency cycle: ${cycle.join(' → ')} (each task waits for the one before it, so none can start)`,
    });
  }
  return issues;
}

/** Validates a work breakdown given as JSON: every error with its JSON pointer, thrown as one AppError. */
export function parseWorkBreakdown(input: unknown): Task[] {
  const result = workBreakdownSchema.safeParse(input);
  if (!result.success) throw invalidInput('The work breakdown', zodIssuesToLocations(result.error.issues));
  const issues = checkReferences(result.data);
  if (issues.length > 0) throw invalidInput('The work breakdown', issues.map(referenceIssueToPointer));
  return result.data;
}

function referenceIssueToPointer(issue: ReferenceIssue): ErrorLocation {
  const path: Array<string | number> = [issue.taskIndex, issue.field];
  if (issue.dependencyIndex !== undefined) path.push(issue.dependencyIndex);
  return { pointer: toPointer(path), message: issue.message };
}

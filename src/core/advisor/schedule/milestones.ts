// Milestones of a levelled schedule: the ones the user declares (name + the tasks it waits for),
// zero-estimate tasks, and otherwise the sync points where all work in progress has finished.
import { z } from 'zod';
import { fmt } from '../format-number';
import { taskIdSchema, type Task } from './work-breakdown';
import type { LevelledTask } from './resource-leveling';

export const milestoneSchema = z.object({
  name: z.string().trim().min(1, 'a milestone needs a name'),
  after: z.array(taskIdSchema).min(1, 'a milestone must follow at least one task'),
});

export type MilestoneInput = z.infer<typeof milestoneSchema>;

export interface Milestone {
  name: string;
  at: number;
  after: string[];
  source: 'declared' | 'zero-estimate task' | 'sync point';
}

export function deriveMilestones(
  tasks: ReadonlyArray<Task>,
  schedule: ReadonlyArray<LevelledTask>,
  declared: ReadonlyArray<MilestoneInput> = [],
): Milestone[] {
  const byId = new Map(schedule.map((t) => [t.id, t]));
  const zero: Milestone[] = tasks
    .filter((t) => t.estimate === 0)
    .map((t) => ({ name: t.name, at: byId.get(t.id)!.finish, after: t.dependsOn.map((d) => d.id), source: 'zero-estimate task' }));
  const own: Milestone[] =
    declared.length > 0
      ? declared.map((m) => ({
          name: m.name,
          at: Math.max(...m.after.map((id) => byId.get(id)!.finish)),
          after: [...m.after],
          source: 'declared',
        }))
      : syncPoints(schedule);
  return [...own, ...zero].sort((a, b) => a.at - b.at);
}

/** Instants where some work finishes and nothing is half done: natural review gates. */
function syncPoints(schedule: ReadonlyArray<LevelledTask>): Milestone[] {
  const work = schedule.filter((t) => t.estimate > 0);
  const instants = [...new Set(work.map((t) => t.finish))].sort((a, b) => a - b);
  const points: Milestone[] = [];
  let previous = 0;
  for (const at of instants) {
    if (work.some((t) => t.start < at && at < t.finish)) continue;
    const done = work.filter((t) => t.finish > previous && t.finish <= at).map((t) => t.id);
    points.push({ name: `Milestone ${points.length + 1}: ${done.join(', ')} done`, at, after: done, source: 'sync point' });
    previous = at;
  }
  return points;
}

export function explainMilestones(milestones: ReadonlyArray<Milestone>): string[] {
  if (milestones.length === 0) return ['No milestone: work overlaps until the very end and none was declared.'];
  return milestones.map((m) => {
    const why = m.source === 'sync point' ? 'nothing else is in progress then' : m.source === 'declared' ? 'declared' : 'zero-estimate task';
    return `${m.name} at ${fmt(m.at)} (after ${m.after.join(', ') || 'the start'}; ${why}).`;
  });
}

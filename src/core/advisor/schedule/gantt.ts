// Gantt chart data for the portal and the reports: one bar per task, in start order,
// with who does it, whether it is critical, and the milestones as diamonds.
import type { Task } from './work-breakdown';
import type { LevelledSchedule } from './resource-leveling';
import type { Milestone } from './milestones';

export interface GanttBar {
  id: string;
  name: string;
  start: number;
  finish: number;
  assignee: string | null;
  critical: boolean;
  milestone: boolean;
  dependsOn: string[];
}

export interface GanttChart {
  duration: number;
  lanes: string[];
  bars: GanttBar[];
  milestones: Array<{ name: string; at: number }>;
}

export function ganttChart(tasks: ReadonlyArray<Task>, schedule: LevelledSchedule, milestones: ReadonlyArray<Milestone>): GanttChart {
  const deps = new Map(tasks.map((t) => [t.id, t.dependsOn.map((d) => d.id)]));
  const bars = schedule.tasks
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t.start - b.t.start || a.t.finish - b.t.finish || a.i - b.i)
    .map(({ t }) => ({
      id: t.id,
      name: t.name,
      start: t.start,
      finish: t.finish,
      assignee: t.assignee,
      critical: t.critical,
      milestone: t.estimate === 0,
      dependsOn: deps.get(t.id) ?? [],
    }));
  return {
    duration: schedule.duration,
    lanes: schedule.load.map((l) => l.person),
    bars,
    milestones: milestones.map((m) => ({ name: m.name, at: m.at })),
  };
}

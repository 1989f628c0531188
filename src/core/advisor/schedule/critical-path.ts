// Critical path method over the work breakdown with unlimited people: earliest and latest
// start per task, slack, and the tasks whose delay moves the finish date.
import { AppError } from '../../shared/error-codes';
import { fmt } from '../format-number';
import type { Task } from './work-breakdown';
import { topologicalOrder } from './dependency-graph';
import { backwardPass, forwardPass, type PrecedenceEdge } from './network-passes';

export interface NetworkTask {
  id: string;
  name: string;
  estimate: number;
  earliestStart: number;
  earliestFinish: number;
  latestStart: number;
  latestFinish: number;
  slack: number;
  critical: boolean;
  drivenBy: string[];
}

export interface NetworkSchedule {
  duration: number;
  /** Zero-slack tasks ordered by earliest start; when two critical branches run side by side both appear. */
  criticalPath: string[];
  tasks: NetworkTask[];
  explanation: string[];
}

export function dependencyEdges(tasks: ReadonlyArray<Task>): PrecedenceEdge[] {
  return tasks.flatMap((t) => t.dependsOn.map((d) => ({ from: d.id, to: t.id, type: d.type, lag: d.lag })));
}

/** Orders zero-slack tasks by start, then finish, then input position. */
export function orderCritical<T extends { id: string; slack: number }>(
  tasks: ReadonlyArray<T>,
  start: (t: T) => number,
  finish: (t: T) => number,
): string[] {
  return tasks
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.slack === 0)
    .sort((a, b) => start(a.t) - start(b.t) || finish(a.t) - finish(b.t) || a.i - b.i)
    .map(({ t }) => t.id);
}

/** Unit label used in explanation text. */
export function unitLabel(unit: string | undefined, amount: number): string {
  const label = unit ?? 'units';
  return `${fmt(amount)} ${amount === 1 ? label.replace(/s$/, '') : label}`;
}

export function computeCriticalPath(tasks: ReadonlyArray<Task>, unit?: string): NetworkSchedule {
  const sorted = topologicalOrder(tasks);
  if (!sorted.ok) {
    throw new AppError('OW_VALIDATION', `dependency cycle: ${sorted.cycle.join(' → ')}`, [
      { field: 'depends_on', message: `dependency cycle: ${sorted.cycle.join(' → ')}` },
    ]);
  }
  const duration = new Map(tasks.map((t) => [t.id, t.estimate]));
  const edges = dependencyEdges(tasks);
  const early = forwardPass(sorted.order, duration, edges);
  const end = Math.max(0, ...[...early.values()].map((e) => e.finish));
  const late = backwardPass(sorted.order, duration, edges, end);

  const networkTasks: NetworkTask[] = tasks.map((t) => {
    const e = early.get(t.id)!;
    const l = late.get(t.id)!;
    const slack = Math.max(0, l.start - e.start);
    return {
      id: t.id,
      name: t.name,
      estimate: t.estimate,
      earliestStart: e.start,
      earliestFinish: e.finish,
      latestStart: l.start,
      latestFinish: l.finish,
      slack,
      critical: slack === 0,
      drivenBy: e.drivenBy,
    };
  });
  const criticalPath = orderCritical(networkTasks, (t) => t.earliestStart, (t) => t.earliestFinish);
  return { duration: end, criticalPath, tasks: networkTasks, explanation: explainNetwork(networkTasks, criticalPath, end, unit) };
}

function explainNetwork(tasks: NetworkTask[], criticalPath: string[], end: number, unit?: string): string[] {
  const lines = [
    `With enough people, the work takes ${unitLabel(unit, end)}: the longest chain of dependent work is ${criticalPath.join(' → ')}.`,
    'Critical tasks have no slack: any delay on them moves the finish by the same amount.',
  ];
  const critical = tasks.filter((t) => t.critical);
  const overlapping = critical.filter((a) =>
    critical.some((b) => b !== a && a.earliestStart < b.earliestFinish && b.earliestStart < a.earliestFinish),
  );
  if (overlapping.length > 0) {
    lines.push(`${overlapping.map((t) => t.id).join(', ')} are critical at the same time: the critical path branches there.`);
  }
  for (const t of tasks.filter((x) => !x.critical)) {
    const near = end > 0 && t.slack <= end * 0.1 ? ' (near-critical: under 10% of the total duration)' : '';
    lines.push(
      `${t.id} has ${unitLabel(unit, t.slack)} of slack: it can start as late as ${fmt(t.latestStart)} instead of ${fmt(t.earliestStart)} without delaying the finish${near}.`,
    );
  }
  return lines;
}

// Resource-levelled schedule for N people: deterministic list scheduling where, whenever a
// person is free, the ready task with the least slack goes first (ties: latest start, input order).
import { fmt, pct, roundTime } from '../format-number';
import type { Task } from './work-breakdown';
import { dependencyEdges, orderCritical, unitLabel, type NetworkSchedule } from './critical-path';
import { backwardPass, forwardPass, type PrecedenceEdge } from './network-passes';

export interface LevelledTask {
  id: string;
  name: string;
  estimate: number;
  start: number;
  finish: number;
  /** How far the task can slip without delaying the finish, keeping each person's task order. */
  slack: number;
  critical: boolean;
  /** Who does it; null for a zero-estimate milestone, which needs nobody. */
  assignee: string | null;
  /** Time the task waited for a free person beyond its earliest possible start. */
  resourceDelay: number;
}

export interface PersonLoad {
  person: string;
  tasks: string[];
  busy: number;
  utilization: number;
}

export interface LevelledSchedule {
  people: number;
  duration: number;
  criticalPath: string[];
  tasks: LevelledTask[];
  load: PersonLoad[];
  explanation: string[];
}

export interface LevelingOptions {
  people: number;
  names?: ReadonlyArray<string>;
  unit?: string;
}

export function personNames(people: number, names: ReadonlyArray<string> = []): string[] {
  return Array.from({ length: people }, (_, i) => names[i]?.trim() || `Person ${i + 1}`);
}

interface Placement {
  start: number;
  finish: number;
  person: number | null;
}

export function levelResources(tasks: ReadonlyArray<Task>, network: NetworkSchedule, options: LevelingOptions): LevelledSchedule {
  const names = personNames(options.people, options.names);
  const plan = network.tasks;
  const priority = (i: number): [number, number, number] => [plan[i]!.slack, plan[i]!.latestStart, i];
  const byPriority = (a: number, b: number): number => {
    const [pa, pb] = [priority(a), priority(b)];
    return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
  };

  const placed = new Map<string, Placement>();
  const placementOrder: string[] = [];
  const freeAt = names.map(() => 0);

  /** When all dependencies of task i are placed, the earliest instant it may start; otherwise null. */
  const readyTime = (i: number): number | null => {
    let at = 0;
    for (const dep of tasks[i]!.dependsOn) {
      const p = placed.get(dep.id);
      if (!p) return null;
      at = Math.max(at, roundTime((dep.type === 'FS' ? p.finish : p.start) + dep.lag));
    }
    return at;
  };

  let now = 0;
  while (placed.size < tasks.length) {
    for (;;) {
      const ready = tasks
        .map((_, i) => i)
        .filter((i) => !placed.has(tasks[i]!.id) && (readyTime(i) ?? Infinity) <= now)
        .sort(byPriority);
      const freePerson = freeAt.findIndex((f) => f <= now);
      const next = ready.find((i) => tasks[i]!.estimate === 0 || freePerson >= 0);
      if (next === undefined) break;
      const task = tasks[next]!;
      const person = task.estimate === 0 ? null : freePerson;
      const finish = roundTime(now + task.estimate);
      if (person !== null) freeAt[person] = finish;
      placed.set(task.id, { start: now, finish, person });
      placementOrder.push(task.id);
    }
    const upcoming = [
      ...freeAt.filter((f) => f > now),
      ...tasks.flatMap((t, i) => {
        const r = placed.has(t.id) ? null : readyTime(i);
        return r !== null && r > now ? [r] : [];
      }),
    ];
    if (upcoming.length === 0) break;
    now = Math.min(...upcoming);
  }

  // Each person's consecutive tasks become finish-to-start links; slack is then measured on that network.
  const resourceEdges: PrecedenceEdge[] = names.flatMap((_, p) => {
    const own = placementOrder.filter((id) => placed.get(id)!.person === p);
    return own.slice(1).map((id, k) => ({ from: own[k]!, to: id, type: 'FS' as const, lag: 0 }));
  });
  const edges = [...dependencyEdges(tasks), ...resourceEdges];
  const durations = new Map(tasks.map((t) => [t.id, t.estimate]));
  const end = Math.max(0, ...[...placed.values()].map((p) => p.finish));
  const early = forwardPass(placementOrder, durations, edges);
  const late = backwardPass(placementOrder, durations, edges, end);

  const levelled: LevelledTask[] = tasks.map((t, i) => {
    const p = placed.get(t.id)!;
    const slack = Math.max(0, roundTime(late.get(t.id)!.start - early.get(t.id)!.start));
    return {
      id: t.id,
      name: t.name,
      estimate: t.estimate,
      start: p.start,
      finish: p.finish,
      slack,
      critical: slack === 0,
      assignee: p.person === null ? null : names[p.person]!,
      resourceDelay: roundTime(p.start - plan[i]!.earliestStart),
    };
  });
  const load: PersonLoad[] = names.map((person, p) => {
    const own = placementOrder.filter((id) => placed.get(id)!.person === p);
    const busy = roundTime(own.reduce((sum, id) => sum + durations.get(id)!, 0));
    return { person, tasks: own, busy, utilization: end > 0 ? busy / end : 0 };
  });
  const criticalPath = orderCritical(levelled, (t) => t.start, (t) => t.finish);
  const schedule = { people: names.length, duration: end, criticalPath, tasks: levelled, load, explanation: [] as string[] };
  schedule.explanation = explainLevelling(schedule, network, options.unit);
  return schedule;
}

function explainLevelling(s: LevelledSchedule, network: NetworkSchedule, unit?: string): string[] {
  const who = s.people === 1 ? '1 person' : `${s.people} people`;
  const lines = [`With ${who} the schedule takes ${unitLabel(unit, s.duration)}; the critical path alone needs ${unitLabel(unit, network.duration)}.`];
  if (s.duration > network.duration) {
    lines.push(
      `Too few people stretch it by ${unitLabel(unit, s.duration - network.duration)}: at times more tasks are ready than people, and the task with the least slack went first.`,
    );
  } else {
    lines.push(`${s.people === 1 ? 'One person is' : 'These people are'} enough to follow the critical path without waiting.`);
  }
  for (const t of s.tasks.filter((x) => x.resourceDelay > 0)) {
    lines.push(`${t.id} starts at ${fmt(t.start)} instead of ${fmt(t.start - t.resourceDelay)}: it waited ${unitLabel(unit, t.resourceDelay)} for a free person.`);
  }
  lines.push(`Critical in this schedule (dependencies plus who does what): ${s.criticalPath.join(' → ')}.`);
  for (const l of s.load) {
    lines.push(
      l.tasks.length === 0
        ? `${l.person} has no task: more people than the work can use at once.`
        : `${l.person}: ${l.tasks.join(', ')} (busy ${unitLabel(unit, l.busy)}, ${pct(l.utilization)} of the schedule).`,
    );
  }
  return lines;
}

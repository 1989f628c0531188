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
  const n = tasks.length;
  // Priority rank: least slack first, then the earlier latest start, then input order.
  const rank = new Array<number>(n);
  [...Array(n).keys()]
    .sort((a, b) => plan[a]!.slack - plan[b]!.slack || plan[a]!.latestStart - plan[b]!.latestStart || a - b)
    .forEach((task, r) => (rank[task] = r));

  const index = new Map(tasks.map((t, i) => [t.id, i]));
  const successors: number[][] = tasks.map(() => []);
  const waitingFor = tasks.map((t) => t.dependsOn.length);
  tasks.forEach((t, i) => t.dependsOn.forEach((d) => successors[index.get(d.id)!]!.push(i)));

  const placed = new Map<string, Placement>();
  const placementOrder: string[] = [];
  const freeAt = names.map(() => 0);
  const readyAt = new Array<number>(n).fill(0);
  /** Tasks whose dependencies are all placed but which are not placed yet. */
  const pending: number[] = [];

  const release = (i: number): void => {
    readyAt[i] = Math.max(0, ...tasks[i]!.dependsOn.map((dep) => {
      const p = placed.get(dep.id)!;
      return roundTime((dep.type === 'FS' ? p.finish : p.start) + dep.lag);
    }));
    pending.push(i);
  };
  tasks.forEach((_, i) => waitingFor[i] === 0 && release(i));

  let now = 0;
  while (placed.size < n) {
    for (;;) {
      const freePerson = freeAt.findIndex((f) => f <= now);
      let best = -1;
      for (let k = 0; k < pending.length; k++) {
        const i = pending[k]!;
        if (readyAt[i]! > now || (tasks[i]!.estimate > 0 && freePerson < 0)) continue;
        if (best < 0 || rank[i]! < rank[pending[best]!]!) best = k;
      }
      if (best < 0) break;
      const i = pending[best]!;
      pending[best] = pending[pending.length - 1]!;
      pending.pop();
      const task = tasks[i]!;
      const person = task.estimate === 0 ? null : freePerson;
      const finish = roundTime(now + task.estimate);
      if (person !== null) freeAt[person] = finish;
      placed.set(task.id, { start: now, finish, person });
      placementOrder.push(task.id);
      for (const succ of successors[i]!) if (--waitingFor[succ]! === 0) release(succ);
    }
    let next = Infinity;
    for (const f of freeAt) if (f > now && f < next) next = f;
    for (const i of pending) if (readyAt[i]! > now && readyAt[i]! < next) next = readyAt[i]!;
    if (next === Infinity) break;
    now = next;
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

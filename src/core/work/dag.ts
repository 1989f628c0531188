// Task dependency graphs: problems (unknown or duplicate ids, cycles named in full), a stable
// topological order, and the ready set a worker may claim next.
import { z } from 'zod';

export const TaskStatusSchema = z.enum(['pending', 'running', 'completed', 'failed', 'cancelled']);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

export interface DagNode {
  readonly id: string;
  readonly dependsOn: readonly string[];
}

export interface DagCycle {
  /** The ids along the cycle, first id repeated at the end: `['a', 'b', 'c', 'a']`. */
  readonly path: string[];
  /** `a → b → c → a`, read "a depends on b, which depends on c, which depends on a". */
  readonly description: string;
}

export type DagProblem =
  | { kind: 'duplicate_id'; id: string; index: number; message: string }
  | { kind: 'unknown_dependency'; id: string; index: number; dependency: string; message: string }
  | { kind: 'cycle'; cycle: DagCycle; message: string };

export function describeCycle(path: readonly string[]): string {
  return path.join(' → ');
}

/** The first dependency cycle found (in input order), or null when the graph is acyclic. Unknown dependencies are ignored here. */
export function detectCycle(nodes: readonly DagNode[]): DagCycle | null {
  const byId = new Map<string, DagNode>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const state = new Map<string, 'visiting' | 'done'>();

  for (const root of byId.keys()) {
    if (state.has(root)) continue;
    // Iterative DFS so that long chains (thousands of tasks) cannot overflow the stack.
    const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    state.set(root, 'visiting');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const deps = byId.get(frame.id)!.dependsOn;
      if (frame.next >= deps.length) {
        state.set(frame.id, 'done');
        stack.pop();
        continue;
      }
      const dep = deps[frame.next++]!;
      if (!byId.has(dep)) continue;
      const depState = state.get(dep);
      if (depState === 'visiting') {
        const start = stack.findIndex((f) => f.id === dep);
        const path = [...stack.slice(start).map((f) => f.id), dep];
        return { path, description: describeCycle(path) };
      }
      if (depState === undefined) {
        state.set(dep, 'visiting');
        stack.push({ id: dep, next: 0 });
      }
    }
  }
  return null;
}

/** Every problem that makes the graph unrunnable: duplicate ids, dependencies on unknown ids, and a cycle. */
export function findDagProblems(nodes: readonly DagNode[]): DagProblem[] {
  const problems: DagProblem[] = [];
  const seen = new Set<string>();
  nodes.forEach((node, index) => {
    if (seen.has(node.id)) {
      problems.push({ kind: 'duplicate_id', id: node.id, index, message: `task id '${node.id}' is used more than once` });
    }
    seen.add(node.id);
  });
  const ids = new Set(nodes.map((n) => n.id));
  nodes.forEach((node, index) => {
    for (const dependency of node.dependsOn) {
      if (!ids.has(dependency)) {
        problems.push({
          kind: 'unknown_dependency',
          id: node.id,
          index,
          dependency,
          message: `'${node.id}' depends on '${dependency}', which does not exist`,
        });
      }
    }
  });
  const cycle = detectCycle(nodes);
  if (cycle) problems.push({ kind: 'cycle', cycle, message: `dependency cycle: ${cycle.description}` });
  return problems;
}

/** Dependencies before dependants; among nodes that are free at the same time, input order wins. Throws on a cycle. */
export function topologicalOrder(nodes: readonly DagNode[]): string[] {
  const cycle = detectCycle(nodes);
  if (cycle) throw new Error(`cannot order tasks: dependency cycle ${cycle.description}`);
  const ids = new Set(nodes.map((n) => n.id));
  const remaining = new Map<string, number>();
  const dependants = new Map<string, string[]>();
  for (const node of nodes) {
    const known = [...new Set(node.dependsOn)].filter((d) => ids.has(d));
    remaining.set(node.id, known.length);
    for (const dep of known) dependants.set(dep, [...(dependants.get(dep) ?? []), node.id]);
  }
  const position = new Map(nodes.map((n, i) => [n.id, i] as const));
  const ready = nodes.filter((n) => remaining.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => position.get(a)! - position.get(b)!);
    const id = ready.shift()!;
    order.push(id);
    for (const dependant of dependants.get(id) ?? []) {
      const left = remaining.get(dependant)! - 1;
      remaining.set(dependant, left);
      if (left === 0) ready.push(dependant);
    }
  }
  return order;
}

/**
 * The tasks that may start now: pending (a missing state counts as pending) and every dependency
 * completed. A dependency on an id that is not in `tasks` and has no state never counts as done.
 */
export function readySet(tasks: readonly DagNode[], states: Readonly<Record<string, TaskStatus | undefined>>): string[] {
  return tasks
    .filter((task) => (states[task.id] ?? 'pending') === 'pending')
    .filter((task) => task.dependsOn.every((dep) => states[dep] === 'completed'))
    .map((task) => task.id);
}

/**
 * The pending tasks that can never start because a dependency, directly or transitively,
 * failed or was cancelled; a worker should cancel them rather than wait forever.
 */
export function blockedSet(tasks: readonly DagNode[], states: Readonly<Record<string, TaskStatus | undefined>>): string[] {
  const byId = new Map(tasks.map((t) => [t.id, t] as const));
  const memo = new Map<string, boolean>();
  const isDead = (id: string, trail: Set<string>): boolean => {
    const status = states[id];
    if (status === 'failed' || status === 'cancelled') return true;
    if (status === 'completed' || status === 'running') return false;
    const cached = memo.get(id);
    if (cached !== undefined) return cached;
    if (trail.has(id)) return false;
    trail.add(id);
    const dead = (byId.get(id)?.dependsOn ?? []).some((dep) => isDead(dep, trail));
    trail.delete(id);
    memo.set(id, dead);
    return dead;
  };
  return tasks
    .filter((t) => (states[t.id] ?? 'pending') === 'pending')
    .filter((t) => t.dependsOn.some((dep) => isDead(dep, new Set([t.id]))))
    .map((t) => t.id);
}

// Graph questions over a work breakdown: a stable topological order and, when there is
// none, the cycle itself so the error can name it (a → b → c → a).

export interface GraphNode {
  id: string;
  dependsOn: ReadonlyArray<{ id: string }>;
}

export type TopologicalResult = { ok: true; order: string[] } | { ok: false; cycle: string[] };

/** Kahn's algorithm; among ready tasks the one listed first in the input goes first, so the order is stable. */
export function topologicalOrder(nodes: ReadonlyArray<GraphNode>): TopologicalResult {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const indegree = nodes.map(() => 0);
  const successors: number[][] = nodes.map(() => []);
  nodes.forEach((node, i) => {
    for (const dep of new Set(node.dependsOn.map((d) => d.id))) {
      const from = index.get(dep);
      if (from === undefined) continue;
      successors[from]!.push(i);
      indegree[i]! += 1;
    }
  });
  const ready = indegree.flatMap((d, i) => (d === 0 ? [i] : []));
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const next = ready.shift()!;
    order.push(nodes[next]!.id);
    for (const succ of successors[next]!) {
      indegree[succ]! -= 1;
      if (indegree[succ] === 0) ready.push(succ);
    }
  }
  if (order.length === nodes.length) return { ok: true, order };
  return { ok: false, cycle: findCycle(nodes) ?? [] };
}

/** One dependency cycle as ids with the first repeated at the end, or null when the graph is acyclic. */
export function findCycle(nodes: ReadonlyArray<GraphNode>): string[] | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];

  const visit = (id: string): string[] | null => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      if (!byId.has(dep.id)) continue;
      const seen = state.get(dep.id);
      if (seen === 'visiting') {
        // The stack holds a chain of "depends on" links; reverse it so the cycle reads in work order.
        const cycle = stack.slice(stack.indexOf(dep.id)).reverse();
        return [...cycle, cycle[0]!];
      }
      if (seen === undefined) {
        const found = visit(dep.id);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };

  for (const node of nodes) {
    if (state.has(node.id)) continue;
    const found = visit(node.id);
    if (found) return found;
  }
  return null;
}

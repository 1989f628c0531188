import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { blockedSet, detectCycle, findDagProblems, readySet, topologicalOrder, type DagNode, type TaskStatus } from '../../../src/core/work/dag';

const n = (id: string, ...dependsOn: string[]): DagNode => ({ id, dependsOn });

/** Random acyclic graphs: a node may only depend on nodes before it. */
const dagArb = fc.integer({ min: 1, max: 25 }).chain((size) =>
  fc.tuple(
    ...Array.from({ length: size }, (_, i) =>
      fc.subarray(Array.from({ length: i }, (_, j) => `t${j}`)).map((deps): DagNode => ({ id: `t${i}`, dependsOn: deps })),
    ),
  ),
);
const statusArb = fc.constantFrom<TaskStatus>('pending', 'running', 'completed', 'failed', 'cancelled');

describe('detectCycle', () => {
  it('names the cycle in dependency order, first id repeated', () => {
    const cycle = detectCycle([n('a', 'b'), n('b', 'c'), n('c', 'a'), n('d')]);
    expect(cycle).toEqual({ path: ['a', 'b', 'c', 'a'], description: 'a → b → c → a' });
  });

  it('finds a self-dependency and a cycle not reachable from the first node', () => {
    expect(detectCycle([n('x', 'x')])?.description).toBe('x → x');
    expect(detectCycle([n('a'), n('b', 'a'), n('c', 'd'), n('d', 'c')])?.description).toBe('c → d → c');
  });

  it('returns null for acyclic graphs and ignores unknown dependencies', () => {
    expect(detectCycle([n('a'), n('b', 'a'), n('c', 'a', 'b', 'ghost')])).toBeNull();
  });

  it('handles a chain of 20,000 tasks without overflowing the stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => n(`t${i}`, ...(i > 0 ? [`t${i - 1}`] : [])));
    expect(detectCycle(chain)).toBeNull();
    chain[0] = n('t0', 't19999');
    expect(detectCycle(chain)?.path).toHaveLength(20_001);
  });

  it('finds no cycle in random DAGs, and a real one once a back edge is added (property)', () => {
    fc.assert(
      fc.property(dagArb, fc.nat(), fc.nat(), (nodes, a, b) => {
        expect(detectCycle(nodes)).toBeNull();
        const lo = Math.min(a % nodes.length, b % nodes.length);
        const hi = Math.max(a % nodes.length, b % nodes.length);
        // Make lo depend on hi while keeping a path hi → … → lo.
        const withChain = nodes.map((node, i) => (i > lo && i <= hi ? { ...node, dependsOn: [...node.dependsOn, `t${i - 1}`] } : node));
        const cyclic = withChain.map((node, i) => (i === lo ? { ...node, dependsOn: [...node.dependsOn, `t${hi}`] } : node));
        const cycle = detectCycle(cyclic);
        expect(cycle).not.toBeNull();
        const byId = new Map(cyclic.map((x) => [x.id, x] as const));
        const path = cycle!.path;
        expect(path[0]).toBe(path[path.length - 1]);
        for (let i = 0; i + 1 < path.length; i++) expect(byId.get(path[i]!)!.dependsOn).toContain(path[i + 1]);
      }),
    );
  });
});

describe('findDagProblems', () => {
  it('lists duplicates, unknown dependencies and the cycle', () => {
    const problems = findDagProblems([n('a', 'b'), n('b', 'a'), n('a'), n('c', 'nope')]);
    expect(problems.map((p) => p.message)).toEqual([
      "task id 'a' is used more than once",
      "'c' depends on 'nope', which does not exist",
      'dependency cycle: a → b → a',
    ]);
    expect(findDagProblems([n('a'), n('b', 'a')])).toEqual([]);
  });
});

describe('topologicalOrder', () => {
  it('puts dependencies first and keeps input order among free tasks', () => {
    expect(topologicalOrder([n('deploy', 'build', 'test'), n('lint'), n('build'), n('test', 'build')])).toEqual(['lint', 'build', 'test', 'deploy']);
    expect(() => topologicalOrder([n('a', 'b'), n('b', 'a')])).toThrow('a → b → a');
  });

  it('orders every node after its dependencies (property)', () => {
    fc.assert(
      fc.property(dagArb, (nodes) => {
        const order = topologicalOrder(nodes);
        expect([...order].sort()).toEqual(nodes.map((x) => x.id).sort());
        const at = new Map(order.map((id, i) => [id, i] as const));
        for (const node of nodes) for (const dep of node.dependsOn) expect(at.get(dep)!).toBeLessThan(at.get(node.id)!);
      }),
    );
  });
});

describe('readySet', () => {
  it('returns pending tasks whose dependencies all completed', () => {
    const tasks = [n('a'), n('b', 'a'), n('c', 'a', 'b'), n('d'), n('e', 'ghost')];
    expect(readySet(tasks, {})).toEqual(['a', 'd']);
    expect(readySet(tasks, { a: 'completed', d: 'running' })).toEqual(['b']);
    expect(readySet(tasks, { a: 'completed', b: 'completed', d: 'completed' })).toEqual(['c']);
    expect(readySet(tasks, { a: 'failed' })).toEqual(['d']);
  });

  it('never contains a task with an unfinished dependency, nor a task that is not pending (property)', () => {
    fc.assert(
      fc.property(
        dagArb.chain((nodes) => fc.tuple(fc.constant(nodes), fc.array(statusArb, { minLength: nodes.length, maxLength: nodes.length }))),
        ([nodes, statuses]) => {
          const states = Object.fromEntries(nodes.map((x, i) => [x.id, statuses[i]!]));
          const ready = readySet(nodes, states);
          const byId = new Map(nodes.map((x) => [x.id, x] as const));
          for (const id of ready) {
            expect(states[id]).toBe('pending');
            for (const dep of byId.get(id)!.dependsOn) expect(states[dep]).toBe('completed');
          }
          // and it is complete: every pending task with completed dependencies is in it
          const expected = nodes.filter((x) => states[x.id] === 'pending' && x.dependsOn.every((d) => states[d] === 'completed')).map((x) => x.id);
          expect(ready).toEqual(expected);
        },
      ),
    );
  });
});

describe('blockedSet', () => {
  it('finds pending tasks that can never start because an ancestor failed or was cancelled', () => {
    const tasks = [n('a'), n('b', 'a'), n('c', 'b'), n('d'), n('e', 'd')];
    expect(blockedSet(tasks, { a: 'failed' })).toEqual(['b', 'c']);
    expect(blockedSet(tasks, { a: 'completed', d: 'cancelled' })).toEqual(['e']);
    expect(blockedSet(tasks, { a: 'running' })).toEqual([]);
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { findCycle, topologicalOrder } from '../../../../src/core/advisor/schedule/dependency-graph';
import { workBreakdownArb } from './work-arbitrary';

const node = (id: string, ...deps: string[]) => ({ id, dependsOn: deps.map((d) => ({ id: d })) });

describe('topologicalOrder', () => {
  it('puts every task after the tasks it depends on, keeping input order among ready tasks', () => {
    const result = topologicalOrder([node('c', 'a'), node('b'), node('a')]);
    expect(result).toEqual({ ok: true, order: ['b', 'a', 'c'] });
  });

  it('orders any acyclic work breakdown so dependencies come first', () => {
    fc.assert(fc.property(workBreakdownArb, (tasks) => {
      const result = topologicalOrder(tasks);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect([...result.order].sort()).toEqual(tasks.map((t) => t.id).sort());
      const position = new Map(result.order.map((id, i) => [id, i]));
      for (const t of tasks) for (const d of t.dependsOn) expect(position.get(d.id)!).toBeLessThan(position.get(t.id)!);
    }));
  });

  it('returns the cycle instead of an order when there is one', () => {
    const result = topologicalOrder([node('x'), node('a', 'c'), node('b', 'a'), node('c', 'b')]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.cycle).toEqual(['b', 'c', 'a', 'b']);
  });
});

describe('findCycle', () => {
  it('names the cycle in work order: each id depends on the one before it', () => {
    const cycle = findCycle([node('a', 'b'), node('b', 'c'), node('c', 'a')]);
    expect(cycle).toEqual(['c', 'b', 'a', 'c']);
  });

  it('finds a self-dependency', () => {
    expect(findCycle([node('a', 'a')])).toEqual(['a', 'a']);
  });

  it('finds none in an acyclic graph and ignores unknown ids', () => {
    expect(findCycle([node('a', 'zzz'), node('b', 'a')])).toBeNull();
  });

  it('finds a real cycle whenever a back edge is added to a chain', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 9 }), fc.nat(), (n, k) => {
      const nodes = Array.from({ length: n }, (_, i) => node(`n${i}`, ...(i > 0 ? [`n${i - 1}`] : [])));
      const from = k % n;
      nodes[0] = node('n0', `n${n - 1 - (from % (n - 1))}`);
      const cycle = findCycle(nodes)!;
      expect(cycle[0]).toBe(cycle[cycle.length - 1]);
      const byId = new Map(nodes.map((x) => [x.id, x]));
      for (let i = 1; i < cycle.length; i++) {
        expect(byId.get(cycle[i]!)!.dependsOn.map((d) => d.id)).toContain(cycle[i - 1]);
      }
    }));
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildHeatMap } from '../../../../src/core/advisor/risk/heat-map';

describe('buildHeatMap', () => {
  it('puts each risk in its probability × impact cell', () => {
    const map = buildHeatMap([
      { id: 'a', probability: 2, impact: 5 },
      { id: 'b', probability: 2, impact: 5 },
      { id: 'c', probability: 5, impact: 1 },
    ]);
    expect(map.matrix[4]![1]).toEqual({ probability: 2, impact: 5, score: 10, level: 'high', count: 2, ids: ['a', 'b'] });
    expect(map.matrix[0]![4]).toMatchObject({ count: 1, ids: ['c'], level: 'medium' });
    expect(map.rows[0]![1]).toBe(map.matrix[4]![1]);
    expect(map.rows[4]![0]).toMatchObject({ probability: 1, impact: 1 });
  });

  it('counts every risk exactly once', () => {
    const risks = fc.array(fc.record({ id: fc.uuid(), probability: fc.integer({ min: 1, max: 5 }), impact: fc.integer({ min: 1, max: 5 }) }), { maxLength: 30 });
    fc.assert(fc.property(risks, (rs) => {
      const cells = buildHeatMap(rs).matrix.flat();
      expect(cells).toHaveLength(25);
      expect(cells.reduce((n, c) => n + c.count, 0)).toBe(rs.length);
      expect(cells.flatMap((c) => c.ids).sort()).toEqual(rs.map((r) => r.id).sort());
    }));
  });
});

import { describe, it, expect } from 'vitest';
import { backwardPass, forwardPass } from '../../../../src/core/advisor/schedule/network-passes';

describe('forwardPass and backwardPass', () => {
  // a(4) ─FS+1→ c(2); b(3) ─SS+2→ c: c may start at max(4 + 1, 0 + 2) = 5.
  const order = ['a', 'b', 'c'];
  const duration = new Map([['a', 4], ['b', 3], ['c', 2]]);
  const edges = [
    { from: 'a', to: 'c', type: 'FS' as const, lag: 1 },
    { from: 'b', to: 'c', type: 'SS' as const, lag: 2 },
  ];

  it('computes earliest times and the constraints that drive them', () => {
    const early = forwardPass(order, duration, edges);
    expect(early.get('c')).toEqual({ start: 5, finish: 7, drivenBy: ['a'] });
    expect(early.get('b')).toEqual({ start: 0, finish: 3, drivenBy: [] });
  });

  it('computes latest times that still meet the end', () => {
    const late = backwardPass(order, duration, edges, 7);
    expect(late.get('c')).toEqual({ start: 5, finish: 7 });
    expect(late.get('a')).toEqual({ start: 0, finish: 4 });
    // b only has to start 2 before c starts: latest start 3, so it may finish at 6.
    expect(late.get('b')).toEqual({ start: 3, finish: 6 });
  });
});

// The simulator: seeded determinism (byte-identical JSON), the event queue's order, the workload's
// pointed errors and server limits, and properties over random workloads: rates in [0, 1], the
// Orchestrated run never puts an agent over capacity, every created ticket counted once.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/shared/error-codes';
import { EventQueue, limitViolations, lognormal, mergeWorkload, mulberry32, parseWorkload, poisson, runBoth, simulate, type Workload } from '../../../src/core/sim';

const example = JSON.parse(readFileSync(new URL('../../../content/sim/example-workload.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const small = (over: Record<string, unknown> = {}): Workload => parseWorkload(mergeWorkload(example, { days: 5, ...over }));

describe('seeded randomness', () => {
  it('repeats a sequence for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(mulberry32(43).next()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws lognormals around their median and Poisson counts around their mean', () => {
    const rng = mulberry32(1);
    const draws = Array.from({ length: 4000 }, () => lognormal(rng, 4, 12)).sort((x, y) => x - y);
    expect(draws[2000]!).toBeGreaterThan(3.5);
    expect(draws[2000]!).toBeLessThan(4.5);
    expect(draws[3600]!).toBeGreaterThan(10);
    expect(draws[3600]!).toBeLessThan(14);
    const counts = Array.from({ length: 2000 }, () => poisson(rng, 7));
    expect(counts.reduce((s, c) => s + c, 0) / counts.length).toBeCloseTo(7, 0);
  });
});

describe('event queue', () => {
  it('pops by time, and in insertion order at the same instant', () => {
    const q = new EventQueue<string>();
    for (const [t, v] of [[5, 'e'], [1, 'a'], [3, 'c1'], [3, 'c2'], [2, 'b'], [3, 'c3']] as const) q.push(t, v);
    const out: string[] = [];
    while (q.size) out.push(q.pop()!.item);
    expect(out).toEqual(['a', 'b', 'c1', 'c2', 'c3', 'e']);
  });

  it('matches a sort on random input', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (times) => {
      const q = new EventQueue<number>();
      times.forEach((t, i) => q.push(t, i));
      const out: number[] = [];
      while (q.size) out.push(q.pop()!.item);
      expect(out).toEqual(times.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i));
    }));
  });
});

describe('workload validation', () => {
  it('names the JSON pointer of every mistake', () => {
    const err = (() => {
      try {
        parseWorkload(mergeWorkload(example, { days: 0, priorityMix: { urgent: 1, high: 0, normal: 0 }, handlingHours: { ...(example.handlingHours as object), L2: { median: 8, p90: 2 } } }));
      } catch (e) {
        return e as AppError;
      }
      throw new Error('expected an error');
    })();
    expect(err).toBeInstanceOf(AppError);
    const pointers = err.errors.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/days', '/priorityMix/low', '/handlingHours/L2/p90']));
  });

  it('reports server limits by name', () => {
    const big = parseWorkload(mergeWorkload(example, { days: 200, arrivals: { ...(example.arrivals as object), ticketsPerDay: 4000 }, team: [{ tier: 'L1', count: 600, capacity: 5 }] }));
    expect(limitViolations(big).map((e) => [e.pointer, e.message.split(':')[0]])).toEqual([
      ['/days', 'limit maxDays'],
      ['/arrivals/ticketsPerDay', 'limit maxTickets'],
      ['/team', 'limit maxAgents'],
    ]);
    expect(limitViolations(parseWorkload(example))).toEqual([]);
  });
});

describe('runs', () => {
  it('gives byte-identical JSON for the same seed and a different run for another seed', () => {
    const w = small();
    const a = JSON.stringify(runBoth(w, 11));
    expect(JSON.stringify(runBoth(w, 11))).toBe(a);
    expect(JSON.stringify(runBoth(w, 12))).not.toBe(a);
  });

  it('on the example workload, orchestration beats As-Is on every metric', () => {
    const r = runBoth(parseWorkload(example), 42);
    expect(r.asIs.ticketsCreated).toBe(r.orchestrated.ticketsCreated);
    for (const k of ['mttrHours', 'firstResponseHours', 'slaBreachRate', 'reEscalationRate'] as const) {
      expect(r.orchestrated[k]!, k).toBeLessThan(r.asIs[k]!);
    }
    expect(r.asIs.peakAgentsOverCapacity).toBeGreaterThan(0);
    expect(r.orchestrated.peakAgentsOverCapacity).toBe(0);
    expect(r.orchestrated.slaWarnings).toBeGreaterThan(0);
    expect(r.asIs.slaWarnings).toBe(0);
    expect(r.asIs.backlog).toHaveLength(30 * 24 + 1);
  });

  it('properties: rates in [0, 1], no agent over capacity when orchestrated, same arrivals in both runs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 5, max: 200 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        (seed, perDay, l1, cap, pEsc) => {
          const w = small({ days: 3, arrivals: { ...(example.arrivals as object), ticketsPerDay: perDay }, team: [{ tier: 'L1', count: l1, capacity: cap }, { tier: 'L2', count: 2, capacity: 3 }], escalationProbability: pEsc });
          const asIs = simulate(w, seed, 'as-is');
          const orch = simulate(w, seed, 'orchestrated');
          expect(orch.peakAgentsOverCapacity).toBe(0);
          expect(orch.ticketsCreated).toBe(asIs.ticketsCreated);
          for (const r of [asIs, orch]) {
            for (const rate of [r.slaBreachRate, r.reEscalationRate]) if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
            expect(r.ticketsResolved).toBeLessThanOrEqual(r.ticketsCreated);
            expect(Math.min(...r.backlog)).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

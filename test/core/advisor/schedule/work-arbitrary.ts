// fast-check generator of valid work breakdowns (acyclic by construction: a task only
// depends on tasks generated before it), listed in a shuffled order to exercise sorting.
import fc from 'fast-check';
import type { Task } from '../../../../src/core/advisor/schedule/work-breakdown';

export const workBreakdownArb: fc.Arbitrary<Task[]> = fc
  .array(
    fc.record({
      estimate: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(0.5, 1.5, 2.25)),
      deps: fc.array(
        fc.record({ pick: fc.nat(), type: fc.constantFrom('FS' as const, 'FS' as const, 'SS' as const), lag: fc.constantFrom(0, 0, 0, 1, 2.5) }),
        { maxLength: 3 },
      ),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .chain((specs) =>
    fc.shuffledSubarray(
      specs.map((spec, i) => {
        const seen = new Set<number>();
        const dependsOn = i === 0 ? [] : spec.deps.flatMap((d) => {
          const target = d.pick % i;
          if (seen.has(target)) return [];
          seen.add(target);
          return [{ id: `t${target}`, type: d.type, lag: d.lag }];
        });
        return { id: `t${i}`, name: `Task ${i}`, estimate: spec.estimate, dependsOn };
      }),
      { minLength: specs.length, maxLength: specs.length },
    ),
  );

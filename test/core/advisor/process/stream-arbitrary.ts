// fast-check generator of valid value streams for the process analyses' property tests.
import fc from 'fast-check';
import type { ValueStreamInput } from '../../../../src/core/advisor/process/process-steps';

export const streamArb: fc.Arbitrary<ValueStreamInput> = fc.record({
  availableTime: fc.option(fc.integer({ min: 60, max: 600 }), { nil: undefined }),
  demand: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
  steps: fc.array(
    fc.record({
      name: fc.stringMatching(/^[A-Z][a-z]{2,8}$/),
      processTime: fc.integer({ min: 0, max: 120 }),
      waitTime: fc.integer({ min: 0, max: 600 }),
      volume: fc.integer({ min: 0, max: 50 }),
      people: fc.integer({ min: 1, max: 4 }),
      valueAdding: fc.boolean(),
      defectRate: fc.constantFrom(0, 0, 0.05, 0.2),
      handoff: fc.boolean(),
    }),
    { minLength: 1, maxLength: 8 },
  ),
});

import { describe, it, expect } from 'vitest';
import { AppError } from '../../../../src/core/shared/error-codes';
import { checkReferences, parseWorkBreakdown } from '../../../../src/core/advisor/schedule/work-breakdown';

function errorsOf(input: unknown): AppError {
  try {
    parseWorkBreakdown(input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the work breakdown to be rejected');
}

describe('parseWorkBreakdown', () => {
  it('accepts dependencies as objects or in their text form', () => {
    const tasks = parseWorkBreakdown([
      { id: 'a', name: 'A', estimate: 3 },
      { id: 'b', name: 'B', estimate: 2, dependsOn: ['a:SS+1'] },
      { id: 'c', name: 'C', estimate: 0, dependsOn: [{ id: 'b' }] },
    ]);
    expect(tasks.map((t) => t.dependsOn)).toEqual([[], [{ id: 'a', type: 'SS', lag: 1 }], [{ id: 'b', type: 'FS', lag: 0 }]]);
  });

  it('reports every bad field with its JSON pointer', () => {
    const error = errorsOf([
      { id: '', name: 'A', estimate: 3 },
      { id: 'b', name: ' ', estimate: -1, dependsOn: ['a:XX'] },
    ]);
    expect(error.code).toBe('OW_VALIDATION');
    const pointers = error.errors.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/0/id', '/1/name', '/1/estimate', '/1/dependsOn/0']));
    expect(error.message).toContain('must not be negative');
  });

  it('names unknown ids, self-dependencies and duplicates where they occur', () => {
    const error = errorsOf([
      { id: 'a', name: 'A', estimate: 1, dependsOn: ['a'] },
      { id: 'b', name: 'B', estimate: 1, dependsOn: ['ghost'] },
      { id: 'a', name: 'A again', estimate: 1 },
    ]);
    expect(error.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/0/dependsOn/0', message: 'task "a" depends on itself' },
        { pointer: '/1/dependsOn/0', message: 'task "b" depends on unknown task id "ghost"' },
        { pointer: '/2/id', message: 'duplicate task id "a" (first used by task 1)' },
      ]),
    );
  });

  it('names the cycle', () => {
    const error = errorsOf([
      { id: 'a', name: 'A', estimate: 1, dependsOn: ['c'] },
      { id: 'b', name: 'B', estimate: 1, dependsOn: ['a'] },
      { id: 'c', name: 'C', estimate: 1, dependsOn: ['b'] },
    ]);
    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]!.message).toMatch(/dependency cycle: ([abc]) → [abc] → [abc] → \1/);
    expect(error.message).toContain('dependency cycle');
  });

  it('rejects an empty breakdown and non-arrays', () => {
    expect(errorsOf([]).message).toContain('at least one task');
    expect(errorsOf({ id: 'a' }).errors[0]!.pointer).toBe('');
  });
});

describe('checkReferences', () => {
  it('finds nothing wrong in a valid breakdown', () => {
    expect(checkReferences([
      { id: 'a', name: 'A', estimate: 1, dependsOn: [] },
      { id: 'b', name: 'B', estimate: 1, dependsOn: [{ id: 'a', type: 'FS', lag: 0 }] },
    ])).toEqual([]);
  });

  it('flags a dependency listed twice', () => {
    const issues = checkReferences([
      { id: 'a', name: 'A', estimate: 1, dependsOn: [] },
      { id: 'b', name: 'B', estimate: 1, dependsOn: [{ id: 'a', type: 'FS', lag: 0 }, { id: 'a', type: 'SS', lag: 0 }] },
    ]);
    expect(issues).toEqual([{ taskIndex: 1, field: 'dependsOn', dependencyIndex: 1, message: 'task "b" lists "a" more than once' }]);
  });
});

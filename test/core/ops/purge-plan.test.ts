import { describe, expect, it } from 'vitest';
import { BULK_LIMIT, expectedConfirmations, purgeInputSchema, purgeProblems } from '../../../src/core/ops/purge-plan';

const input = (raw: unknown) => purgeInputSchema.parse(raw);

describe('purge rules', () => {
  it('accepts the queue name or the count shown, with a reason', () => {
    expect(expectedConfirmations({ queue: 'fetch' }, 4)).toEqual(['fetch', '4']);
    expect(expectedConfirmations({}, 4)).toEqual(['4']);
    expect(purgeProblems(input({ filter: { queue: 'fetch' }, confirm: 'fetch', reason: 'poison messages' }), 4, false)).toEqual([]);
    expect(purgeProblems(input({ filter: { queue: 'fetch' }, confirm: '4', reason: 'poison messages' }), 4, false)).toEqual([]);
  });

  it('refuses a missing or wrong confirmation and a missing reason, pointing at the field', () => {
    expect(purgeProblems(input({ filter: {} }), 2, false).map((p) => p.pointer)).toEqual(['/reason', '/confirm']);
    const wrong = purgeProblems(input({ filter: {}, confirm: '3', reason: 'old junk' }), 2, false);
    expect(wrong).toEqual([{ pointer: '/confirm', message: expect.stringContaining('"3" does not confirm this purge: type "2"') }]);
    expect(purgeProblems(input({ filter: { queue: 'a' }, confirm: 'b', reason: 'old junk' }), 2, false)[0]?.message).toContain('type "a" or "2"');
  });

  it('skips the confirmation in a dry run and refuses more than the bulk limit', () => {
    expect(purgeProblems(input({}), 5, true)).toEqual([]);
    expect(purgeProblems(input({ confirm: String(BULK_LIMIT + 1), reason: 'too many' }), BULK_LIMIT + 1, false).map((p) => p.pointer)).toEqual(['/filter']);
  });

  it('rejects unknown filter fields', () => {
    expect(purgeInputSchema.safeParse({ filter: { handler: 'x' } }).success).toBe(false);
  });
});

// The bounded newest-first event list that live views render.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeEvents } from '../../../web/src/api/event-buffer';
import type { StreamEvent } from '../../../web/src/api/types';

const event = (id: number, topic = 'token.created'): StreamEvent => ({
  id,
  topic,
  key: null,
  payload: { id },
  createdAt: '2026-01-01T00:00:00.000Z',
});
const idsArb = fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 60 });

describe('mergeEvents', () => {
  it('keeps the newest events first, drops duplicates and the oldest beyond max', () => {
    const merged = mergeEvents([event(5), event(3)], [event(4), event(5), event(9)], 3);
    expect(merged.map((e) => e.id)).toEqual([9, 5, 4]);
  });

  it('keeps the copy already held when a duplicate id arrives', () => {
    const held = { ...event(7), topic: 'held' };
    expect(mergeEvents([held], [event(7, 'again')], 10)[0]?.topic).toBe('held');
  });

  it('returns exactly the top-max distinct ids of both lists, in descending order', () => {
    fc.assert(
      fc.property(idsArb, idsArb, fc.integer({ min: 1, max: 40 }), (current, incoming, max) => {
        const merged = mergeEvents(current.map((id) => event(id)), incoming.map((id) => event(id)), max);
        const expected = [...new Set([...current, ...incoming])].sort((a, b) => b - a).slice(0, max);
        expect(merged.map((e) => e.id)).toEqual(expected);
      }),
    );
  });

  it('refuses a max that is not a positive integer', () => {
    expect(() => mergeEvents([], [], 0)).toThrow('max must be an integer >= 1, got 0');
  });
});

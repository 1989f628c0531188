// Event payload previews: plain text, bounded length, never a crash on unserialisable payloads.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { summarizePayload } from '../../../web/src/format/payload-summary';

describe('summarizePayload', () => {
  it('shows objects as compact JSON and nothing for empty payloads', () => {
    expect(summarizePayload({ id: 'tok_1', role: 'viewer' })).toBe('{"id":"tok_1","role":"viewer"}');
    expect(summarizePayload('plain text')).toBe('plain text');
    expect(summarizePayload({})).toBe('');
    expect(summarizePayload(null)).toBe('');
    expect(summarizePayload(undefined)).toBe('');
  });

  it('cuts long payloads with an ellipsis at the limit', () => {
    expect(summarizePayload('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('copes with payloads JSON cannot write', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(summarizePayload(cyclic)).toBe('(payload cannot be shown)');
    expect(summarizePayload({ n: 10n })).toBe('(payload cannot be shown)');
  });

  it('never exceeds the limit for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 300 }), (value, max) => {
        expect(summarizePayload(value, max).length).toBeLessThanOrEqual(max);
      }),
    );
  });
});

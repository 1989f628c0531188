import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { findPhrase, tokenize } from '../../../src/core/advisor/phrase-matcher';

describe('tokenize', () => {
  it('lower-cases, strips accents and splits on anything but letters and digits', () => {
    expect(tokenize('Hand-off to L2: SLA breached (Café)!')).toEqual(['hand', 'off', 'to', 'l2', 'sla', 'breached', 'cafe']);
  });
});

describe('findPhrase', () => {
  const tokens = tokenize('Our escalations keep piling up because of slow hand-offs between teams');

  it('matches whole words and multi-word phrases', () => {
    expect(findPhrase(tokens, 'piling up')).toBe('piling up');
    expect(findPhrase(tokens, 'between teams')).toBe('between teams');
    expect(findPhrase(tokens, 'escalation')).toBeNull();
  });

  it('matches a starred token as a prefix', () => {
    expect(findPhrase(tokens, 'escalat*')).toBe('escalations');
    expect(findPhrase(tokens, 'hand off*')).toBe('hand offs');
    expect(findPhrase(tokens, 'slow*')).toBe('slow');
  });

  it('does not match across word boundaries inside words', () => {
    expect(findPhrase(tokenize('slack'), 'sla')).toBeNull();
    expect(findPhrase(tokenize('a risky plan'), 'risk')).toBeNull();
    expect(findPhrase(tokenize('a risky plan'), 'risk*')).toBe('risky');
  });

  it('finds any phrase that is literally part of the text', () => {
    const word = fc.stringMatching(/^[a-z]{1,6}$/);
    fc.assert(fc.property(fc.array(word, { maxLength: 6 }), fc.array(word, { minLength: 1, maxLength: 3 }), fc.array(word, { maxLength: 6 }), (before, phrase, after) => {
      const text = [...before, ...phrase, ...after].join(' ');
      expect(findPhrase(tokenize(text), phrase.join(' '))).toBe(phrase.join(' '));
    }));
  });
});

import { describe, it, expect } from 'vitest';
import { tokenize } from '../../../src/core/advisor/phrase-matcher';
import { CLARIFYING_QUESTIONS, PROBLEM_TYPE_CUES, SKILL_CUES, SKILLS, TRANSFORMATION_CUES } from '../../../src/core/advisor/router-lexicon';

describe('router lexicon', () => {
  const allCues = [...Object.values(SKILL_CUES).flat(), ...Object.values(PROBLEM_TYPE_CUES).flat(), ...TRANSFORMATION_CUES];

  it('writes every phrase in the matcher\'s own token form, with a weight of 1 to 3', () => {
    for (const cue of allCues) {
      expect([1, 2, 3]).toContain(cue.weight);
      // A phrase must survive tokenisation unchanged (apart from the prefix star), or it could never match.
      expect(tokenize(cue.phrase.replace(/\*/g, '')).join(' ')).toBe(cue.phrase.replace(/\*/g, ''));
    }
  });

  it('lists no phrase twice within a skill', () => {
    for (const skill of SKILLS) {
      const phrases = SKILL_CUES[skill].map((c) => c.phrase);
      expect(new Set(phrases).size).toBe(phrases.length);
    }
  });

  it('gives every skill clarifying questions with unique ids and a way to be answered', () => {
    for (const skill of SKILLS) {
      const qs = CLARIFYING_QUESTIONS[skill];
      expect(qs.length).toBeGreaterThanOrEqual(3);
      expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
      expect(qs.every((q) => q.answeredBy.length > 0 && q.question.endsWith('?'))).toBe(true);
    }
  });

  it('recognises deadlines and team sizes written in the problem text', () => {
    const deadline = CLARIFYING_QUESTIONS['project-management'].find((q) => q.id === 'deadline')!.textAnswer!;
    const people = CLARIFYING_QUESTIONS['project-management'].find((q) => q.id === 'people')!.textAnswer!;
    for (const text of ['by end of Q2', 'by March', 'within 6 weeks', 'by 2026-04-04', 'the deadline is tight']) expect(deadline.test(text)).toBe(true);
    expect(deadline.test('we are behind')).toBe(false);
    expect(people.test('with 3 developers')).toBe(true);
    expect(people.test('3 weeks')).toBe(false);
  });
});

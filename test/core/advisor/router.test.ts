import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../../../src/core/shared/error-codes';
import { linkPatterns, routeProblem } from '../../../src/core/advisor/router';
import { SKILL_CUES, SKILLS } from '../../../src/core/advisor/router-lexicon';
import { tokenize } from '../../../src/core/advisor/phrase-matcher';

describe('routeProblem', () => {
  it('routes a backlog problem to process optimization and shows its arithmetic', () => {
    const r = routeProblem({ problem: 'Escalated tickets wait days in the L2 queue; the backlog grows and we breach the SLA. Cut cycle time by 30%.' });
    expect(r.chosen).toBe('process-optimization');
    const process = r.scores[0]!;
    expect(process.matches.map((m) => [m.matched, m.weight])).toEqual([['cycle time', 3], ['wait', 2], ['backlog', 2], ['queue', 1]]);
    expect(process.score).toBe(8);
    expect(process.share).toBe(1);
    expect(r.explanation[0]).toBe('Route to Process Optimization: it scores 8 of 8 points.');
    expect(r.explanation).toContain('Process Optimization: 8 (100%) from "cycle time" +3, "wait" +2, "backlog" +2, "queue" +1.');
  });

  it('asks only the questions the data and the text leave open', () => {
    const bare = routeProblem({ problem: 'Plan the migration project with milestones' });
    expect(bare.chosen).toBe('project-management');
    expect(bare.questions.map((q) => q.id)).toEqual(['tasks', 'people', 'deadline']);
    const richer = routeProblem({ problem: 'Plan the migration project with milestones, due within 8 weeks', data: { tasks: [{ id: 'a' }], people: 3 } });
    expect(richer.questions).toEqual([]);
    expect(richer.answered.map((q) => q.answeredBy)).toEqual(['data: tasks', 'data: people', 'text: "within 8 weeks"']);
    expect(richer.explanation).toContain('Every clarifying question is answered.');
    // Empty data does not count as an answer.
    expect(routeProblem({ problem: 'Plan the project', data: { tasks: [], people: null } }).questions.map((q) => q.id)).toContain('tasks');
  });

  it('lets attached data point to a skill', () => {
    const r = routeProblem({ problem: 'Please have a look at this', data: { risks: [{ id: 'R1' }] } });
    expect(r.chosen).toBe('risk-management');
    expect(r.scores[0]!.matches).toEqual([{ phrase: 'risks', weight: 3, matched: 'data: risks', source: 'data' }]);
  });

  it('composes risk-aware planning and says how a tie was broken', () => {
    const r = routeProblem({ problem: 'We launch the portal by end of Q2 with 3 developers: what could go wrong?' });
    expect(r.scores.slice(0, 2).map((s) => [s.skill, s.score])).toEqual([['project-management', 4], ['risk-management', 3]]);
    expect(r.plan!.pattern).toBe('risk-aware-planning');
    // "deadline" (+3) and "risk" (+3) tie; seed 004 lists project management first.
    const tie = routeProblem({ problem: 'deadline risk' });
    expect(tie.chosen).toBe('project-management');
    expect(tie.explanation[0]).toContain('tied with Risk Management');
  });

  it('recognises library problem types', () => {
    const r = routeProblem({ problem: 'Tickets ping-pong between teams and get escalated twice; L2 is understaffed and overloaded.' });
    // Capacity 3 + 3; Escalation 3 + 2 and Handoffs 3 + 2 tie, so the library's order of types decides.
    expect(r.problemTypes.map((p) => [p.type, p.score])).toEqual([['Capacity', 6], ['Escalation', 5], ['Handoffs', 5]]);
    expect(r.problemTypes[0]!.matches.map((m) => m.matched)).toEqual(['understaffed', 'overloaded']);
  });

  it('says so when nothing matches', () => {
    const r = routeProblem({ problem: 'Hello there' });
    expect(r.chosen).toBeNull();
    expect(r.plan).toBeNull();
    expect(r.questions).toEqual([]);
    expect(r.explanation[0]).toContain('No skill matched');
  });

  it('rejects an empty problem with a located message', () => {
    try {
      routeProblem({ problem: '   ' });
      throw new Error('expected a rejection');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).errors).toEqual([{ pointer: '/problem', message: 'describe the operational problem in a sentence or more' }]);
    }
  });

  it('keeps scores honest on any text: totals add up and each match is in the text', () => {
    const vocabulary = [...new Set(Object.values(SKILL_CUES).flat().map((c) => c.phrase.replace(/\*/g, '')))];
    const words = fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.stringMatching(/^[a-z]{1,8}$/)), { minLength: 1, maxLength: 20 });
    fc.assert(fc.property(words, (ws) => {
      const text = ws.join(' ');
      const r = routeProblem({ problem: text });
      const joined = ` ${tokenize(text).join(' ')} `;
      for (const s of r.scores) {
        expect(s.score).toBe(s.matches.reduce((n, m) => n + m.weight, 0));
        for (const m of s.matches) expect(joined).toContain(` ${m.matched} `);
      }
      const total = r.scores.reduce((n, s) => n + s.score, 0);
      if (total > 0) expect(r.scores.reduce((n, s) => n + s.share, 0)).toBeCloseTo(1, 9);
      expect(r.explanation.join('\n')).not.toMatch(/undefined|NaN|null|\[object Object\]/);
    }));
  });

  it('never lowers a skill\'s score when one of its phrases is added', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z ]{1,40}$/), fc.constantFrom(...SKILLS), fc.nat(), (text, skill, k) => {
      fc.pre(text.trim() !== '');
      const cues = SKILL_CUES[skill];
      const phrase = cues[k % cues.length]!.phrase.replace(/\*/g, '');
      const score = (t: string) => routeProblem({ problem: t }).scores.find((s) => s.skill === skill)!.score;
      expect(score(`${text} ${phrase}`)).toBeGreaterThanOrEqual(score(text));
      expect(score(`${text} ${phrase}`)).toBeGreaterThan(0);
    }));
  });
});

describe('linkPatterns', () => {
  it('ranks library patterns by shared problem types', () => {
    const patterns = [
      { slug: 'a', title: 'Zeta backlog', problemTypes: ['Backlog'] },
      { slug: 'b', title: 'Escalation backlog', problemTypes: ['Backlog', 'Escalation'] },
      { slug: 'c', title: 'Onboarding', problemTypes: ['Handoffs'] },
      { slug: 'd', title: 'Alpha backlog', problemTypes: ['Backlog'] },
    ];
    const routed = routeProblem({ problem: 'Escalations pile up in the backlog' });
    expect(linkPatterns(routed.problemTypes, patterns).map((l) => [l.pattern.slug, l.sharedTypes])).toEqual([
      ['b', ['Backlog', 'Escalation']],
      ['d', ['Backlog']],
      ['a', ['Backlog']],
    ]);
    expect(linkPatterns(['Handoffs'], patterns).map((l) => l.pattern.slug)).toEqual(['c']);
  });
});

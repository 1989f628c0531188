// Old vs new batch router: the pool of commit d7a7b79 (kept in fixtures/) and today's choose the same agent with
// the same score for every ticket of random rosters and queues, for every strategy — ties, full agents,
// skills at several levels, mandatory and weighted skills, unusual weights and levels included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RoutingPool, type RoutableAgent, type RoutableTicket, type RoutingStrategy } from '../../../src/core/routing';
import { RoutingPoolBefore } from './fixtures/routing-pool-before';

const AT = Date.parse('2026-06-03T10:00:00Z');
const SKILLS = ['billing', 'network', 'sql', 'de', 'fr'];

const agentArb = (id: number): fc.Arbitrary<RoutableAgent> =>
  fc.record({
    id: fc.constantFrom(`a${String(id).padStart(3, '0')}`, `z${id}`, `a${id % 3}`),
    tier: fc.constantFrom('L1' as const, 'L2' as const, 'L3' as const),
    skills: fc.array(fc.record({ skill: fc.constantFrom(...SKILLS), level: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, -1, 2.5, 1e-300)) }), { maxLength: 4 }),
    maxConcurrent: fc.option(fc.integer({ min: 0, max: 9 })),
    status: fc.constantFrom('online' as const, 'online' as const, 'online' as const, 'away' as const),
    schedule: fc.constant(null),
    load: fc.integer({ min: 0, max: 4 }),
    lastAssignedAt: fc.option(fc.constantFrom(AT - 5, AT - 1, AT, AT + 1, 0)),
    lastActiveAt: fc.constant(null),
  });
const normalAgentArb = (id: number): fc.Arbitrary<RoutableAgent> =>
  agentArb(id).chain((a) => fc.uniqueArray(fc.record({ skill: fc.constantFrom(...SKILLS), level: fc.integer({ min: 1, max: 5 }) }), { selector: (s) => s.skill, maxLength: 4 }).map((skills) => ({ ...a, skills })));
const ticketArb: fc.Arbitrary<RoutableTicket> = fc.record({
  id: fc.constant('T'),
  priority: fc.constant('normal' as const),
  tier: fc.constantFrom('L1' as const, 'L2' as const, 'L3' as const),
  requiredSkills: fc.array(fc.record({ skill: fc.constantFrom(...SKILLS, 'unknown'), mandatory: fc.boolean(), weight: fc.constantFrom(0, 1, 2, 0.5, 3, -1) }), { maxLength: 3 }),
  slaDeadline: fc.constant(null),
  createdAt: fc.constant(AT),
});
const strategyArb = fc.constantFrom<RoutingStrategy>('spare-capacity', 'percent-spare', 'skills-first', 'round-robin');

function agree(agents: RoutableAgent[], tickets: RoutableTicket[], strategy: RoutingStrategy): void {
  const o = { strategy, at: AT, defaultMaxConcurrent: 3 };
  const before = new RoutingPoolBefore(agents, o);
  const after = new RoutingPool(agents, o);
  tickets.forEach((t, n) => {
    const want = before.decide(t);
    const got = after.decide(t);
    if (got.agentId !== want.agentId || !Object.is(got.score, want.score)) throw new Error(`ticket ${n}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
  });
  for (const a of agents) expect(after.loadOf(a.id)).toBe(before.loadOf(a.id));
}

describe('RoutingPool old vs new', () => {
  it('same choice and score for every ticket, roster with schema-valid skills (the indexed paths)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => normalAgentArb(i)))),
        fc.array(ticketArb, { maxLength: 80 }),
        strategyArb,
        (agents, tickets, strategy) => agree(agents, tickets, strategy),
      ),
      { numRuns: 70 },
    );
  });

  it('same choice and score with duplicate skills, zero, negative and tiny levels, duplicate ids', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => agentArb(i)))),
        fc.array(ticketArb, { maxLength: 60 }),
        strategyArb,
        (agents, tickets, strategy) => agree(agents, tickets, strategy),
      ),
      { numRuns: 100 },
    );
  });

  it('same 5,000 choices on a 300-agent roster for each strategy', () => {
    let s = 7;
    const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const agents: RoutableAgent[] = Array.from({ length: 300 }, (_, i) => ({
      id: `a${i}`,
      tier: r() < 0.6 ? 'L1' : r() < 0.5 ? 'L2' : 'L3',
      skills: SKILLS.filter(() => r() < 0.4).map((skill) => ({ skill, level: 1 + Math.floor(r() * 5) })),
      maxConcurrent: 10 + Math.floor(r() * 20),
      status: r() < 0.9 ? 'online' : 'away',
      schedule: null,
      load: Math.floor(r() * 10),
      lastAssignedAt: r() < 0.9 ? AT - Math.floor(r() * 3_600_000) : null,
      lastActiveAt: AT,
    }));
    const tickets: RoutableTicket[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `T-${i}`,
      priority: 'normal',
      tier: r() < 0.6 ? 'L1' : r() < 0.5 ? 'L2' : 'L3',
      requiredSkills: r() < 0.6 ? [{ skill: SKILLS[Math.floor(r() * SKILLS.length)] ?? 'sql', mandatory: r() < 0.5, weight: r() < 0.8 ? 1 : 0 }] : [],
      slaDeadline: null,
      createdAt: AT,
    }));
    for (const strategy of ['spare-capacity', 'percent-spare', 'skills-first', 'round-robin'] as const) agree(agents, tickets, strategy);
  });
});

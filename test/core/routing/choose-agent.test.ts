// chooseAgent (the simulator's decision, no explanation) picks exactly the agent routeToOptimalAgent
// chooses, or nobody when it queues, for random rosters, tickets and strategies — schedules, ties,
// full agents and skills included — and hands back the agent object itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseAgent, routeToOptimalAgent, type RoutableAgent, type RoutableTicket, type RoutingStrategy } from '../../../src/core/routing';

const AT = Date.parse('2026-06-03T10:00:00Z');
const SKILLS = ['billing', 'network', 'sql'];
const agentArb = (id: number): fc.Arbitrary<RoutableAgent> =>
  fc.record({
    id: fc.constant(`a${String(id).padStart(3, '0')}`),
    tier: fc.constantFrom('L1' as const, 'L2' as const),
    skills: fc.uniqueArray(fc.record({ skill: fc.constantFrom(...SKILLS), level: fc.integer({ min: 1, max: 5 }) }), { selector: (s) => s.skill, maxLength: 3 }),
    maxConcurrent: fc.option(fc.integer({ min: 0, max: 4 })),
    status: fc.constantFrom('online' as const, 'online' as const, 'away' as const, 'offline' as const),
    schedule: fc.option(fc.record({ timeZone: fc.constantFrom('UTC', 'Asia/Tokyo'), hours: fc.array(fc.record({ day: fc.integer({ min: 0, max: 6 }), start: fc.constantFrom('00:00', '08:00'), end: fc.constantFrom('12:00', '24:00') }), { maxLength: 3 }) }), { nil: null }),
    load: fc.integer({ min: 0, max: 5 }),
    lastAssignedAt: fc.option(fc.constantFrom(AT - 10, AT - 1, AT), { nil: null }),
    lastActiveAt: fc.constant(null),
  });
const ticketArb: fc.Arbitrary<RoutableTicket> = fc.record({
  id: fc.constant('T-1'),
  priority: fc.constantFrom('urgent' as const, 'normal' as const),
  tier: fc.constantFrom('L1' as const, 'L2' as const),
  requiredSkills: fc.uniqueArray(fc.record({ skill: fc.constantFrom(...SKILLS, 'unknown'), mandatory: fc.boolean(), weight: fc.integer({ min: 0, max: 3 }) }), { selector: (s) => s.skill, maxLength: 2 }),
  slaDeadline: fc.constant(null),
  createdAt: fc.constant(AT),
});

describe('chooseAgent', () => {
  it('chooses as routeToOptimalAgent does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => agentArb(i)))),
        ticketArb,
        fc.constantFrom<RoutingStrategy>('spare-capacity', 'percent-spare', 'skills-first', 'round-robin'),
        (agents, ticket, strategy) => {
          const o = { strategy, at: AT, defaultMaxConcurrent: 3 };
          const chosen = chooseAgent(ticket, new Set(agents), o);
          expect(chosen?.id ?? null).toBe(routeToOptimalAgent(ticket, agents, o).chosenAgentId);
          if (chosen) expect(agents.includes(chosen)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

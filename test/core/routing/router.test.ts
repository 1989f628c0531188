// The Smart Router's rules: capacity, eligibility (status, schedule, tier, mandatory skills), the four
// strategies, the explained decision, the batch pool (and its sorted indexes) agreeing with single decisions, and queue order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  getAgentCapacity,
  getAvailableAgents,
  queueOrder,
  routeToOptimalAgent,
  RoutingPool,
  PRIORITY_RANK,
  isOnSchedule,
  type RoutableAgent,
  type RoutableTicket,
  type RoutingStrategy,
} from '../../../src/core/routing';

const AT = Date.parse('2026-06-03T10:00:00Z'); // a Wednesday
function agent(id: string, over: Partial<RoutableAgent> = {}): RoutableAgent {
  return { id, tier: 'L1', skills: [], maxConcurrent: null, status: 'online', schedule: null, load: 0, lastAssignedAt: null, lastActiveAt: null, ...over };
}
function ticket(over: Partial<RoutableTicket> = {}): RoutableTicket {
  return { id: 'T-1', priority: 'normal', tier: 'L1', requiredSkills: [], slaDeadline: null, createdAt: AT - 1000, ...over };
}
const opts = (strategy: RoutingStrategy = 'spare-capacity') => ({ strategy, at: AT, defaultMaxConcurrent: 5 });

describe('getAgentCapacity', () => {
  it('uses the per-agent maximum or the default, never below zero', () => {
    expect(getAgentCapacity({ maxConcurrent: null, load: 2 }, 5)).toEqual({ max: 5, load: 2, spare: 3, percentSpare: 0.6 });
    expect(getAgentCapacity({ maxConcurrent: 2, load: 4 }, 5)).toEqual({ max: 2, load: 4, spare: 0, percentSpare: 0 });
    expect(getAgentCapacity({ maxConcurrent: 0, load: 0 }, 5).percentSpare).toBe(0);
  });
});

describe('routeToOptimalAgent', () => {
  it('picks the agent with most spare capacity and explains every candidate', () => {
    const agents = [agent('a', { load: 3 }), agent('b', { load: 1 }), agent('c', { status: 'away' }), agent('d', { tier: 'L2' }), agent('e', { load: 5 })];
    const d = routeToOptimalAgent(ticket(), agents, opts());
    expect(d.chosenAgentId).toBe('b');
    expect(d.candidates.map((c) => [c.agentId, c.eligible, c.spare])).toEqual([['a', true, 2], ['b', true, 4], ['c', false, 5], ['d', false, 5], ['e', false, 0]]);
    expect(d.candidates.find((c) => c.agentId === 'c')?.reason).toBe('agent is away');
    expect(d.candidates.find((c) => c.agentId === 'd')?.reason).toMatch(/tier L2/);
    expect(d.candidates.find((c) => c.agentId === 'e')?.reason).toMatch(/at capacity \(5 of 5\)/);
    expect(d.reason).toMatch(/^b has the most spare capacity/);
  });

  it('percent-spare prefers the larger share over the larger count', () => {
    expect(routeToOptimalAgent(ticket(), [agent('big', { maxConcurrent: 10, load: 5 }), agent('small', { maxConcurrent: 2, load: 0 })], opts('spare-capacity')).chosenAgentId).toBe('big');
    expect(routeToOptimalAgent(ticket(), [agent('big', { maxConcurrent: 10, load: 5 }), agent('small', { maxConcurrent: 2, load: 0 })], opts('percent-spare')).chosenAgentId).toBe('small');
  });

  it('skills-first weighs skill levels, mandatory skills exclude', () => {
    const t = ticket({ requiredSkills: [{ skill: 'billing', mandatory: true, weight: 1 }, { skill: 'de', mandatory: false, weight: 2 }] });
    const agents = [
      agent('none', { load: 0 }),
      agent('basic', { skills: [{ skill: 'billing', level: 1 }], load: 0 }),
      agent('expert', { skills: [{ skill: 'billing', level: 3 }, { skill: 'de', level: 2 }], load: 4 }),
    ];
    const d = routeToOptimalAgent(t, agents, opts('skills-first'));
    expect(d.chosenAgentId).toBe('expert');
    expect(d.candidates.find((c) => c.agentId === 'expert')?.score).toBe(7);
    expect(d.candidates.find((c) => c.agentId === 'none')?.reason).toBe('lacks mandatory skill billing');
    expect(routeToOptimalAgent(t, agents, opts('spare-capacity')).chosenAgentId).toBe('basic');
  });

  it('round-robin picks the longest idle regardless of load, never-assigned first', () => {
    const agents = [agent('recent', { lastAssignedAt: AT - 1000 }), agent('old', { lastAssignedAt: AT - 60_000, load: 4 })];
    expect(routeToOptimalAgent(ticket(), agents, opts('round-robin')).chosenAgentId).toBe('old');
    expect(routeToOptimalAgent(ticket(), [...agents, agent('zz-new', { load: 4 })], opts('round-robin')).chosenAgentId).toBe('zz-new');
  });

  it('no eligible agent: chooses nobody and says why, as a queue, not an error', () => {
    const d = routeToOptimalAgent(ticket(), [agent('a', { load: 5 }), agent('b', { status: 'offline' })], opts());
    expect(d.chosenAgentId).toBeNull();
    expect(d.reason).toMatch(/no eligible agent \(1 at capacity, 1 offline\); the ticket waits in the queue/);
    expect(routeToOptimalAgent(ticket(), [], opts()).reason).toMatch(/no support agents exist/);
  });

  it('respects working hours in the agent time zone', () => {
    // 10:00 UTC on Wednesday is 06:00 in New York and 19:00 in Tokyo.
    const ny = { timeZone: 'America/New_York', hours: [{ day: 3, start: '09:00', end: '17:00' }] };
    const tokyo = { timeZone: 'Asia/Tokyo', hours: [{ day: 3, start: '09:00', end: '20:00' }] };
    expect(isOnSchedule(ny, AT)).toBe(false);
    expect(isOnSchedule(tokyo, AT)).toBe(true);
    const d = routeToOptimalAgent(ticket(), [agent('ny', { schedule: ny }), agent('tk', { schedule: tokyo, load: 4 })], opts());
    expect(d.chosenAgentId).toBe('tk');
    expect(d.candidates[0]?.reason).toBe('outside working hours');
  });
});

// ---- properties ----
const SKILLS = ['billing', 'network', 'de', 'sql'];
const scheduleArb = fc.option(
  fc.record({ timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Tokyo'), hours: fc.array(fc.record({ day: fc.integer({ min: 0, max: 6 }), start: fc.constantFrom('00:00', '08:00', '12:00'), end: fc.constantFrom('12:00', '18:00', '24:00') }), { maxLength: 3 }) }),
  { freq: 3 },
);
const agentArb = (id: number) =>
  fc.record({
    id: fc.constant(`a${String(id).padStart(3, '0')}`),
    tier: fc.constantFrom('L1' as const, 'L2' as const),
    skills: fc.uniqueArray(fc.record({ skill: fc.constantFrom(...SKILLS), level: fc.integer({ min: 1, max: 5 }) }), { selector: (s) => s.skill, maxLength: 3 }),
    maxConcurrent: fc.option(fc.integer({ min: 0, max: 4 })),
    status: fc.constantFrom('online' as const, 'online' as const, 'away' as const, 'offline' as const),
    schedule: scheduleArb,
    load: fc.integer({ min: 0, max: 5 }),
    lastAssignedAt: fc.option(fc.integer({ min: AT - 100_000, max: AT })),
    lastActiveAt: fc.constant(null),
  });
const agentsArb = fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => agentArb(i))));
const ticketArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }).map((s) => `T-${s}`),
  priority: fc.constantFrom('urgent' as const, 'high' as const, 'normal' as const, 'low' as const),
  tier: fc.constantFrom('L1' as const, 'L2' as const),
  requiredSkills: fc.uniqueArray(fc.record({ skill: fc.constantFrom(...SKILLS, 'unknown'), mandatory: fc.boolean(), weight: fc.integer({ min: 0, max: 3 }) }), { selector: (s) => s.skill, maxLength: 2 }),
  slaDeadline: fc.option(fc.integer({ min: AT, max: AT + 1_000_000 })),
  createdAt: fc.integer({ min: AT - 1_000_000, max: AT }),
});
const strategyArb = fc.constantFrom<RoutingStrategy>('spare-capacity', 'percent-spare', 'skills-first', 'round-robin');

function eligibleByHand(a: RoutableAgent, t: RoutableTicket): boolean {
  const cap = getAgentCapacity(a, 5);
  return a.status === 'online' && isOnSchedule(a.schedule, AT) && a.tier === t.tier && cap.load < cap.max && t.requiredSkills.every((r) => !r.mandatory || a.skills.some((s) => s.skill === r.skill));
}

describe('router properties', () => {
  it('never picks an agent offline/away, off schedule, of another tier, lacking a mandatory skill or at capacity; picks someone whenever someone qualifies', () => {
    fc.assert(
      fc.property(agentsArb, ticketArb, strategyArb, (agents, t, strategy) => {
        const d = routeToOptimalAgent(t, agents, { strategy, at: AT, defaultMaxConcurrent: 5 });
        const qualified = agents.filter((a) => eligibleByHand(a, t));
        expect(getAvailableAgents(agents, t, AT, 5).map((a) => a.id)).toEqual(qualified.map((a) => a.id));
        if (qualified.length === 0) expect(d.chosenAgentId).toBeNull();
        else {
          const chosen = agents.find((a) => a.id === d.chosenAgentId);
          expect(chosen && eligibleByHand(chosen, t)).toBe(true);
          const best = Math.max(...d.candidates.filter((c) => c.eligible).map((c) => c.score));
          expect(d.candidates.find((c) => c.agentId === d.chosenAgentId)?.score).toBe(best);
        }
        expect(d.candidates).toHaveLength(agents.length);
      }),
      { numRuns: 200 },
    );
  });

  it('the batch pool chooses as sequential single decisions do, and never assigns over capacity', () => {
    fc.assert(
      fc.property(agentsArb, fc.array(ticketArb, { maxLength: 25 }), strategyArb, (agents, tickets, strategy) => {
        const o = { strategy, at: AT, defaultMaxConcurrent: 5 };
        const pool = new RoutingPool(agents, o);
        let current = agents.map((a) => ({ ...a }));
        for (const t of tickets) {
          const single = routeToOptimalAgent(t, current, o);
          expect(pool.decide(t).agentId).toBe(single.chosenAgentId);
          current = current.map((a) => (a.id === single.chosenAgentId ? { ...a, load: a.load + 1, lastAssignedAt: AT } : a));
        }
        for (const a of agents) {
          const added = pool.loadOf(a.id) - a.load;
          expect(added >= 0 && (added === 0 || pool.loadOf(a.id) <= getAgentCapacity(a, 5).max)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  // The pool's sorted indexes (per tier, per tier × skill, by level for skills-first) must agree with the single
  // decision when agents tie everywhere, fill up and drop out, move forward or back in the order, and tickets
  // need several mandatory or weighted skills: few distinct values make ties the rule, long queues drain capacity.
  const tieAgentArb = (id: number) =>
    fc.record({
      id: fc.constant(`b${String(id).padStart(3, '0')}`),
      tier: fc.constantFrom('L1' as const, 'L2' as const, 'L3' as const),
      skills: fc.uniqueArray(fc.record({ skill: fc.constantFrom(...SKILLS), level: fc.integer({ min: 1, max: 3 }) }), { selector: (s) => s.skill, maxLength: 4 }),
      maxConcurrent: fc.option(fc.integer({ min: 0, max: 8 })),
      status: fc.constantFrom('online' as const, 'online' as const, 'online' as const, 'away' as const),
      schedule: fc.constant(null),
      load: fc.integer({ min: 0, max: 3 }),
      // at, before it, or after it (a clock skew): round-robin moves such an agent forward when assigned
      lastAssignedAt: fc.option(fc.constantFrom(AT - 2, AT - 1, AT, AT + 1)),
      lastActiveAt: fc.constant(null),
    });
  const tieTicketArb = fc.record({
    id: fc.constant('T'),
    priority: fc.constant('normal' as const),
    tier: fc.constantFrom('L1' as const, 'L2' as const, 'L3' as const),
    requiredSkills: fc.uniqueArray(fc.record({ skill: fc.constantFrom(...SKILLS, 'unknown'), mandatory: fc.boolean(), weight: fc.constantFrom(0, 1, 2, 0.5) }), { selector: (s) => s.skill, maxLength: 3 }),
    slaDeadline: fc.constant(null),
    createdAt: fc.constant(AT),
  });

  it('the pool index agrees with single decisions under heavy ties and draining capacity, score included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => tieAgentArb(i)))),
        fc.array(tieTicketArb, { maxLength: 80 }),
        strategyArb,
        (agents, tickets, strategy) => {
          const o = { strategy, at: AT, defaultMaxConcurrent: 3 };
          const pool = new RoutingPool(agents, o);
          let current = agents.map((a) => ({ ...a }));
          for (const t of tickets) {
            const single = routeToOptimalAgent(t, current, o);
            const got = pool.decide(t);
            expect(got.agentId).toBe(single.chosenAgentId);
            if (got.agentId !== null) expect(Math.round(got.score * 1000) / 1000).toBe(single.candidates.find((c) => c.agentId === got.agentId)?.score);
            current = current.map((a) => (a.id === single.chosenAgentId ? { ...a, load: a.load + 1, lastAssignedAt: AT } : a));
          }
          for (const a of current) expect(pool.loadOf(a.id)).toBe(a.load);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('queue order is priority, then SLA deadline (none last), then age', () => {
    fc.assert(
      fc.property(fc.array(ticketArb, { maxLength: 30 }), (tickets) => {
        const q = queueOrder(tickets);
        expect(q).toHaveLength(tickets.length);
        for (let i = 1; i < q.length; i++) {
          const a = q[i - 1];
          const b = q[i];
          if (!a || !b) continue;
          const pa = PRIORITY_RANK[a.priority];
          const pb = PRIORITY_RANK[b.priority];
          expect(pa).toBeLessThanOrEqual(pb);
          if (pa === pb) {
            const da = a.slaDeadline ?? Infinity;
            const db = b.slaDeadline ?? Infinity;
            expect(da).toBeLessThanOrEqual(db);
            if (da === db) expect(a.createdAt).toBeLessThanOrEqual(b.createdAt);
          }
        }
      }),
    );
  });
});

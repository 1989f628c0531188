// One discrete-event run of a support workload, As-Is or Orchestrated. As-Is pushes each ticket to the
// next agent round-robin (personal queues, worked first come first served, no SLA monitor: a stuck
// ticket escalates only when the customer chases). Orchestrated keeps one queue per tier in queue order
// and routes to the agent with most spare capacity the moment a slot frees, while an SLA monitor boosts
// tickets at the warning threshold and escalates waiting ones at breach. Both use the Smart Router's
// decision rules (chooseAgent: routeToOptimalAgent's choice without its explanation) and the SLA core's thresholds; every draw comes from the injected seed.
import { chooseAgent, compareQueueOrder, type RoutableAgent, type RoutableTicket, type Tier } from '../routing';
import { thresholdsMs, type SlaPolicySpec } from '../sla/policy';
import { PRIORITIES, type Priority } from '../metrics/definitions';
import { computeFigures } from '../metrics/ticket-figures';
import { slaCyclesFor } from '../metrics/sla-cycles';
import type { TicketFacts } from '../metrics/ticket-figures';
import { EventQueue, Heap } from './event-queue';
import { chance, lognormal, mulberry32, pickWeighted, poisson, type Rng } from './prng';
import type { Workload } from './workload';

export type SimMode = 'as-is' | 'orchestrated';
const HOUR = 3_600_000;
const TIERS: readonly Tier[] = ['L1', 'L2', 'L3'];
/** After the last arrival the run continues this long for tickets still open, then stops. */
const DRAIN_MS = 30 * 24 * HOUR;

interface SimTicket extends RoutableTicket {
  index: number;
  rng: Rng;
  needsNextTier: boolean;
  diagnosed: boolean;
  state: 'waiting' | 'working' | 'resolved';
  work: number;
  agent: SimAgent | null;
  gen: number;
  boosted: boolean;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  escalationCount: number;
  reopenCount: number;
  reopenedAfterEscalation: boolean;
}

interface SimAgent extends RoutableAgent {
  capacity: number;
  working: number;
  personal: { t: SimTicket; gen: number }[];
  head: number;
}

type SimEvent =
  | { kind: 'hour'; hour: number }
  | { kind: 'arrive'; priority: Priority }
  | { kind: 'done'; t: SimTicket; gen: number }
  | { kind: 'reopen'; t: SimTicket }
  | { kind: 'chase'; t: SimTicket; round: number }
  | { kind: 'sla'; t: SimTicket; threshold: 'fr-warning' | 'warning' | 'breach' };

export interface RunResult {
  mttrHours: number | null;
  mttrP90Hours: number | null;
  firstResponseHours: number | null;
  slaBreachRate: number | null;
  reEscalationRate: number | null;
  ticketsCreated: number;
  ticketsResolved: number;
  escalations: number;
  reopens: number;
  slaWarnings: number;
  slaBreachEscalations: number;
  /** Most agents holding more tickets than their capacity at one time (As-Is personal queues overflow). */
  peakAgentsOverCapacity: number;
  /** Open tickets at each sample instant over the simulated days. */
  backlog: number[];
}

interface Entry {
  t: SimTicket;
  gen: number;
  boosted: boolean;
}

const round = (v: number | null, digits: number) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

function slaPolicy(w: Workload): SlaPolicySpec {
  const targets = Object.fromEntries(
    PRIORITIES.map((p) => [p, { firstResponseMinutes: Math.max(1, Math.round(w.sla.firstResponseHours[p] * 60)), resolutionMinutes: Math.max(1, Math.round(w.sla.resolutionHours[p] * 60)) }]),
  ) as SlaPolicySpec['targets'];
  return { name: 'simulation', description: '', targets, warningPercent: w.sla.warningPercent, breachPercent: w.sla.breachPercent, calendarId: '24x7', escalationPolicyId: null, isDefault: false };
}

export function simulate(w: Workload, seed: number, mode: SimMode): RunResult {
  const start = Date.parse(w.startDate);
  const end = start + w.days * 24 * HOUR;
  const arrivalsRng = mulberry32(seed);
  const policy = slaPolicy(w);
  const events = new EventQueue<SimEvent>();
  const tickets: SimTicket[] = [];
  const agentsByTier = new Map<Tier, SimAgent[]>();
  const freeSlots = new Map<Tier, number>();
  const queues = new Map<Tier, Heap<Entry>>();
  // The router is asked with the agents that can win: those with the most spare slots (Orchestrated) or
  // the few assigned longest ago (As-Is round-robin). The others would score lower, so the decision is the
  // one a call with the whole team would give, at a fraction of the cost for large teams.
  const bySpare = new Map<Tier, Set<SimAgent>[]>();
  const rotation = new Map<Tier, SimAgent[]>();
  for (const g of w.team) {
    const list: SimAgent[] = [];
    for (let i = 1; i <= g.count; i++) {
      list.push({
        id: `${g.tier}-${String(i).padStart(3, '0')}`,
        tier: g.tier,
        skills: [],
        // As-Is assigns without looking at load: a personal queue has no limit.
        maxConcurrent: mode === 'as-is' ? Number.MAX_SAFE_INTEGER : g.capacity,
        status: 'online',
        schedule: null,
        load: 0,
        lastAssignedAt: null,
        lastActiveAt: null,
        capacity: g.capacity,
        working: 0,
        personal: [],
        head: 0,
      });
    }
    agentsByTier.set(g.tier, list);
    bySpare.set(g.tier, Array.from({ length: g.capacity + 1 }, (_, spare) => new Set(spare === g.capacity ? list : [])));
    rotation.set(g.tier, [...list]);
    freeSlots.set(g.tier, g.count * g.capacity);
    queues.set(g.tier, new Heap<Entry>((a, b) => (a.boosted !== b.boosted ? a.boosted : compareQueueOrder(a.t, b.t) < 0)));
  }
  const nextTier = (tier: Tier): Tier | null => TIERS.slice(TIERS.indexOf(tier) + 1).find((t) => agentsByTier.has(t)) ?? null;
  const strategy = mode === 'as-is' ? 'round-robin' : 'spare-capacity';
  const weightSum = w.arrivals.hourlyWeights.reduce((s, x) => s + x, 0);

  let now = start;
  let open = 0;
  let overCapacity = 0;
  let peakOver = 0;
  let slaWarnings = 0;
  let slaBreachEscalations = 0;
  const backlog: number[] = [];

  const drawWork = (t: SimTicket) => {
    const h = w.handlingHours[t.tier];
    t.work = lognormal(t.rng, h.median, h.p90) * HOUR;
  };

  const setLoad = (a: SimAgent, load: number) => {
    if (mode === 'orchestrated') {
      const sets = bySpare.get(a.tier)!;
      sets[Math.max(0, a.capacity - a.load)]!.delete(a);
      sets[Math.max(0, a.capacity - load)]!.add(a);
    }
    const wasOver = a.load > a.capacity;
    a.load = load;
    const isOver = a.load > a.capacity;
    if (isOver !== wasOver) overCapacity += isOver ? 1 : -1;
    if (overCapacity > peakOver) peakOver = overCapacity;
  };

  const begin = (t: SimTicket, a: SimAgent) => {
    t.state = 'working';
    t.agent = a;
    a.working += 1;
    if (mode === 'orchestrated') freeSlots.set(a.tier, freeSlots.get(a.tier)! - 1);
    let duration = t.work;
    if (t.needsNextTier && !t.diagnosed && nextTier(t.tier) !== null) duration *= w.diagnosisShare;
    if (t.firstResponseAt === null) t.firstResponseAt = now + Math.min(duration, lognormal(t.rng, w.firstResponseMinutes.median, w.firstResponseMinutes.p90) * 60_000);
    events.push(now + duration, { kind: 'done', t, gen: t.gen });
  };

  const startPersonal = (a: SimAgent) => {
    while (a.working < a.capacity && a.head < a.personal.length) {
      const e = a.personal[a.head++]!;
      if (e.gen === e.t.gen && e.t.state === 'waiting' && e.t.agent === a) begin(e.t, a);
    }
    if (a.head > 1024 && a.head * 2 > a.personal.length) {
      a.personal = a.personal.slice(a.head);
      a.head = 0;
    }
  };

  const dispatch = (tier: Tier) => {
    const queue = queues.get(tier)!;
    const agents = agentsByTier.get(tier)!;
    while (queue.size > 0 && freeSlots.get(tier)! > 0) {
      const head = queue.peek()!;
      if (head.gen !== head.t.gen || head.t.state !== 'waiting' || head.t.tier !== tier) {
        queue.pop();
        continue;
      }
      const sets = bySpare.get(tier)!;
      let top = sets.length - 1;
      while (top > 0 && sets[top]!.size === 0) top -= 1;
      const agent = chooseAgent(head.t, top > 0 ? sets[top]! : agents, { strategy, at: now, defaultMaxConcurrent: 1 });
      if (agent === null) break;
      queue.pop();
      agent.lastAssignedAt = now;
      setLoad(agent, agent.load + 1);
      begin(head.t, agent);
    }
  };

  const enqueue = (t: SimTicket) => {
    t.state = 'waiting';
    t.agent = null;
    t.gen += 1;
    if (mode === 'orchestrated') {
      queues.get(t.tier)!.push({ t, gen: t.gen, boosted: t.boosted });
      dispatch(t.tier);
      return;
    }
    const order = rotation.get(t.tier)!;
    const agent = chooseAgent(t, order.slice(0, 4), { strategy, at: now, defaultMaxConcurrent: 1 })!;
    const at = order.indexOf(agent);
    order.splice(at, 1);
    order.push(agent);
    agent.lastAssignedAt = now;
    setLoad(agent, agent.load + 1);
    t.agent = agent;
    agent.personal.push({ t, gen: t.gen });
    startPersonal(agent);
  };

  /** Takes a waiting ticket off its queue (or an agent's personal queue) before it moves. */
  const unassign = (t: SimTicket) => {
    if (mode === 'as-is' && t.agent) setLoad(t.agent, t.agent.load - 1);
    t.agent = null;
    t.gen += 1;
  };

  const escalate = (t: SimTicket): boolean => {
    const to = nextTier(t.tier);
    if (to === null) return false;
    unassign(t);
    t.tier = to;
    drawWork(t);
    enqueue(t);
    return true;
  };

  const boost = (t: SimTicket) => {
    if (t.boosted) return;
    t.boosted = true;
    if (t.state === 'waiting' && mode === 'orchestrated') {
      t.gen += 1;
      queues.get(t.tier)!.push({ t, gen: t.gen, boosted: true });
      dispatch(t.tier);
    }
  };

  const arrive = (priority: Priority) => {
    const index = tickets.length;
    const rng = mulberry32((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    const t: SimTicket = {
      id: `T-${index + 1}`,
      index,
      rng,
      priority,
      tier: 'L1',
      requiredSkills: [],
      createdAt: now,
      slaDeadline: now + thresholdsMs(policy, priority, 'resolution').breachMs,
      needsNextTier: chance(rng, w.escalationProbability),
      diagnosed: false,
      state: 'waiting',
      work: 0,
      agent: null,
      gen: 0,
      boosted: false,
      firstResponseAt: null,
      resolvedAt: null,
      escalationCount: 0,
      reopenCount: 0,
      reopenedAfterEscalation: false,
    };
    tickets.push(t);
    open += 1;
    drawWork(t);
    events.push(now + w.customerChaseHours * HOUR, { kind: 'chase', t, round: 1 });
    if (mode === 'orchestrated') {
      events.push(now + thresholdsMs(policy, priority, 'first_response').warningMs, { kind: 'sla', t, threshold: 'fr-warning' });
      const th = thresholdsMs(policy, priority, 'resolution');
      events.push(now + th.warningMs, { kind: 'sla', t, threshold: 'warning' });
      events.push(now + th.breachMs, { kind: 'sla', t, threshold: 'breach' });
    }
    enqueue(t);
  };

  const finish = (t: SimTicket) => {
    const a = t.agent!;
    a.working -= 1;
    setLoad(a, a.load - 1);
    t.agent = null;
    if (mode === 'orchestrated') freeSlots.set(a.tier, freeSlots.get(a.tier)! + 1);
    if (t.needsNextTier && !t.diagnosed && nextTier(t.tier) !== null) {
      // Diagnosis done: this one needs the next tier, a necessary escalation.
      t.diagnosed = true;
      t.escalationCount += 1;
      const to = nextTier(t.tier)!;
      t.tier = to;
      drawWork(t);
      enqueue(t);
    } else {
      t.state = 'resolved';
      t.resolvedAt = now;
      t.gen += 1;
      open -= 1;
      if (chance(t.rng, w.reopenProbability)) events.push(now + lognormal(t.rng, w.reopenAfterHours.median, w.reopenAfterHours.p90) * HOUR, { kind: 'reopen', t });
    }
    if (mode === 'as-is') startPersonal(a);
    else dispatch(a.tier);
  };

  events.push(start, { kind: 'hour', hour: 0 });
  const horizon = end + DRAIN_MS;
  while (events.size > 0) {
    const next = events.pop()!;
    if (next.time > horizon) break;
    now = next.time;
    const e = next.item;
    switch (e.kind) {
      case 'hour': {
        if (e.hour % w.sampleEveryHours === 0) backlog.push(open);
        if (e.hour >= w.days * 24) break;
        const day = new Date(now).getUTCDay();
        const factor = day === 0 || day === 6 ? w.arrivals.weekendFactor : 1;
        const n = poisson(arrivalsRng, (w.arrivals.ticketsPerDay * factor * w.arrivals.hourlyWeights[e.hour % 24]!) / weightSum);
        const times = Array.from({ length: n }, () => now + arrivalsRng.next() * HOUR).sort((a, b) => a - b);
        for (const at of times) events.push(at, { kind: 'arrive', priority: pickWeighted(arrivalsRng, w.priorityMix, PRIORITIES) });
        events.push(now + HOUR, { kind: 'hour', hour: e.hour + 1 });
        break;
      }
      case 'arrive':
        arrive(e.priority);
        break;
      case 'done':
        if (e.gen === e.t.gen && e.t.state === 'working') finish(e.t);
        break;
      case 'reopen': {
        const t = e.t;
        t.reopenCount += 1;
        if (t.escalationCount > 0) t.reopenedAfterEscalation = true;
        t.resolvedAt = null;
        open += 1;
        t.work = 0;
        drawWork(t);
        t.work *= w.reopenWorkShare;
        events.push(now + w.customerChaseHours * HOUR, { kind: 'chase', t, round: 1 });
        enqueue(t);
        break;
      }
      case 'chase': {
        const t = e.t;
        if (t.state === 'resolved') break;
        // The customer chases an unresolved ticket: a manager escalates it; a waiting one moves up a tier.
        t.escalationCount += 1;
        if (t.state === 'waiting') escalate(t);
        events.push(now + w.customerChaseHours * HOUR, { kind: 'chase', t, round: e.round + 1 });
        break;
      }
      case 'sla': {
        const t = e.t;
        if (t.state === 'resolved') break;
        if (e.threshold === 'fr-warning') {
          if (t.state === 'waiting' && (t.firstResponseAt === null || t.firstResponseAt > now)) {
            slaWarnings += 1;
            boost(t);
          }
        } else if (e.threshold === 'warning') {
          slaWarnings += 1;
          boost(t);
        } else if (t.state === 'waiting' && nextTier(t.tier) !== null) {
          t.escalationCount += 1;
          slaBreachEscalations += 1;
          t.boosted = true;
          escalate(t);
        } else boost(t);
        break;
      }
    }
  }
  const at = Math.min(now, horizon);
  const targets = { firstResponseHours: w.sla.firstResponseHours, resolutionHours: w.sla.resolutionHours };
  const facts: TicketFacts[] = tickets
    .filter((t) => t.createdAt < end)
    .map((t) => ({
      priority: t.priority,
      createdAt: t.createdAt,
      firstResponseAt: t.firstResponseAt !== null && t.firstResponseAt <= at ? t.firstResponseAt : null,
      resolvedAt: t.resolvedAt,
      escalationCount: t.escalationCount,
      reopenCount: t.reopenCount,
      reopenedAfterEscalation: t.reopenedAfterEscalation,
      slaCycles: slaCyclesFor({ priority: t.priority, createdAt: t.createdAt, firstResponseAt: t.firstResponseAt !== null && t.firstResponseAt <= at ? t.firstResponseAt : null, resolvedAt: t.resolvedAt }, targets, at),
    }));
  const f = computeFigures(facts);
  return {
    mttrHours: round(f.mttrHours.mean, 3),
    mttrP90Hours: round(f.mttrHours.p90, 3),
    firstResponseHours: round(f.firstResponseHours.mean, 3),
    slaBreachRate: round(f.slaBreachRate, 4),
    reEscalationRate: round(f.reEscalationRate, 4),
    ticketsCreated: f.tickets,
    ticketsResolved: f.resolved,
    escalations: facts.reduce((n, t) => n + t.escalationCount, 0),
    reopens: facts.reduce((n, t) => n + t.reopenCount, 0),
    slaWarnings,
    slaBreachEscalations,
    peakAgentsOverCapacity: peakOver,
    backlog,
  };
}

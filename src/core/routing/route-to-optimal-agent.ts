// One routing decision: every agent judged (eligible or why not, load, spare, score), the best eligible
// one chosen in a single pass. Ties: score, then spare slots, then longest since last assignment, then id.
import { getAgentCapacity } from './agent-capacity';
import { ineligibility } from './eligibility';
import { percentSpareScore } from './percent-spare';
import { roundRobinScore } from './round-robin';
import { isOnSchedule } from './schedule';
import { skillsFirstScore } from './skills-first';
import { spareCapacityScore } from './spare-capacity';
import type { AgentCapacity, RoutableAgent, RoutableTicket, RoutingCandidate, RoutingDecision, RoutingOptions, RoutingStrategy } from './types';

export const STRATEGY_LABELS: Record<RoutingStrategy, string> = {
  'spare-capacity': 'most spare capacity',
  'percent-spare': 'highest share of spare capacity',
  'skills-first': 'best skill match, then spare capacity',
  'round-robin': 'longest since last assignment',
};

export function strategyScore(strategy: RoutingStrategy, agent: RoutableAgent, capacity: AgentCapacity, ticket: RoutableTicket, at: number): number {
  switch (strategy) {
    case 'spare-capacity':
      return spareCapacityScore(capacity);
    case 'percent-spare':
      return percentSpareScore(capacity);
    case 'skills-first':
      return skillsFirstScore(agent, ticket);
    case 'round-robin':
      return roundRobinScore(agent, at);
  }
}

/** True when candidate a (score, spare, lastAssignedAt, id) beats b under the shared tie-break rules. */
export function beats(aScore: number, aSpare: number, aLast: number | null, aId: string, bScore: number, bSpare: number, bLast: number | null, bId: string): boolean {
  if (aScore !== bScore) return aScore > bScore;
  if (aSpare !== bSpare) return aSpare > bSpare;
  const al = aLast ?? Number.NEGATIVE_INFINITY;
  const bl = bLast ?? Number.NEGATIVE_INFINITY;
  if (al !== bl) return al < bl;
  return aId < bId;
}

function exclusionKind(why: string): string {
  if (why.startsWith('agent is ')) return why.slice('agent is '.length);
  if (why.startsWith('tier')) return 'of another tier';
  if (why.startsWith('lacks')) return 'lacking a mandatory skill';
  if (why.startsWith('at capacity')) return 'at capacity';
  return 'outside working hours';
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Candidates named one by one in a queued reason; past this the counts in brackets carry the rest. */
const NAMED_EXCLUSIONS = 10;

/**
 * Why nobody took the ticket, naming its tier (the engine passes only that tier's agents, so "no agents"
 * means the tier is empty, not the roster) and the rule that excluded each candidate.
 */
function queuedReason(ticket: RoutableTicket, candidates: ReadonlyArray<RoutingCandidate>, excluded: ReadonlyMap<string, number>): string {
  if (candidates.length === 0) return `queued: tier ${ticket.tier} has no eligible agent (no support agents exist in tier ${ticket.tier}); the ticket waits in the queue`;
  const summary = [...excluded].map(([k, n]) => `${n} ${k}`).join(', ');
  const named = candidates.slice(0, NAMED_EXCLUSIONS).map((c) => `${c.agentId}: ${c.reason}`);
  const more = candidates.length > NAMED_EXCLUSIONS ? `; and ${candidates.length - NAMED_EXCLUSIONS} more` : '';
  return `queued: tier ${ticket.tier} has no eligible agent (${summary}); the ticket waits in the queue. Excluded: ${named.join('; ')}${more}`;
}

export function routeToOptimalAgent(ticket: RoutableTicket, agents: ReadonlyArray<RoutableAgent>, opts: RoutingOptions): RoutingDecision {
  const candidates: RoutingCandidate[] = [];
  let best = -1;
  let bestScore = 0;
  let bestAgent: RoutableAgent | null = null;
  let bestSpare = 0;
  const excluded = new Map<string, number>();
  for (const agent of agents) {
    const capacity = getAgentCapacity(agent, opts.defaultMaxConcurrent);
    const why = ineligibility(agent, capacity, ticket, isOnSchedule(agent.schedule, opts.at));
    if (why !== null) {
      const kind = exclusionKind(why);
      excluded.set(kind, (excluded.get(kind) ?? 0) + 1);
      candidates.push({ agentId: agent.id, load: capacity.load, max: capacity.max, spare: capacity.spare, score: 0, eligible: false, reason: why });
      continue;
    }
    const score = strategyScore(opts.strategy, agent, capacity, ticket, opts.at);
    candidates.push({ agentId: agent.id, load: capacity.load, max: capacity.max, spare: capacity.spare, score: round(score), eligible: true, reason: 'eligible' });
    if (!bestAgent || beats(score, capacity.spare, agent.lastAssignedAt, agent.id, bestScore, bestSpare, bestAgent.lastAssignedAt, bestAgent.id)) {
      best = candidates.length - 1;
      bestAgent = agent;
      bestScore = score;
      bestSpare = capacity.spare;
    }
  }
  if (!bestAgent) return { ticketId: ticket.id, strategy: opts.strategy, chosenAgentId: null, candidates, reason: queuedReason(ticket, candidates, excluded) };
  const chosen = candidates[best];
  if (chosen) chosen.reason = `chosen: ${STRATEGY_LABELS[opts.strategy]}`;
  const eligibleCount = candidates.filter((c) => c.eligible).length;
  return {
    ticketId: ticket.id,
    strategy: opts.strategy,
    chosenAgentId: bestAgent.id,
    candidates,
    reason: `${bestAgent.id} has the ${STRATEGY_LABELS[opts.strategy]} (score ${round(bestScore)}, ${bestSpare} of ${chosen?.max ?? 0} slots free) among ${eligibleCount} eligible of ${agents.length} agents`,
  };
}

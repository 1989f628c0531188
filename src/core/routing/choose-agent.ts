// The single decision without its explanation: the same rules and tie-breaks as routeToOptimalAgent
// (eligibility, strategy score, beats()), returning the chosen agent itself and allocating no candidate
// list or reason text. For callers that route many times and keep their own loads (the simulator).
import { getAgentCapacity } from './agent-capacity';
import { ineligibility } from './eligibility';
import { beats, strategyScore } from './route-to-optimal-agent';
import { isOnSchedule } from './schedule';
import type { RoutableAgent, RoutableTicket, RoutingOptions } from './types';

export function chooseAgent<A extends RoutableAgent>(ticket: RoutableTicket, agents: Iterable<A>, opts: RoutingOptions): A | null {
  let best: A | null = null;
  let bestScore = 0;
  let bestSpare = 0;
  for (const agent of agents) {
    const capacity = getAgentCapacity(agent, opts.defaultMaxConcurrent);
    if (ineligibility(agent, capacity, ticket, isOnSchedule(agent.schedule, opts.at)) !== null) continue;
    const score = strategyScore(opts.strategy, agent, capacity, ticket, opts.at);
    if (!best || beats(score, capacity.spare, agent.lastAssignedAt, agent.id, bestScore, bestSpare, best.lastAssignedAt, best.id)) {
      best = agent;
      bestScore = score;
      bestSpare = capacity.spare;
    }
  }
  return best;
}

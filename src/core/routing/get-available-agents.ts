// The agents that may take a ticket right now: online, on schedule, of the ticket's tier,
// holding its mandatory skills, with spare capacity.
import { DEFAULT_MAX_CONCURRENT, getAgentCapacity } from './agent-capacity';
import { ineligibility } from './eligibility';
import { isOnSchedule } from './schedule';
import type { RoutableAgent, RoutableTicket } from './types';

export function getAvailableAgents(agents: ReadonlyArray<RoutableAgent>, ticket: RoutableTicket, at: number, defaultMax: number = DEFAULT_MAX_CONCURRENT): RoutableAgent[] {
  return agents.filter((a) => ineligibility(a, getAgentCapacity(a, defaultMax), ticket, isOnSchedule(a.schedule, at)) === null);
}

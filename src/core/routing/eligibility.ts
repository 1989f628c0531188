// Why an agent may or may not take a ticket: status, schedule, tier, mandatory skills, capacity —
// checked in that order so the reason given is the first rule that excludes the agent.
import type { AgentCapacity, RoutableAgent, RoutableTicket } from './types';

export function skillLevel(agent: Pick<RoutableAgent, 'skills'>, skill: string): number {
  for (const s of agent.skills) if (s.skill === skill) return s.level;
  return 0;
}

/** null when eligible, else the reason in words. A ticket goes only to agents of its own tier. */
export function ineligibility(agent: RoutableAgent, capacity: AgentCapacity, ticket: RoutableTicket, onSchedule: boolean): string | null {
  if (agent.status !== 'online') return `agent is ${agent.status}`;
  if (!onSchedule) return 'outside working hours';
  if (agent.tier !== ticket.tier) return `tier ${agent.tier}, ticket needs ${ticket.tier}`;
  for (const r of ticket.requiredSkills) {
    if (r.mandatory && skillLevel(agent, r.skill) <= 0) return `lacks mandatory skill ${r.skill}`;
  }
  if (capacity.spare <= 0) return `at capacity (${capacity.load} of ${capacity.max})`;
  return null;
}

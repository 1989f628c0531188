// Strategy "skills-first": the best skill match wins (sum of weight × level over the ticket's skills);
// spare capacity breaks ties.
import { skillLevel } from './eligibility';
import type { RoutableAgent, RoutableTicket } from './types';

export function skillsFirstScore(agent: RoutableAgent, ticket: RoutableTicket): number {
  let score = 0;
  for (const r of ticket.requiredSkills) score += r.weight * skillLevel(agent, r.skill);
  return score;
}

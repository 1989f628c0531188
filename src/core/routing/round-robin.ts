// Strategy "round-robin" (the As-Is baseline): the agent who waited longest since their last assignment wins,
// regardless of load (only capacity limits apply). Never-assigned agents come first.
import type { RoutableAgent } from './types';

export function roundRobinScore(agent: Pick<RoutableAgent, 'lastAssignedAt'>, at: number): number {
  return agent.lastAssignedAt === null ? at + 1 : at - agent.lastAssignedAt;
}

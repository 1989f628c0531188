// Strategy "spare-capacity" (the default): the agent with the most free ticket slots wins.
import type { AgentCapacity } from './types';

export function spareCapacityScore(capacity: AgentCapacity): number {
  return capacity.spare;
}

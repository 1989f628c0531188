// Strategy "percent-spare": the agent with the largest share of free slots wins, so an agent
// with 2 of 2 free beats one with 3 of 10 free (fairer across different maximums).
import type { AgentCapacity } from './types';

export function percentSpareScore(capacity: AgentCapacity): number {
  return capacity.percentSpare;
}

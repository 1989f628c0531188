// How many more tickets an agent can take: the per-agent maximum (or the default) minus current load.
import type { AgentCapacity, RoutableAgent } from './types';

/** The default maximum of concurrent tickets when neither settings nor the agent say otherwise. */
export const DEFAULT_MAX_CONCURRENT = 5;

export function getAgentCapacity(agent: Pick<RoutableAgent, 'maxConcurrent' | 'load'>, defaultMax: number = DEFAULT_MAX_CONCURRENT): AgentCapacity {
  const max = Math.max(0, agent.maxConcurrent ?? defaultMax);
  const load = Math.max(0, agent.load);
  const spare = Math.max(0, max - load);
  return { max, load, spare, percentSpare: max > 0 ? spare / max : 0 };
}

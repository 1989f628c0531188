// The Smart Router's public functions in one import.
export * from './types';
export { getAgentCapacity, DEFAULT_MAX_CONCURRENT } from './agent-capacity';
export { getAvailableAgents } from './get-available-agents';
export { routeToOptimalAgent, STRATEGY_LABELS } from './route-to-optimal-agent';
export { chooseAgent } from './choose-agent';
export { RoutingPool } from './routing-pool';
export { compareQueueOrder, queueOrder, PRIORITY_RANK } from './queue-order';
export { isOnSchedule, isKnownTimeZone } from './schedule';

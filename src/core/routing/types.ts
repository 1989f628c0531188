// The Smart Router's vocabulary: agents and tickets as the router sees them (times in epoch ms),
// the four strategies, and the decision it returns with every candidate explained.

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const TIERS = ['L1', 'L2', 'L3'] as const;
export type Tier = (typeof TIERS)[number];
export const AGENT_STATUSES = ['online', 'away', 'offline'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];
export const ROUTING_STRATEGIES = ['spare-capacity', 'percent-spare', 'skills-first', 'round-robin'] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

/** Weekly working hours in one IANA time zone; day 0 = Sunday … 6 = Saturday, times 'HH:MM' (end exclusive). */
export interface AgentSchedule {
  timeZone: string;
  hours: { day: number; start: string; end: string }[];
}

export interface AgentSkill {
  skill: string;
  /** 1 (basic) … 5 (expert) */
  level: number;
}

export interface RoutableAgent {
  id: string;
  tier: Tier;
  skills: AgentSkill[];
  /** null = the default maximum from settings */
  maxConcurrent: number | null;
  status: AgentStatus;
  /** null = always on schedule */
  schedule: AgentSchedule | null;
  /** open tickets currently assigned */
  load: number;
  lastAssignedAt: number | null;
  lastActiveAt: number | null;
}

export interface RequiredSkill {
  skill: string;
  /** mandatory skills filter agents out; weighted ones only score (skills-first) */
  mandatory: boolean;
  weight: number;
}

export interface RoutableTicket {
  id: string;
  priority: Priority;
  tier: Tier;
  requiredSkills: RequiredSkill[];
  slaDeadline: number | null;
  createdAt: number;
}

export interface RoutingCandidate {
  agentId: string;
  load: number;
  max: number;
  spare: number;
  /** the strategy's score (higher wins); 0 for ineligible agents */
  score: number;
  eligible: boolean;
  /** why the agent was eligible or not, in words */
  reason: string;
}

export interface RoutingDecision {
  ticketId: string;
  strategy: RoutingStrategy;
  chosenAgentId: string | null;
  candidates: RoutingCandidate[];
  reason: string;
}

export interface RoutingOptions {
  strategy: RoutingStrategy;
  /** decision instant, epoch ms (schedules are checked at this instant) */
  at: number;
  defaultMaxConcurrent: number;
}

export interface AgentCapacity {
  max: number;
  load: number;
  spare: number;
  /** spare ÷ max in [0, 1]; 0 when max is 0 */
  percentSpare: number;
}

// The facts the Issue Detective reads: an event history and the current rows that matter
// (tasks, gate validations, rollbacks, tickets with their SLA clocks, journeys). The engine
// gathers them for one subject; the rules only read them.
export interface DetectiveEvent {
  id: number;
  topic: string;
  key: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

export interface DetectiveTask {
  id: string;
  journeyId: string | null;
  name: string;
  handler: string;
  status: string;
  totalAttempts: number;
  lastError: string | null;
  deadLetteredAt: string | null;
}

export interface DetectiveCheck {
  name: string;
  passed: boolean;
  actual_value: number | null;
  expected_value: string;
  message: string;
}

export interface DetectiveValidation {
  id: number;
  journeyId: string;
  stage: string;
  event: string;
  targetStage: string;
  passed: boolean;
  checks: DetectiveCheck[];
  createdAt: string;
}

export interface DetectiveRollback {
  id: number;
  journeyId: string;
  fromStage: string;
  target: string;
  reason: string;
  automatic: boolean;
  startedAt: string;
}

export interface DetectiveClock {
  metric: string;
  status: 'running' | 'paused' | 'met' | 'breached';
  fraction: number;
  warningFraction: number;
  breachedAt: string | null;
  warnedAt: string | null;
}

export interface DetectiveTicket {
  id: string;
  subject: string;
  clientId: string | null;
  status: string;
  clocks: DetectiveClock[];
}

export interface DetectiveJourney {
  journeyId: string;
  clientId: string;
  status: string;
  currentStage: string;
  stageStartedAt: string;
}

export interface DetectiveOptions {
  /** Same error on a handler at least this many times is a pattern, not bad luck. */
  repeatThreshold: number;
  /** Dead-letter growth is measured over this window, against the window before it. */
  windowMs: number;
  /** Dead letters of a queue in one window at least this many, and more than the window before. */
  growthThreshold: number;
  /** An active journey with no open task in its stage for this long is stuck. */
  stuckAfterMs: number;
}

export const DEFAULT_DETECTIVE_OPTIONS: DetectiveOptions = { repeatThreshold: 3, windowMs: 3_600_000, growthThreshold: 3, stuckAfterMs: 3_600_000 };

export interface DetectiveInput {
  now: string;
  events: DetectiveEvent[];
  tasks: DetectiveTask[];
  validations: DetectiveValidation[];
  rollbacks: DetectiveRollback[];
  tickets: DetectiveTicket[];
  journeys: DetectiveJourney[];
  options?: Partial<DetectiveOptions>;
}

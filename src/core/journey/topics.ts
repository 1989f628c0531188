// Event-log topics written by journeys and tasks; the runtime emits them, metrics read them back.
export const JOURNEY_TOPICS = {
  started: 'journey.started',
  transitioned: 'journey.transitioned',
  stageEntered: 'journey.stage.entered',
  gatePassed: 'journey.gate.passed',
  /** Emitted by the runtime when it stores a rejected gate's validation result. */
  gateFailed: 'journey.gate.failed',
  rollbackStarted: 'journey.rollback.started',
  rollbackCompleted: 'journey.rollback.completed',
  completed: 'journey.completed',
  cancelled: 'journey.cancelled',
  /** Payload `{ journeyId, stage?, metrics: { name: number } }`. */
  metricsReported: 'journey.metrics.reported',
  timerFired: 'journey.timer.fired',
} as const;

/** Task payloads carry `{ journeyId, stage, unitId, taskId, attempt }`. */
export const TASK_TOPICS = {
  started: 'task.started',
  completed: 'task.completed',
  /** One attempt failed and the task will be retried. */
  attemptFailed: 'task.attempt_failed',
  /** Retries exhausted: the task is dead-lettered and its unit fails. */
  failed: 'task.failed',
  cancelled: 'task.cancelled',
} as const;

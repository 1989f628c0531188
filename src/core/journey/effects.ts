// What a transition asks the runtime to do, as data: the runtime commits them with the new
// state in one transaction and runs the work they describe as leased tasks.
import type { UnitOfWork } from '../work/unit-of-work';
import type { ValidationResult } from './exit-criteria';
import type { RollbackTarget } from './rollback-schema';
import type { RollbackEvidence } from './state';

export type JourneyEffect =
  | { type: 'create_unit_of_work'; unit: UnitOfWork }
  | { type: 'record_validation'; journeyId: string; stage: string; event: string; targetStage: string; result: ValidationResult; at: string }
  /** `id` is unique per journey, stage visit and timer, so re-scheduling the same timer is idempotent. */
  | { type: 'schedule_timer'; id: string; journeyId: string; stage: string; key: string; fireAt: string; event?: string }
  | { type: 'cancel_timers'; journeyId: string; stage: string }
  /** Stop pending and running tasks (of one stage, or of the whole journey when stage is absent). */
  | { type: 'cancel_open_work'; journeyId: string; stage?: string; reason: string }
  | { type: 'start_rollback'; journeyId: string; from: string; target: RollbackTarget; trigger: string; reason: string; automatic: boolean; evidence: RollbackEvidence[]; at: string }
  | { type: 'finish_rollback'; journeyId: string; from: string; outcome: 'resumed' | 'cancelled'; stage: string; at: string }
  | { type: 'mark_units_rolled_back'; journeyId: string; stage: string }
  | { type: 'emit_event'; topic: string; key: string; payload: Record<string, unknown> };

export type JourneyEffectType = JourneyEffect['type'];

export type RejectionKind =
  | 'not_started'
  | 'already_started'
  | 'journey_finished'
  | 'event_not_allowed'
  | 'unknown_stage'
  | 'gate_failed'
  | 'units_incomplete'
  | 'invalid_payload'
  | 'definition_mismatch';

/** Why an event was refused; state is unchanged. `allowed` lists the events the current stage accepts. */
export interface Rejection {
  kind: RejectionKind;
  event: string;
  /** null when the journey has not started. */
  stage: string | null;
  allowed: string[];
  message: string;
  /** For gate_failed: the failing validation, which the runtime stores in validation_results. */
  validation?: ValidationResult;
  /** For units_incomplete: the units not yet completed, with their status. */
  incompleteUnits?: Array<{ id: string; status: string }>;
}

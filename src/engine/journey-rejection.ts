// A refused event as a client error: 422 when a gate failed (each failing check, actual vs
// expected), 400 for a malformed request (a rollback without trigger or reason), else 409 with
// the current stage and the events it allows. The journey is unchanged in every case.
import type { Rejection } from '../core/journey/effects';
import { formatNumber } from '../core/journey/criterion';
import { AppError, type ErrorLocation } from '../core/shared/error-codes';

export class JourneyRejectedError extends AppError {
  constructor(
    readonly journeyId: string,
    readonly rejection: Rejection,
  ) {
    const code = rejection.kind === 'gate_failed' ? 'OW_GATE_FAILED' : rejection.kind === 'invalid_payload' ? 'OW_VALIDATION' : 'OW_CONFLICT';
    const stage = rejection.stage === null ? 'not started' : `stage '${rejection.stage}'`;
    const allowed = rejection.allowed.length > 0 ? rejection.allowed.join(', ') : 'none';
    // The core's message often names the allowed events already; say them once.
    const tail = /\ballowed[: ]/i.test(rejection.message) ? '' : ` Allowed events: ${allowed}.`;
    super(code, `Event '${rejection.event}' refused for journey ${journeyId} (${stage}): ${rejection.message}.${tail}`, locations(rejection));
    this.name = 'JourneyRejectedError';
  }
}

function locations(r: Rejection): ErrorLocation[] {
  if (r.validation) {
    return r.validation.checks
      .filter((c) => !c.passed)
      .map((c) => ({ field: c.name, message: `actual ${c.actual_value === null ? 'not reported' : formatNumber(c.actual_value)}, expected ${c.expected_value}` }));
  }
  if (r.incompleteUnits) return r.incompleteUnits.map((u) => ({ field: u.id, message: `unit of work is ${u.status}` }));
  return [{ field: 'type', message: r.message }];
}

/** The body extension a refused event carries: the rejection as data, for clients that act on it. */
export function rejectionBody(err: JourneyRejectedError): { journeyId: string; rejection: Rejection } {
  return { journeyId: err.journeyId, rejection: err.rejection };
}

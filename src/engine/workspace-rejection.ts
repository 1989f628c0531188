// A refused workspace step as a client error (409): the stage, what is missing, the steps allowed
// now; the rejection travels as data too so the portal can show it next to the button.
import { AppError } from '../core/shared/error-codes';
import { allowedSteps, type Rejection } from '../core/workspace/transition';
import type { Workspace } from '../core/workspace/workspace-schema';

export class WorkspaceRejectedError extends AppError {
  constructor(
    readonly workspaceId: string,
    readonly rejection: Rejection,
  ) {
    super('OW_CONFLICT', rejection.message, [
      ...rejection.missing.map((m) => ({ field: 'missing', message: m })),
      { field: 'allowed', message: rejection.allowed.length > 0 ? rejection.allowed.join(', ') : 'none: the journey is complete' },
    ]);
    this.name = 'WorkspaceRejectedError';
  }

  static fromBlockers(w: Workspace, step: string, missing: string[]): WorkspaceRejectedError {
    const allowed = allowedSteps(w.stage);
    const allowedText = allowed.length > 0 ? `allowed now: ${allowed.join(', ')}` : 'the journey is complete; no step is allowed';
    return new WorkspaceRejectedError(w.id, { step, stage: w.stage, missing, allowed, message: `step '${step}' refused for workspace ${w.id}: needs ${missing.join('; ')} (${allowedText})` });
  }
}

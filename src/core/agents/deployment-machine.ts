// The deployment state machine of one agent: provision, blue-green switch, canary start / raise /
// promote, rollback. Each command yields the next state and the history row it writes, or a
// rejection that says why (the state is then unchanged).
import { z } from 'zod';
import { DEFAULT_STEPS, ThresholdSchema, candidateShare, type CanaryFigures, type DeploymentState, type RolloutAction } from './agent-schemas';

export const StepsSchema = z
  .array(z.number().gt(0).max(100))
  .min(1)
  .max(20)
  .refine((s) => s.every((x, i) => i === 0 || x > s[i - 1]!), 'canary steps must rise strictly')
  .refine((s) => s[s.length - 1] === 100, 'the last canary step is 100 (every task on the candidate)');

/** A deployment request as the API takes it. */
export const DeployInput = z.discriminatedUnion('strategy', [
  z.strictObject({ strategy: z.literal('blue-green'), version: z.number().int().min(1), reason: z.string().trim().max(2000).optional() }),
  z.strictObject({
    strategy: z.literal('canary'),
    version: z.number().int().min(1),
    steps: StepsSchema.default([...DEFAULT_STEPS]),
    threshold: ThresholdSchema.prefault({}),
    /** Raise automatically after this many candidate successes at a step; omit to raise by hand. */
    autoRaiseAfter: z.number().int().min(1).max(100_000).optional(),
    reason: z.string().trim().max(2000).optional(),
  }),
]);
export type DeployInput = z.output<typeof DeployInput>;

export type DeploymentCommand =
  | { kind: 'provision'; version: number }
  | DeployInput
  | { kind: 'raise' }
  | { kind: 'promote' }
  | { kind: 'rollback'; reason: string; figures?: CanaryFigures };

export interface HistoryRow {
  action: RolloutAction;
  fromVersion: number | null;
  toVersion: number | null;
  strategy: 'blue-green' | 'canary' | null;
  share: number;
  reason: string;
  figures: CanaryFigures | null;
}

export type Transition = { ok: true; state: DeploymentState; row: HistoryRow; newRollout: boolean } | { ok: false; reason: string };

const reject = (reason: string): Transition => ({ ok: false, reason });

/** `newRollout`: the row starts a rollout (its id becomes the state's rolloutId). */
export function applyCommand(d: DeploymentState, c: DeploymentCommand): Transition {
  const kind = 'kind' in c ? c.kind : c.strategy;
  switch (kind) {
    case 'provision': {
      const { version } = c as { version: number };
      if (d.candidate !== null) return reject(`v${d.candidate} is in a canary: promote it or roll it back before provisioning another version`);
      if (d.stable === version) return reject(`v${version} is already the stable version`);
      return {
        ok: true,
        newRollout: true,
        state: { ...d, stable: version, previousStable: d.stable, strategy: 'blue-green', candidate: null, steps: [], stepIndex: 0, threshold: null, autoRaiseAfter: null },
        row: { action: 'provision', fromVersion: d.stable, toVersion: version, strategy: 'blue-green', share: 100, reason: 'provisioned', figures: null },
      };
    }
    case 'blue-green': {
      const bg = c as Extract<DeployInput, { strategy: 'blue-green' }>;
      if (d.candidate !== null) return reject(`v${d.candidate} is in a canary: promote it or roll it back before switching`);
      if (d.stable === bg.version) return reject(`v${bg.version} is already the stable version`);
      return {
        ok: true,
        newRollout: true,
        state: { ...d, stable: bg.version, previousStable: d.stable, strategy: 'blue-green', steps: [], stepIndex: 0, threshold: null, autoRaiseAfter: null },
        row: { action: 'blue-green', fromVersion: d.stable, toVersion: bg.version, strategy: 'blue-green', share: 100, reason: bg.reason ?? '', figures: null },
      };
    }
    case 'canary': {
      const cn = c as Extract<DeployInput, { strategy: 'canary' }>;
      if (d.stable === null) return reject('a canary needs a stable version to fall back to: provision one first');
      if (d.candidate !== null) return reject(`v${d.candidate} is already in a canary: promote it or roll it back first`);
      if (d.stable === cn.version) return reject(`v${cn.version} is the stable version; a canary tries another one`);
      const state: DeploymentState = { ...d, candidate: cn.version, strategy: 'canary', steps: [...cn.steps], stepIndex: 0, threshold: cn.threshold, autoRaiseAfter: cn.autoRaiseAfter ?? null };
      return { ok: true, newRollout: true, state, row: { action: 'canary-start', fromVersion: d.stable, toVersion: cn.version, strategy: 'canary', share: candidateShare(state), reason: cn.reason ?? '', figures: null } };
    }
    case 'raise': {
      if (d.candidate === null) return reject('no canary is running: there is nothing to raise');
      if (d.stepIndex >= d.steps.length - 1) return reject(`v${d.candidate} already takes every task (100%): promote it`);
      const state = { ...d, stepIndex: d.stepIndex + 1 };
      return { ok: true, newRollout: false, state, row: { action: 'raise', fromVersion: d.stable, toVersion: d.candidate, strategy: 'canary', share: candidateShare(state), reason: '', figures: null } };
    }
    case 'promote': {
      if (d.candidate === null) return reject('no canary is running: there is nothing to promote');
      return {
        ok: true,
        newRollout: false,
        state: { ...d, stable: d.candidate, previousStable: d.stable, candidate: null, stepIndex: 0 },
        row: { action: 'promote', fromVersion: d.stable, toVersion: d.candidate, strategy: 'canary', share: 100, reason: '', figures: null },
      };
    }
    case 'rollback': {
      const rb = c as { reason: string; figures?: CanaryFigures };
      if (rb.reason.trim() === '') return reject('a rollback needs a reason');
      // A running canary is abandoned: stable never stopped serving, so this is instant.
      if (d.candidate !== null) {
        return {
          ok: true,
          newRollout: false,
          state: { ...d, candidate: null, stepIndex: 0 },
          row: { action: 'rollback', fromVersion: d.candidate, toVersion: d.stable, strategy: d.strategy, share: 0, reason: rb.reason, figures: rb.figures ?? null },
        };
      }
      if (d.previousStable === null || d.stable === null) return reject('there is no earlier version to roll back to');
      return {
        ok: true,
        newRollout: false,
        state: { ...d, stable: d.previousStable, previousStable: null },
        row: { action: 'rollback', fromVersion: d.stable, toVersion: d.previousStable, strategy: d.strategy, share: 100, reason: rb.reason, figures: rb.figures ?? null },
      };
    }
  }
  return reject(`unknown command ${String(kind)}`);
}

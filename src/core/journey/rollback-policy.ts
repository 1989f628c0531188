// Rollback decisions: which metric rules fire (with evidence), whether a manual rollback names a
// declared trigger and a reason, and where the journey resumes once the rollback is done.
import { compare, describeExpectation, formatNumber } from './criterion';
import { failureStage, findStage, type JourneyDefinition } from './definition';
import type { MetricValues } from './exit-criteria';
import type { RollbackTarget } from './rollback-schema';
import type { JourneyState, RollbackEvidence } from './state';

export * from './rollback-schema';

/** The rules of `stage` that fire on `metrics`; a rule whose metric was not reported does not fire. */
export function evaluateRollbackTriggers(def: JourneyDefinition, stage: string, metrics: MetricValues): RollbackEvidence[] {
  const rules = findStage(def, stage)?.rollbackRules ?? [];
  return rules.flatMap((rule) => {
    const actual = Object.hasOwn(metrics, rule.metric) ? metrics[rule.metric] : undefined;
    if (actual === undefined || !Number.isFinite(actual) || !compare(actual, rule.operator, rule.threshold)) return [];
    const what = rule.description ? ` (${rule.description})` : '';
    return [
      {
        trigger: rule.trigger,
        metric: rule.metric,
        operator: rule.operator,
        threshold: rule.threshold,
        actual_value: actual,
        message: `${rule.trigger}: ${rule.metric} is ${formatNumber(actual)}, rule ${describeExpectation(rule)}${what}`,
      },
    ];
  });
}

export interface RollbackCause {
  trigger: string;
  reason: string;
  automatic: boolean;
  evidence: RollbackEvidence[];
}

/**
 * Why a rollback happens. Manual: a declared trigger plus a non-empty reason. Automatic: a
 * trigger whose metric rule fires now (or, without a trigger, the first rule that fires).
 */
export function resolveRollbackCause(
  def: JourneyDefinition,
  stage: string,
  request: { trigger?: string | undefined; reason?: string | undefined },
  metrics: MetricValues,
): { ok: true; cause: RollbackCause } | { ok: false; message: string } {
  const declared = def.rollbackTriggers.map((t) => t.id);
  const known = declared.length > 0 ? declared.join(', ') : 'none declared';
  const fired = evaluateRollbackTriggers(def, stage, metrics);
  const reason = request.reason?.trim() ?? '';
  if (request.trigger !== undefined) {
    if (!declared.includes(request.trigger)) return { ok: false, message: `unknown rollback trigger '${request.trigger}' (triggers: ${known})` };
    const evidence = fired.filter((f) => f.trigger === request.trigger);
    if (reason !== '') return { ok: true, cause: { trigger: request.trigger, reason, automatic: false, evidence } };
    if (evidence.length > 0) return { ok: true, cause: { trigger: request.trigger, reason: evidence.map((e) => e.message).join('; '), automatic: true, evidence } };
    return { ok: false, message: `a manual rollback with trigger '${request.trigger}' needs a reason (no metric rule for it fires in stage '${stage}')` };
  }
  const first = fired[0];
  if (first) {
    const evidence = fired.filter((f) => f.trigger === first.trigger);
    return { ok: true, cause: { trigger: first.trigger, reason: reason || evidence.map((e) => e.message).join('; '), automatic: reason === '', evidence } };
  }
  return { ok: false, message: `no rollback trigger given and no rollback rule of stage '${stage}' fires; send a trigger (${known}) and a reason` };
}

/**
 * Where the journey resumes: an explicit override (a stage id or "cancel") wins, then the stage's
 * policy, then the definition's. `previous` is the last stage completed before the one rolled
 * back, or that stage itself when it is the first.
 */
export function decideRollbackTarget(
  def: JourneyDefinition,
  state: Pick<JourneyState, 'currentStage' | 'completedStages'>,
  override?: string,
): { ok: true; target: RollbackTarget } | { ok: false; message: string } {
  const from = state.currentStage;
  if (override !== undefined) {
    if (override === 'cancel') return failureStage(def) ? { ok: true, target: { kind: 'cancel' } } : { ok: false, message: `definition '${def.id}' has no failure stage to cancel into` };
    const stage = findStage(def, override);
    if (!stage || stage.kind !== 'active') {
      const active = def.stages.filter((s) => s.kind === 'active').map((s) => s.id);
      return { ok: false, message: `rollback target '${override}' is not an active stage (use one of ${active.join(', ')} or "cancel")` };
    }
    return { ok: true, target: { kind: 'stage', stage: override } };
  }
  const policy = findStage(def, from)?.rollbackTarget ?? def.rollbackTarget;
  switch (policy.kind) {
    case 'cancel':
      return { ok: true, target: { kind: 'cancel' } };
    case 'stage':
      return { ok: true, target: { kind: 'stage', stage: policy.stage } };
    case 'same':
      return { ok: true, target: { kind: 'stage', stage: from } };
    case 'previous': {
      const before = state.completedStages.filter((s) => s !== from && findStage(def, s)?.kind === 'active');
      return { ok: true, target: { kind: 'stage', stage: before[before.length - 1] ?? from } };
    }
  }
}

export function describeTarget(target: RollbackTarget): string {
  return target.kind === 'cancel' ? 'cancel the journey' : `resume at '${target.stage}'`;
}

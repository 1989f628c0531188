// The canary's verdict from its recent runs: roll back when the failure rate over the last
// `window` runs reaches the threshold (once `minSample` runs exist), raise or promote after enough
// successes at the current step, else hold.
import type { CanaryFigures, DeploymentState } from './agent-schemas';

export type CanaryVerdict =
  | { kind: 'rollback'; figures: CanaryFigures; reason: string }
  | { kind: 'raise' | 'promote'; figures: CanaryFigures; successesAtStep: number }
  | { kind: 'hold'; figures: CanaryFigures };

export interface CanaryEvidence {
  /** Outcomes of the candidate's runs in this rollout, newest first (at least `window` of them if there are). */
  recent: ReadonlyArray<'succeeded' | 'failed'>;
  /** Candidate successes since the current step began. */
  successesAtStep: number;
}

export function windowFigures(d: DeploymentState, recent: ReadonlyArray<'succeeded' | 'failed'>): CanaryFigures {
  const t = d.threshold ?? { failureRate: 1, window: 1, minSample: 1 };
  const sample = recent.slice(0, t.window);
  const failures = sample.filter((o) => o === 'failed').length;
  return { failureRate: sample.length === 0 ? 0 : failures / sample.length, failures, sample: sample.length, threshold: t.failureRate, window: t.window, minSample: t.minSample };
}

export function evaluateCanary(d: DeploymentState, evidence: CanaryEvidence): CanaryVerdict {
  const figures = windowFigures(d, evidence.recent);
  if (d.candidate === null || d.strategy !== 'canary') return { kind: 'hold', figures };
  if (figures.sample >= figures.minSample && figures.failureRate >= figures.threshold) {
    const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
    return {
      kind: 'rollback',
      figures,
      reason: `automatic rollback: v${d.candidate} failed ${figures.failures} of its last ${figures.sample} runs (${pct(figures.failureRate)} ≥ threshold ${pct(figures.threshold)})`,
    };
  }
  if (d.autoRaiseAfter !== null && evidence.successesAtStep >= d.autoRaiseAfter) {
    return { kind: d.stepIndex >= d.steps.length - 1 ? 'promote' : 'raise', figures, successesAtStep: evidence.successesAtStep };
  }
  return { kind: 'hold', figures };
}

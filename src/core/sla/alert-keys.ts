// De-duplication of alerts: one alert per ticket × metric × threshold, whichever process fires it.
import type { FiredThreshold } from './clock-state';
import type { SlaMetric } from './policy';

export type AlertThreshold = 'warning' | 'breach' | `escalation-${number}`;

export function thresholdOf(f: FiredThreshold): AlertThreshold {
  return f.kind === 'escalation' ? `escalation-${f.step.index + 1}` : f.kind;
}

export function alertDedupKey(ticketId: string, metric: SlaMetric, threshold: AlertThreshold): string {
  return `${ticketId}:${metric}:${threshold}`;
}

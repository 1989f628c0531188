// OKRs with progress: each key result moves from baseline toward target; an objective's
// progress is the weighted mean of its key results, judged against the time already spent.
import { z } from 'zod';
import { fmt, pct } from '../format-number';
import type { ErrorLocation } from '../../shared/error-codes';
import { zodIssuesToLocations } from '../../shared/zod-errors';
import { invalidInput } from '../validate-input';
import { attainment } from './kpi';
import { metricBindingSchema } from './metric-binding';
import { daysBetween, isoDateSchema } from './iso-date';

export const keyResultSchema = z.object({
  id: z.string().trim().min(1, 'a key result needs an id'),
  title: z.string().trim().min(1, 'a key result needs a title'),
  unit: z.string().trim().min(1).optional(),
  baseline: z.number({ error: 'baseline must be a number' }).finite(),
  target: z.number({ error: 'target must be a number' }).finite(),
  current: z.number().finite().optional(),
  weight: z.number().positive('weight must be above 0').default(1),
  binding: metricBindingSchema.optional(),
});

export const objectiveSchema = z.object({
  id: z.string().trim().min(1, 'an objective needs an id'),
  title: z.string().trim().min(1, 'an objective needs a title'),
  owner: z.string().trim().min(1).optional(),
  start: isoDateSchema.optional(),
  end: isoDateSchema.optional(),
  keyResults: z.array(keyResultSchema).min(1, 'an objective needs at least one key result'),
});

export const okrSetSchema = z.object({ objectives: z.array(objectiveSchema).min(1, 'give at least one objective') });
export const okrOptionsSchema = z.object({ asOf: isoDateSchema.optional() });

export type OkrSetInput = z.input<typeof okrSetSchema>;
export type OkrStatus = 'achieved' | 'on track' | 'at risk' | 'off track' | 'not measured';

export interface KeyResultProgress {
  id: string;
  title: string;
  baseline: number;
  target: number;
  current: number | null;
  weight: number;
  /** 0–1 share of the way from baseline to target; null when not measured yet. */
  progress: number | null;
  explanation: string;
}

export interface ObjectiveProgress {
  id: string;
  title: string;
  progress: number | null;
  /** Share of the objective's period already spent; null without start, end and asOf. */
  elapsed: number | null;
  status: OkrStatus;
  keyResults: KeyResultProgress[];
  explanation: string[];
}

export interface OkrAnalysis {
  objectives: ObjectiveProgress[];
  /** Mean progress of the measured objectives; seed 004 expects 60–70% achievement. */
  overall: number | null;
  explanation: string[];
}

export function analyzeOkrs(input: OkrSetInput, rawOptions: { asOf?: string } = {}): OkrAnalysis {
  const set = parseOkrs(input);
  const options = okrOptionsSchema.safeParse(rawOptions);
  if (!options.success) throw invalidInput('The OKR options', zodIssuesToLocations(options.error.issues));
  const objectives = set.objectives.map((o) => objectiveProgress(o, options.data.asOf));
  const measured = objectives.flatMap((o) => (o.progress === null ? [] : [o.progress]));
  const overall = measured.length === 0 ? null : measured.reduce((a, b) => a + b, 0) / measured.length;
  return {
    objectives,
    overall,
    explanation: [
      overall === null ? 'No key result has a current value yet.' : `Overall progress ${pct(overall)} across ${measured.length} measured ${measured.length === 1 ? 'objective' : 'objectives'}.`,
      ...objectives.flatMap((o) => o.explanation),
    ],
  };
}

function parseOkrs(input: unknown): z.infer<typeof okrSetSchema> {
  const result = okrSetSchema.safeParse(input);
  const errors: ErrorLocation[] = result.success ? [] : zodIssuesToLocations(result.error.issues);
  const objectives = (input as { objectives?: unknown } | null)?.objectives;
  if (Array.isArray(objectives)) {
    objectives.forEach((o, i) => {
      const krs = (o as { keyResults?: unknown } | null)?.keyResults;
      if (!Array.isArray(krs)) return;
      krs.forEach((kr, j) => {
        const { baseline, target } = (kr ?? {}) as { baseline?: unknown; target?: unknown };
        if (typeof baseline === 'number' && baseline === target) {
          errors.push({ pointer: `/objectives/${i}/keyResults/${j}/target`, message: `the target equals the baseline (${baseline}): there is nothing to make progress on` });
        }
      });
    });
  }
  if (errors.length > 0 || !result.success) throw invalidInput('The OKRs', errors);
  return result.data;
}

function objectiveProgress(o: z.infer<typeof objectiveSchema>, asOf: string | undefined): ObjectiveProgress {
  const keyResults = o.keyResults.map((kr): KeyResultProgress => {
    const progress = attainment(kr.baseline, kr.target, kr.current);
    const unit = kr.unit === undefined ? '' : kr.unit === '%' ? '%' : ` ${kr.unit}`;
    const route = `${fmt(kr.baseline)}${unit} → ${fmt(kr.target)}${unit}`;
    const source = kr.binding ? ` (live: ${kr.binding.source} metric "${kr.binding.metric}")` : '';
    const explanation =
      kr.current === undefined
        ? `${kr.title}: ${route}, no current value yet${source}.`
        : `${kr.title}: ${route}, now ${fmt(kr.current)}${unit} = ${pct(progress ?? 0)} of the way${(kr.target - kr.current) * (kr.target - kr.baseline) < 0 ? ' (target exceeded)' : ''}${source}.`;
    return { id: kr.id, title: kr.title, baseline: kr.baseline, target: kr.target, current: kr.current ?? null, weight: kr.weight, progress, explanation };
  });
  const measured = keyResults.filter((k) => k.progress !== null);
  const weight = measured.reduce((s, k) => s + k.weight, 0);
  const progress = measured.length === 0 ? null : measured.reduce((s, k) => s + k.weight * k.progress!, 0) / weight;
  const elapsed =
    o.start && o.end && asOf && o.end > o.start ? Math.min(1, Math.max(0, daysBetween(o.start, asOf) / daysBetween(o.start, o.end))) : null;
  const status = statusOf(progress, elapsed);
  const partial = measured.length < keyResults.length ? ` (${keyResults.length - measured.length} key results not measured yet)` : '';
  const pace =
    status === 'achieved'
      ? ''
      : elapsed === null
        ? ', judged against the usual 70% mark (no period and date given)'
        : `, with ${pct(elapsed)} of the period gone`;
  const explanation = [
    progress === null
      ? `${o.title}: not measured yet.`
      : `${o.title}: ${pct(progress)} (weighted over ${measured.length} key ${measured.length === 1 ? 'result' : 'results'}${partial}), ${status}${pace}.`,
    ...keyResults.map((k) => `  ${k.explanation}`),
  ];
  return { id: o.id, title: o.title, progress, elapsed, status, keyResults, explanation };
}

/** Without dates, 0.7 is "on track" (the usual OKR stretch mark); with dates, progress is compared with time spent. */
function statusOf(progress: number | null, elapsed: number | null): OkrStatus {
  if (progress === null) return 'not measured';
  if (progress >= 1) return 'achieved';
  const expected = elapsed ?? 0.7;
  if (progress >= expected - 0.1) return 'on track';
  if (progress >= expected - 0.3) return 'at risk';
  return 'off track';
}

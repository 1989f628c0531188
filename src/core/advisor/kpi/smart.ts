// Checks a KPI against SMART, criterion by criterion, with the rule applied and why it passed
// or failed, so the owner knows exactly what to add or change.
import { z } from 'zod';
import { fmt, pct } from '../format-number';
import { parseInput } from '../validate-input';
import { directionOf, kpiListSchema, kpiSchema, type Kpi, type KpiInput } from './kpi';
import { isoDateSchema } from './iso-date';
import { fitTrend, projectTrend } from './trend';

export const smartOptionsSchema = z.object({
  /** Today, for judging deadlines and trends; never read from the clock. */
  asOf: isoDateSchema.optional(),
  /** Largest change from baseline (as a share of it) accepted as achievable without a rationale or a trend. */
  maxRelativeChange: z.number().positive('maxRelativeChange must be above 0').default(0.5),
});

export type SmartOptions = z.input<typeof smartOptionsSchema>;

export interface SmartCriterion {
  letter: 'S' | 'M' | 'A' | 'R' | 'T';
  name: 'Specific' | 'Measurable' | 'Achievable' | 'Relevant' | 'Time-bound';
  passed: boolean;
  explanation: string;
}

export interface SmartCheck {
  kpiId: string;
  name: string;
  criteria: SmartCriterion[];
  passed: number;
  smart: boolean;
  explanation: string[];
}

const VAGUE_WORDS = ['better', 'good', 'great', 'improve', 'improved', 'improvement', 'enhance', 'enhanced', 'optimise', 'optimize', 'excellent', 'world-class', 'best', 'nice', 'more', 'less'];

export function checkSmart(input: KpiInput, rawOptions: SmartOptions = {}): SmartCheck {
  const kpi = parseInput(kpiSchema, input, 'The KPI');
  const options = parseInput(smartOptionsSchema, rawOptions, 'The SMART options');
  const criteria = [specific(kpi), measurable(kpi), achievable(kpi, options), relevant(kpi), timeBound(kpi, options)];
  const passed = criteria.filter((c) => c.passed).length;
  return {
    kpiId: kpi.id,
    name: kpi.name,
    criteria,
    passed,
    smart: passed === 5,
    explanation: [
      `${kpi.name}: ${passed === 5 ? 'SMART' : `${passed} of 5 SMART criteria met`}.`,
      ...criteria.map((c) => `${c.name} – ${c.passed ? 'passed' : 'failed'}: ${c.explanation}`),
    ],
  };
}

export function checkSmartAll(inputs: ReadonlyArray<KpiInput>, options: SmartOptions = {}): { checks: SmartCheck[]; explanation: string[] } {
  const kpis = parseInput(kpiListSchema, inputs, 'The KPI list');
  const checks = kpis.map((k) => checkSmart(k, options));
  const smart = checks.filter((c) => c.smart).length;
  return { checks, explanation: [`${smart} of ${checks.length} KPIs are SMART.`, ...checks.flatMap((c) => c.explanation)] };
}

function criterion(letter: SmartCriterion['letter'], name: SmartCriterion['name'], problems: string[], ok: string): SmartCriterion {
  return { letter, name, passed: problems.length === 0, explanation: problems.length === 0 ? ok : problems.join('; ') + '.' };
}

function specific(kpi: Kpi): SmartCriterion {
  const problems: string[] = [];
  const words = kpi.name.toLowerCase().split(/[^a-z0-9-]+/).filter(Boolean);
  const vague = words.filter((w) => VAGUE_WORDS.includes(w));
  if (vague.length > 0) problems.push(`the name uses vague words (${vague.join(', ')}); name the quantity itself, e.g. "mean time to resolve"`);
  if (words.length < 2 && kpi.description === undefined) problems.push('a one-word name without a description does not say what exactly is counted');
  const direction = directionOf(kpi);
  if (direction === null) problems.push('no direction: say whether it should go up or down (direction, or a baseline and a different target)');
  return criterion('S', 'Specific', problems, `names a concrete quantity that should ${direction ?? 'change'}.`);
}

function measurable(kpi: Kpi): SmartCriterion {
  const problems: string[] = [];
  if (kpi.unit === undefined) problems.push('no unit');
  if (kpi.target === undefined) problems.push('no numeric target');
  if (kpi.baseline === undefined && kpi.current === undefined) problems.push('no baseline or current value to measure against');
  if (kpi.binding === undefined && kpi.dataSource === undefined) problems.push('no data source (dataSource, or a binding to a live metric)');
  const source = kpi.binding ? `the live ${kpi.binding.source} metric "${kpi.binding.metric}"` : kpi.dataSource;
  return criterion('M', 'Measurable', problems, `measured in ${kpi.unit} from ${source}, against a target of ${fmt(kpi.target ?? 0)}.`);
}

function achievable(kpi: Kpi, options: z.infer<typeof smartOptionsSchema>): SmartCriterion {
  const fail = (why: string): SmartCriterion => ({ letter: 'A', name: 'Achievable', passed: false, explanation: why });
  const pass = (why: string): SmartCriterion => ({ letter: 'A', name: 'Achievable', passed: true, explanation: why });
  const { baseline, target } = kpi;
  if (baseline === undefined || target === undefined) return fail('cannot be judged without both a baseline and a target.');
  if (kpi.unit === '%' && (target < 0 || target > 100)) return fail(`a target of ${fmt(target)}% is outside 0–100%.`);
  if (kpi.direction && baseline !== target && (target > baseline) !== (kpi.direction === 'increase')) {
    return fail(`the target ${fmt(target)} lies on the wrong side of the baseline ${fmt(baseline)} for direction "${kpi.direction}".`);
  }
  const relative = baseline === 0 ? null : Math.abs(target - baseline) / Math.abs(baseline);
  // Near a 0–100% bound a small step can be a big one: 99.5% → 99.9% uptime removes 80% of the downtime.
  const headroom = kpi.unit === '%' && target > baseline && baseline < 100 ? (target - baseline) / (100 - baseline) : null;
  const change = headroom !== null && relative !== null && headroom > relative ? headroom : relative;
  const step =
    change === null
      ? 'a change from a baseline of 0'
      : change === headroom
        ? `closing ${pct(change)} of the gap between the baseline and 100%`
        : `a ${pct(change)} change from the baseline`;
  if (change !== null && change <= options.maxRelativeChange) {
    return pass(`${step}, within the ${pct(options.maxRelativeChange, 0)} treated as reachable without further evidence.`);
  }
  const trend = fitTrend(kpi.history);
  if (trend && kpi.deadline) {
    const projected = projectTrend(trend, kpi.deadline);
    const reaches = target > baseline ? projected >= target : projected <= target;
    if (reaches) return pass(`${step}, but the current trend reaches ${fmt(projected)} by ${kpi.deadline}, past the target.`);
  }
  if (kpi.rationale) return pass(`${step}, justified: ${kpi.rationale.replace(/[.!]?$/, '.')}`);
  return fail(`${step}, above ${pct(options.maxRelativeChange, 0)}, with no rationale and no trend that reaches it by the deadline.`);
}

function relevant(kpi: Kpi): SmartCriterion {
  return kpi.alignedTo
    ? { letter: 'R', name: 'Relevant', passed: true, explanation: `serves the objective "${kpi.alignedTo}".` }
    : { letter: 'R', name: 'Relevant', passed: false, explanation: 'not linked to a business objective (alignedTo).' };
}

function timeBound(kpi: Kpi, options: z.infer<typeof smartOptionsSchema>): SmartCriterion {
  if (kpi.deadline) {
    if (options.asOf && kpi.deadline < options.asOf) {
      return { letter: 'T', name: 'Time-bound', passed: false, explanation: `the deadline ${kpi.deadline} has passed (as of ${options.asOf}); set a new one.` };
    }
    return { letter: 'T', name: 'Time-bound', passed: true, explanation: `due by ${kpi.deadline}.` };
  }
  if (kpi.timeframe) return { letter: 'T', name: 'Time-bound', passed: true, explanation: `due ${kpi.timeframe}.` };
  return { letter: 'T', name: 'Time-bound', passed: false, explanation: 'no deadline or time frame.' };
}

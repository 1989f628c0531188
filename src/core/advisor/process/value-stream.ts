// Value-stream analysis: lead time, process cycle efficiency, the bottleneck (and why it is
// the bottleneck), capacity against demand, and the lean wastes the data gives evidence for.
import { fmt, pct } from '../format-number';
import { parseInput } from '../validate-input';
import { valueStreamSchema, type ValueStream, type ValueStreamInput } from './process-steps';
import { findLeanWastes, singular, type LeanWaste, type UnassessedWaste } from './lean-wastes';

export interface StepAnalysis {
  name: string;
  processTime: number;
  waitTime: number;
  leadTime: number;
  /** Work per period the step must absorb: volume × processTime. */
  workload: number;
  workloadPerPerson: number;
  /** workload / (people × availableTime); null without availableTime. */
  utilization: number | null;
  /** Units per period the step can finish; null without availableTime or when the step takes no time. */
  capacity: number | null;
  /** Time per unit at this step with its people working in parallel: processTime / people. */
  cycleTime: number;
}

export interface Bottleneck {
  step: string;
  index: number;
  reasons: string[];
}

export interface ValueStreamAnalysis {
  stream: ValueStream;
  leadTime: number;
  processTime: number;
  valueAddedTime: number;
  waitTime: number;
  /** valueAddedTime / leadTime, 0–1. */
  processCycleEfficiency: number;
  /** Share of units that pass every step without rework. */
  firstPassYield: number;
  taktTime: number | null;
  throughput: number | null;
  steps: StepAnalysis[];
  bottleneck: Bottleneck;
  wastes: LeanWaste[];
  notAssessed: UnassessedWaste[];
  explanation: string[];
}

export function analyzeValueStream(input: ValueStreamInput): ValueStreamAnalysis {
  const stream = parseInput(valueStreamSchema, input, 'The value stream');
  const u = stream.timeUnit;
  const unit = singular(stream.unitName);
  const steps: StepAnalysis[] = stream.steps.map((s) => {
    const workload = s.volume * s.processTime;
    const available = stream.availableTime === undefined ? null : s.people * stream.availableTime;
    return {
      name: s.name,
      processTime: s.processTime,
      waitTime: s.waitTime,
      leadTime: s.processTime + s.waitTime,
      workload,
      workloadPerPerson: workload / s.people,
      utilization: available === null ? null : workload / available,
      capacity: available === null || s.processTime === 0 ? null : available / s.processTime,
      cycleTime: s.processTime / s.people,
    };
  });
  const processTime = sum(stream.steps.map((s) => s.processTime));
  const waitTime = sum(stream.steps.map((s) => s.waitTime));
  const valueAddedTime = sum(stream.steps.filter((s) => s.valueAdding).map((s) => s.processTime));
  const leadTime = processTime + waitTime;
  const processCycleEfficiency = leadTime === 0 ? 0 : valueAddedTime / leadTime;
  const firstPassYield = stream.steps.reduce((y, s) => y * (1 - s.defectRate), 1);
  const taktTime = stream.availableTime !== undefined && stream.demand !== undefined ? stream.availableTime / stream.demand : null;
  const capacities = steps.map((s) => s.capacity).filter((c): c is number => c !== null);
  const throughput = capacities.length > 0 ? Math.min(...capacities) : null;
  const bottleneck = findBottleneck(stream, steps);
  const { wastes, notAssessed } = findLeanWastes(stream, leadTime);

  const explanation = [
    `Lead time: ${fmt(leadTime)} ${u} per ${unit} from "${stream.steps[0]!.name}" to "${stream.steps.at(-1)!.name}" (${fmt(processTime)} working, ${fmt(waitTime)} waiting).`,
    leadTime === 0
      ? 'Process cycle efficiency: not defined, the steps take no time.'
      : `Process cycle efficiency: ${pct(processCycleEfficiency)} (${fmt(valueAddedTime)} ${u} of value-adding work in ${fmt(leadTime)} ${u}); ${pct(waitTime / leadTime)} of the lead time is waiting.`,
    `First-pass yield: ${pct(firstPassYield)} of ${stream.unitName} pass every step without rework.`,
    `Bottleneck: ${bottleneck.step}. ${bottleneck.reasons.join(' ')}`,
  ];
  if (taktTime !== null) {
    const slow = steps.filter((s) => s.cycleTime > taktTime);
    explanation.push(
      `Takt time: ${fmt(taktTime)} ${u} per ${unit} (${fmt(stream.availableTime!)} ${u} available per person per ${stream.period} for a demand of ${fmt(stream.demand!)}).` +
        (slow.length === 0
          ? ' Every step keeps pace with demand.'
          : ` Slower than takt: ${slow.map((s) => `${s.name} (${fmt(s.cycleTime)} ${u} per ${unit})`).join(', ')}.`),
    );
  }
  if (throughput !== null) explanation.push(`Throughput: at most ${fmt(throughput)} ${stream.unitName} per ${stream.period}, set by the slowest step.`);
  explanation.push(...wastes.map((w) => `Waste – ${w.category}: ${w.evidence.join('; ')}.`));
  explanation.push(...notAssessed.map((w) => `Waste – ${w.category}: ${w.status === 'no evidence' ? 'none found' : 'not assessed'}; ${w.reason}`));
  return { stream, leadTime, processTime, valueAddedTime, waitTime, processCycleEfficiency, firstPassYield, taktTime, throughput, steps, bottleneck, wastes, notAssessed, explanation };
}

/** The step with the most work per person per period (the highest utilization); ties go to the longer wait. */
function findBottleneck(stream: ValueStream, steps: StepAnalysis[]): Bottleneck {
  const u = stream.timeUnit;
  const ranked = steps
    .map((s, index) => ({ s, index }))
    .sort((a, b) => b.s.workloadPerPerson - a.s.workloadPerPerson || b.s.waitTime - a.s.waitTime || a.index - b.index);
  const { s, index } = ranked[0]!;
  const step = stream.steps[index]!;
  const who = step.people === 1 ? '1 person' : `${step.people} people`;
  const reasons = [
    `It carries the most work per person: ${fmt(step.volume)} ${stream.unitName} per ${stream.period} × ${fmt(step.processTime)} ${u} = ${fmt(s.workload)} ${u} for ${who}, ${fmt(s.workloadPerPerson)} ${u} each.`,
  ];
  const runnerUp = ranked[1];
  if (runnerUp) reasons.push(`Next is ${runnerUp.s.name} with ${fmt(runnerUp.s.workloadPerPerson)} ${u} per person.`);
  if (s.utilization !== null) {
    reasons.push(
      s.utilization > 1
        ? `At ${pct(s.utilization)} utilization it cannot keep up: its queue grows every ${stream.period}.`
        : `Its utilization is ${pct(s.utilization)}${s.utilization > 0.85 ? ', above the 85% where queues start to build quickly' : ''}.`,
    );
  }
  const longestWait = Math.max(...steps.map((x) => x.waitTime));
  if (s.waitTime > 0 && s.waitTime === longestWait) reasons.push(`Work also waits longest in front of it (${fmt(s.waitTime)} ${u}).`);
  return { step: s.name, index, reasons };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

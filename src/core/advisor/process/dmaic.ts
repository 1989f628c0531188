// A DMAIC report built from a value-stream analysis: the problem defined in numbers, the
// baseline, root causes, improvements with their expected savings, and measurable targets to hold.
import { z } from 'zod';
import { fmt, pct } from '../format-number';
import { parseInput } from '../validate-input';
import type { ValueStreamAnalysis } from './value-stream';
import { singular } from './lean-wastes';

export const dmaicOptionsSchema = z.object({
  /** Lead-time cut to aim for; seed 004 expects 20–30% in the first 1–3 months, so 25% by default. */
  targetReduction: z.number().gt(0, 'targetReduction must be above 0').lt(1, 'targetReduction must be below 1').default(0.25),
  horizon: z.string().trim().min(1, 'horizon must not be empty').default('within 3 months'),
  problem: z.string().trim().min(1).optional(),
  /** Utilization above which queues grow fast. */
  maxUtilization: z.number().gt(0).max(1).default(0.85),
  /** Seed 004: process error rates under 1%. */
  defectTarget: z.number().min(0).max(1).default(0.01),
  /** Share of each wait an improvement is assumed to remove (WIP limits, pull, an owner per queue). */
  waitCut: z.number().gt(0).max(1).default(0.5),
});

export type DmaicOptions = z.input<typeof dmaicOptionsSchema>;

export interface DmaicTarget {
  metric: string;
  baseline: number;
  target: number;
  unit: string;
  direction: 'decrease' | 'increase';
  by: string;
  statement: string;
}

export interface DmaicAction {
  step: string;
  action: string;
  /** Lead time per unit it is expected to save; 0 for actions that act on capacity or quality. */
  saving: number;
}

export interface DmaicPhase {
  phase: 'Define' | 'Measure' | 'Analyze' | 'Improve' | 'Control';
  findings: string[];
}

export interface DmaicReport {
  phases: DmaicPhase[];
  actions: DmaicAction[];
  projectedLeadTime: number;
  meetsTarget: boolean;
  targets: DmaicTarget[];
  explanation: string[];
}

export function buildDmaicReport(analysis: ValueStreamAnalysis, rawOptions: DmaicOptions = {}): DmaicReport {
  const o = parseInput(dmaicOptionsSchema, rawOptions, 'The DMAIC options');
  const { stream } = analysis;
  const u = stream.timeUnit;
  const unit = singular(stream.unitName);
  const targetLead = analysis.leadTime * (1 - o.targetReduction);
  const required = analysis.leadTime - targetLead;

  const candidates: DmaicAction[] = [
    ...stream.steps
      .filter((s) => s.waitTime > 0)
      .map((s) => ({
        step: s.name,
        action: `Cut waiting before ${s.name} by ${pct(o.waitCut, 0)} (limit work in progress, pull instead of push, one owner for the queue)`,
        saving: s.waitTime * o.waitCut,
      })),
    ...stream.steps
      .filter((s) => !s.valueAdding && s.processTime > 0)
      .map((s) => ({ step: s.name, action: `Remove or automate ${s.name}, which adds no value`, saving: s.processTime })),
  ].sort((a, b) => b.saving - a.saving);
  const actions: DmaicAction[] = [];
  let saved = 0;
  for (const c of candidates) {
    if (saved >= required) break;
    actions.push(c);
    saved += c.saving;
  }
  const projectedLeadTime = analysis.leadTime - saved;
  const meetsTarget = saved >= required - 1e-9;

  const bottleneck = analysis.steps[analysis.bottleneck.index]!;
  const bottleneckStep = stream.steps[analysis.bottleneck.index]!;
  if (bottleneck.utilization !== null && bottleneck.utilization > o.maxUtilization) {
    const needed = Math.ceil(bottleneck.workload / (o.maxUtilization * stream.availableTime!));
    actions.push({
      step: bottleneck.name,
      action: `Add capacity at ${bottleneck.name}: ${needed} people instead of ${bottleneckStep.people} bring utilization under ${pct(o.maxUtilization, 0)} (or move work off it)`,
      saving: 0,
    });
  }
  for (const s of stream.steps.filter((x) => x.defectRate > o.defectTarget)) {
    actions.push({ step: s.name, action: `Error-proof ${s.name}: from ${pct(s.defectRate)} rework to under ${pct(o.defectTarget)}`, saving: 0 });
  }
  const handoffs = stream.steps.filter((s) => s.handoff);
  if (handoffs.length >= 2) {
    actions.push({ step: handoffs.map((s) => s.name).join(', '), action: `Reduce the ${handoffs.length} handoffs (before ${handoffs.map((s) => s.name).join(', ')}) with one owner end to end`, saving: 0 });
  }

  const targets = buildTargets(analysis, o, targetLead);
  const problem =
    o.problem ??
    `${stream.name} takes ${fmt(analysis.leadTime)} ${u} per ${unit}, of which ${fmt(analysis.valueAddedTime)} ${u} add value (process cycle efficiency ${pct(analysis.processCycleEfficiency)}).`;
  const phases: DmaicPhase[] = [
    {
      phase: 'Define',
      findings: [
        `Problem: ${problem}`,
        `Scope: from "${stream.steps[0]!.name}" to "${stream.steps.at(-1)!.name}", ${stream.steps.length} steps.`,
        `Goal: cut lead time by ${pct(o.targetReduction, 0)} ${o.horizon}.`,
      ],
    },
    {
      phase: 'Measure',
      findings: [
        `Lead time ${fmt(analysis.leadTime)} ${u} (${fmt(analysis.processTime)} working, ${fmt(analysis.waitTime)} waiting).`,
        `Process cycle efficiency ${pct(analysis.processCycleEfficiency)}; first-pass yield ${pct(analysis.firstPassYield)}.`,
        ...(analysis.throughput === null ? [] : [`Throughput at most ${fmt(analysis.throughput)} ${stream.unitName} per ${stream.period}.`]),
      ],
    },
    {
      phase: 'Analyze',
      findings: [`Bottleneck: ${analysis.bottleneck.step}. ${analysis.bottleneck.reasons.join(' ')}`, ...analysis.wastes.map((w) => `${w.category}: ${w.evidence.join('; ')}.`)],
    },
    {
      phase: 'Improve',
      findings: [
        ...actions.map((a) => (a.saving > 0 ? `${a.action}: saves about ${fmt(a.saving)} ${u} per ${unit}.` : `${a.action}.`)),
        meetsTarget
          ? `Together these bring lead time from ${fmt(analysis.leadTime)} to about ${fmt(projectedLeadTime)} ${u}, meeting the ${fmt(targetLead)} ${u} target.`
          : `Even all of these only reach about ${fmt(projectedLeadTime)} ${u}, short of the ${fmt(targetLead)} ${u} target: the process needs redesign, not tuning.`,
      ],
    },
    {
      phase: 'Control',
      findings: [
        ...targets.map((t) => t.statement),
        `Review each measure every ${stream.period === 'day' ? 'week' : stream.period}; when one misses its target twice in a row, restart Analyze for the step behind it.`,
      ],
    },
  ];
  return {
    phases,
    actions,
    projectedLeadTime,
    meetsTarget,
    targets,
    explanation: phases.flatMap((p) => p.findings.map((f) => `${p.phase}: ${f}`)),
  };
}

function buildTargets(analysis: ValueStreamAnalysis, o: z.infer<typeof dmaicOptionsSchema>, targetLead: number): DmaicTarget[] {
  const { stream } = analysis;
  const u = stream.timeUnit;
  const unit = singular(stream.unitName);
  const targets: DmaicTarget[] = [
    {
      metric: 'Lead time',
      baseline: analysis.leadTime,
      target: targetLead,
      unit: `${u} per ${unit}`,
      direction: 'decrease',
      by: o.horizon,
      statement: `Lead time from ${fmt(analysis.leadTime)} to at most ${fmt(targetLead)} ${u} per ${unit} (−${pct(o.targetReduction, 0)}) ${o.horizon}.`,
    },
  ];
  if (targetLead > 0 && analysis.valueAddedTime > 0) {
    const pce = Math.min(1, analysis.valueAddedTime / targetLead);
    targets.push({
      metric: 'Process cycle efficiency',
      baseline: analysis.processCycleEfficiency,
      target: pce,
      unit: 'ratio',
      direction: 'increase',
      by: o.horizon,
      statement: `Process cycle efficiency from ${pct(analysis.processCycleEfficiency)} to at least ${pct(pce)} ${o.horizon} (same value-adding work in the shorter lead time).`,
    });
  }
  const defectRate = 1 - analysis.firstPassYield;
  if (defectRate > o.defectTarget) {
    targets.push({
      metric: 'Rework rate',
      baseline: defectRate,
      target: o.defectTarget,
      unit: 'ratio',
      direction: 'decrease',
      by: o.horizon,
      statement: `${capitalize(stream.unitName)} needing rework from ${pct(defectRate)} to under ${pct(o.defectTarget)} ${o.horizon}.`,
    });
  }
  const b = analysis.steps[analysis.bottleneck.index]!;
  if (b.utilization !== null && b.utilization > o.maxUtilization) {
    targets.push({
      metric: `${b.name} utilization`,
      baseline: b.utilization,
      target: o.maxUtilization,
      unit: 'ratio',
      direction: 'decrease',
      by: o.horizon,
      statement: `${b.name} utilization from ${pct(b.utilization)} to at most ${pct(o.maxUtilization, 0)} ${o.horizon}.`,
    });
  }
  return targets;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

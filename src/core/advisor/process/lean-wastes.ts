// The lean wastes (TIMWOODS) that a value stream's numbers give evidence for; the wastes the
// data cannot show are listed as not assessed, with the data that would reveal them.
import { fmt, pct } from '../format-number';
import type { ValueStream } from './process-steps';

export const LEAN_WASTES = [
  'Transport',
  'Inventory',
  'Motion',
  'Waiting',
  'Overproduction',
  'Overprocessing',
  'Defects',
  'Skills',
] as const;

export type LeanWasteCategory = (typeof LEAN_WASTES)[number];

export interface LeanWaste {
  category: LeanWasteCategory;
  /** Steps where the evidence was found. */
  steps: string[];
  evidence: string[];
  /** Time per unit this waste costs (Waiting, Overprocessing) or units per period (the others). */
  cost: number;
  costUnit: string;
}

export interface UnassessedWaste {
  category: LeanWasteCategory;
  /** 'no evidence': the data could show it and does not; 'not measurable': the data cannot show it. */
  status: 'no evidence' | 'not measurable';
  reason: string;
}

const NOT_ASSESSABLE: Partial<Record<LeanWasteCategory, string>> = {
  Motion: 'the steps carry no data on searching, switching tools or walking; time-and-motion notes per step would show it.',
  Skills: 'unused talent does not show in times and volumes; compare who does each step with what they are trained for.',
};

const NEEDS_DEMAND = 'give the customer demand per period to compare each step\'s volume with it.';

export function findLeanWastes(stream: ValueStream, leadTime: number): { wastes: LeanWaste[]; notAssessed: UnassessedWaste[] } {
  const u = stream.timeUnit;
  const per = `per ${stream.period}`;
  const steps = stream.steps;
  const unit = singular(stream.unitName);
  const found = new Map<LeanWasteCategory, LeanWaste>();
  const add = (category: LeanWasteCategory, step: string, evidence: string, cost: number, costUnit: string): void => {
    const w = found.get(category) ?? { category, steps: [], evidence: [], cost: 0, costUnit };
    w.steps.push(step);
    w.evidence.push(evidence);
    w.cost += cost;
    found.set(category, w);
  };

  steps.forEach((s) => {
    if (s.handoff) add('Transport', s.name, `work changes hands to reach ${s.name}`, s.volume, `handed-over ${stream.unitName} ${per}`);
    if (s.queue !== undefined && s.queue > 0) add('Inventory', s.name, `${fmt(s.queue)} ${stream.unitName} wait in front of ${s.name}`, s.queue, `${stream.unitName} waiting`);
    if (s.waitTime > s.processTime) {
      add('Waiting', s.name, `${s.name}: ${fmt(s.waitTime)} ${u} of waiting for ${fmt(s.processTime)} ${u} of work`, s.waitTime, `${u} per ${unit}`);
    }
    if (stream.demand !== undefined && s.volume > stream.demand) {
      add('Overproduction', s.name, `${s.name} handles ${fmt(s.volume)} ${stream.unitName} ${per}, ${fmt(s.volume - stream.demand)} more than the demand of ${fmt(stream.demand)}`, s.volume - stream.demand, `surplus ${stream.unitName} ${per}`);
    }
    if (!s.valueAdding && s.processTime > 0) {
      add('Overprocessing', s.name, `${s.name} adds no value yet takes ${fmt(s.processTime)} ${u} per ${unit}`, s.processTime, `${u} per ${unit}`);
    }
    if (s.defectRate > 0) {
      add('Defects', s.name, `${pct(s.defectRate)} of ${s.name}'s ${fmt(s.volume)} ${stream.unitName} ${per} are redone (${fmt(s.volume * s.defectRate)} ${stream.unitName})`, s.volume * s.defectRate, `reworked ${stream.unitName} ${per}`);
    }
  });

  const waiting = found.get('Waiting');
  if (waiting && leadTime > 0) waiting.evidence.push(`waiting in these steps is ${pct(waiting.cost / leadTime)} of the lead time`);
  const wastes = LEAN_WASTES.flatMap((c) => (found.has(c) ? [found.get(c)!] : []));
  const notAssessed = LEAN_WASTES.flatMap((category): UnassessedWaste[] => {
    if (found.has(category)) return [];
    if (category === 'Overproduction' && stream.demand === undefined) return [{ category, status: 'not measurable', reason: NEEDS_DEMAND }];
    const cannot = NOT_ASSESSABLE[category];
    return [cannot ? { category, status: 'not measurable', reason: cannot } : { category, status: 'no evidence', reason: noEvidenceReason(category) }];
  });
  return { wastes, notAssessed };
}

function noEvidenceReason(category: LeanWasteCategory): string {
  const why: Record<LeanWasteCategory, string> = {
    Transport: 'no step is marked as a handoff.',
    Inventory: 'no step reports units queued in front of it.',
    Motion: '',
    Waiting: 'no step waits longer than it works.',
    Overproduction: 'no step handles more units than the demand.',
    Overprocessing: 'every step is marked value-adding.',
    Defects: 'no step reports a defect rate.',
    Skills: '',
  };
  return why[category];
}

/** "tickets" → "ticket", for "minutes per ticket". */
export function singular(unitName: string): string {
  return unitName.endsWith('s') ? unitName.slice(0, -1) : unitName;
}

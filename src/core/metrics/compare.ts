// Before/after of two snapshots' figures with a direction-aware % improvement, and the ROI of the change.
import { METRIC_DEFINITIONS, PRIORITIES, type MetricKey, type Priority } from './definitions';
import type { Figures, FiguresByPriority } from './ticket-figures';

export interface MetricChange {
  key: MetricKey;
  before: number | null;
  after: number | null;
  /** after − before, in the metric's unit. */
  delta: number | null;
  /** Positive when the metric moved the good way: (before − after) ÷ before × 100 for lower-is-better. */
  improvementPct: number | null;
}

export interface Comparison {
  all: MetricChange[];
  byPriority: Record<Priority, MetricChange[]>;
}

/** The headline value of a metric: the mean for durations, the rate for ratios. */
export function headline(f: Figures, key: MetricKey): number | null {
  switch (key) {
    case 'mttrHours':
      return f.mttrHours.mean;
    case 'firstResponseHours':
      return f.firstResponseHours.mean;
    case 'slaBreachRate':
      return f.slaBreachRate;
    case 'reEscalationRate':
      return f.reEscalationRate;
  }
}

export function improvementPct(before: number | null, after: number | null, direction: 'lower-is-better' | 'higher-is-better'): number | null {
  if (before === null || after === null || before === 0) return null;
  const change = ((after - before) / Math.abs(before)) * 100;
  return direction === 'lower-is-better' ? -change : change;
}

function changes(before: Figures, after: Figures): MetricChange[] {
  return METRIC_DEFINITIONS.map((d) => {
    const b = headline(before, d.key);
    const a = headline(after, d.key);
    return { key: d.key, before: b, after: a, delta: a === null || b === null ? null : a - b, improvementPct: improvementPct(b, a, d.direction) };
  });
}

export function compareFigures(before: FiguresByPriority, after: FiguresByPriority): Comparison {
  const byPriority = Object.fromEntries(PRIORITIES.map((p) => [p, changes(before.byPriority[p], after.byPriority[p])])) as Record<Priority, MetricChange[]>;
  return { all: changes(before.all, after.all), byPriority };
}

export interface RoiInput {
  baselineMttrHours: number | null;
  measuredMttrHours: number | null;
  /** Tickets resolved in the measured window and its length, to get a weekly volume. */
  resolvedTickets: number;
  windowDays: number;
  costPerHour: number;
  implementationCost: number;
}

export interface Roi {
  hoursSavedPerTicket: number | null;
  ticketsPerWeek: number;
  hoursSavedPerWeek: number | null;
  weeklySavings: number | null;
  annualSavings: number | null;
  /** (annual savings − cost) ÷ cost; 1.5 means 150 % return in the first year. */
  roi: number | null;
  /** null when nothing is saved: the investment never pays back. */
  paybackWeeks: number | null;
}

export function computeRoi(i: RoiInput): Roi {
  const ticketsPerWeek = i.windowDays > 0 ? (i.resolvedTickets / i.windowDays) * 7 : 0;
  if (i.baselineMttrHours === null || i.measuredMttrHours === null) {
    return { hoursSavedPerTicket: null, ticketsPerWeek, hoursSavedPerWeek: null, weeklySavings: null, annualSavings: null, roi: null, paybackWeeks: null };
  }
  const perTicket = i.baselineMttrHours - i.measuredMttrHours;
  const hoursPerWeek = perTicket * ticketsPerWeek;
  const weekly = hoursPerWeek * i.costPerHour;
  const annual = weekly * 52;
  return {
    hoursSavedPerTicket: perTicket,
    ticketsPerWeek,
    hoursSavedPerWeek: hoursPerWeek,
    weeklySavings: weekly,
    annualSavings: annual,
    roi: i.implementationCost > 0 ? (annual - i.implementationCost) / i.implementationCost : null,
    paybackWeeks: weekly > 0 ? i.implementationCost / weekly : null,
  };
}

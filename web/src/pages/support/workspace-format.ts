// Labels and number formats of the workspace pages, shared by the list, the stepper and the report.
import type { WorkspaceStage } from '../../api/workspaces';

export const STAGE_LABELS: Readonly<Record<WorkspaceStage, string>> = {
  assigned: 'Assigned',
  kickoff: 'Kickoff',
  implementation: 'Implementation started',
  baselined: 'Baselined',
  shadow: 'Shadow mode',
  production: 'Production',
  measured: 'Measured',
  reported: 'Reported',
  lessons: 'Lessons recorded',
};

export const METRIC_LABELS: Readonly<Record<string, string>> = {
  mttrHours: 'MTTR',
  firstResponseHours: 'Time to first response',
  slaBreachRate: 'SLA breach rate',
  reEscalationRate: 'Re-escalation rate',
};

export const SEGMENT_LABELS: Readonly<Record<string, string>> = { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low', overall: 'All tickets' };

const RATES = new Set(['slaBreachRate', 'reEscalationRate']);

export function formatMetric(metric: string, v: number | null): string {
  if (v === null) return '–';
  return RATES.has(metric) ? `${(v * 100).toFixed(1)} %` : `${v.toFixed(1)} h`;
}

export function formatChange(p: number | null): string {
  if (p === null) return '–';
  if (p === 0) return 'no change';
  return `${Math.abs(p).toFixed(1)} % ${p > 0 ? 'better' : 'worse'}`;
}

export function formatMoney(n: number, currency: string): string {
  return `${currency} ${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Manual figures typed by the operator: hours and percentages for all tickets; null for a blank field. */
export interface FigureFields {
  tickets: string;
  mttrHours: string;
  firstResponseHours: string;
  slaBreachPercent: string;
  reEscalationPercent: string;
}

export const EMPTY_FIGURES: FigureFields = { tickets: '', mttrHours: '', firstResponseHours: '', slaBreachPercent: '', reEscalationPercent: '' };

function n(s: string, scale = 1): number | null {
  if (s.trim() === '') return null;
  const v = Number(s);
  return Number.isFinite(v) ? v / scale : Number.NaN;
}

/** The body's `figures`; the server checks the values and points at the one that is wrong. */
export function figuresBody(f: FigureFields) {
  const overall = {
    tickets: n(f.tickets) ?? 0,
    mttrHours: n(f.mttrHours),
    firstResponseHours: n(f.firstResponseHours),
    slaBreachRate: n(f.slaBreachPercent, 100),
    reEscalationRate: n(f.reEscalationPercent, 100),
  };
  return { overall, byPriority: {} };
}

// The metric definitions as data: one table (name, formula in words, unit, direction) that the
// README, the CLI and the portal all show, so a figure means the same everywhere.
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const METRIC_KEYS = ['mttrHours', 'firstResponseHours', 'slaBreachRate', 'reEscalationRate'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export interface MetricDefinition {
  key: MetricKey;
  name: string;
  formula: string;
  unit: 'hours' | 'ratio';
  /** Every metric here is better when it goes down; the direction is data so a new one can differ. */
  direction: 'lower-is-better' | 'higher-is-better';
}

export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  {
    key: 'mttrHours',
    name: 'MTTR (mean time to resolve)',
    formula: 'mean of (resolved at − created at) over the tickets created in the window that are resolved; p50 and p90 alongside',
    unit: 'hours',
    direction: 'lower-is-better',
  },
  {
    key: 'firstResponseHours',
    name: 'Time to first response',
    formula: 'mean of (first public agent reply − created at) over the tickets created in the window that have a reply; p50 and p90 alongside',
    unit: 'hours',
    direction: 'lower-is-better',
  },
  {
    key: 'slaBreachRate',
    name: 'SLA breach rate',
    formula: 'breached SLA cycles ÷ completed SLA cycles (first response and resolution each count as one cycle; a cycle completes when met or breached)',
    unit: 'ratio',
    direction: 'lower-is-better',
  },
  {
    key: 'reEscalationRate',
    name: 'Re-escalation rate',
    formula: 'tickets escalated more than once, or reopened after an escalation ÷ tickets escalated at least once',
    unit: 'ratio',
    direction: 'lower-is-better',
  },
];

export const ROI_DEFINITION = {
  name: 'ROI',
  formula:
    'hours saved per week = (baseline MTTR − measured MTTR) × tickets resolved per week in the measured window; annual savings = hours saved per week × 52 × cost per hour; ROI = (annual savings − implementation cost) ÷ implementation cost; payback = implementation cost ÷ weekly savings, in weeks',
  unit: 'currency',
} as const;

/** Jira's five priorities fold onto Zendesk's four (Highest → urgent, Lowest → low). */
export function normalizePriority(raw: string): Priority | undefined {
  const p = raw.trim().toLowerCase();
  if ((PRIORITIES as readonly string[]).includes(p)) return p as Priority;
  const jira: Record<string, Priority> = { highest: 'urgent', critical: 'urgent', blocker: 'urgent', medium: 'normal', lowest: 'low', minor: 'low', major: 'high', trivial: 'low' };
  return jira[p];
}

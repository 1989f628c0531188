// The router's vocabulary, kept apart from its logic so anyone can read and tune it: the phrases
// that point to each of seed 004's four skills (with weights), the library's problem types, and
// the clarifying questions each skill needs. A phrase token ending in "*" matches as a prefix.

export const SKILLS = ['process-optimization', 'project-management', 'risk-management', 'performance-metrics'] as const;
export type SkillId = (typeof SKILLS)[number];

export const SKILL_NAMES: Record<SkillId, string> = {
  'process-optimization': 'Process Optimization',
  'project-management': 'Project Management',
  'risk-management': 'Risk Management',
  'performance-metrics': 'Performance Metrics',
};

/** The `ow advise` analysis that carries out each skill. */
export const SKILL_ANALYSES: Record<SkillId, 'process' | 'schedule' | 'risk' | 'kpi'> = {
  'process-optimization': 'process',
  'project-management': 'schedule',
  'risk-management': 'risk',
  'performance-metrics': 'kpi',
};

export interface Cue {
  phrase: string;
  weight: number;
}

const cues = (weight: number, ...phrases: string[]): Cue[] => phrases.map((phrase) => ({ phrase, weight }));

/** Strong cues (3) name the skill's methods or its typical problem; weak ones (1) only lean toward it. */
export const SKILL_CUES: Record<SkillId, Cue[]> = {
  'process-optimization': [
    ...cues(3, 'cycle time*', 'lead time*', 'bottleneck*', 'waste*', 'lean', 'dmaic', 'value stream*', 'six sigma', 'process improvement*'),
    ...cues(2, 'efficien*', 'inefficien*', 'rework', 'defect*', 'error rate*', 'slow*', 'cheaper', 'automat*', 'handoff*', 'hand off*', 'friction', 'throughput', 'wait*', 'streamlin*', 'standardi*', 'backlog*'),
    ...cues(1, 'process*', 'delay*', 'cost*', 'faster', 'manual*', 'scale', 'scaling', 'growth', 'quality', 'queue*', 'errors', 'workflow*'),
  ],
  'project-management': [
    ...cues(3, 'deadline*', 'milestone*', 'gantt', 'critical path', 'dependencies', 'work breakdown', 'wbs', 'story points', 'project plan*'),
    ...cues(2, 'project*', 'schedul*', 'timeline*', 'launch*', 'rollout*', 'roll out', 'migrat*', 'budget*', 'sprint*', 'epic*', 'on time', 'multi team', 'phases', 'go live', 'by end of', 'by the end of'),
    ...cues(1, 'deliver*', 'initiative*', 'cross functional', 'resourc*', 'staffing', 'plan', 'planning', 'team*', 'implement*'),
  ],
  'risk-management': [
    ...cues(3, 'risk*', 'what could go wrong', 'contingenc*', 'business continuity', 'mitigat*', 'single point of failure', 'heat map'),
    ...cues(2, 'threat*', 'vendor*', 'supplier*', 'outage*', 'resilien*', 'uncertain*', 'disaster*', 'exposure', 'vulnerab*', 'fallback'),
    ...cues(1, 'failure*', 'compliance', 'depend on', 'worst case', 'incident*'),
  ],
  'performance-metrics': [
    ...cues(3, 'kpi*', 'okr*', 'scorecard*', 'key result*', 'success metric*'),
    ...cues(2, 'metric*', 'measur*', 'dashboard*', 'accountab*', 'performance', 'baseline*', 'benchmark*', 'data driven'),
    ...cues(1, 'track*', 'target*', 'goal*', 'objective*', 'report*', 'progress', 'align*'),
  ],
};

/** Data the user attached that only one skill can use. */
export const DATA_CUES: Record<SkillId, { keys: string[]; weight: number }> = {
  'process-optimization': { keys: ['steps'], weight: 3 },
  'project-management': { keys: ['tasks'], weight: 3 },
  'risk-management': { keys: ['risks'], weight: 3 },
  'performance-metrics': { keys: ['kpis', 'okrs', 'objectives'], weight: 3 },
};

/** Words that ask for change across the organisation, which seed 004's third pattern serves. */
export const TRANSFORMATION_CUES: Cue[] = cues(1, 'transform*', 'redesign*', 'overhaul*', 're engineer*', 'across departments', 'organisation wide', 'organization wide', 'end to end', 'operating model', 'restructur*');

/** The pattern library's problem types (DESIGN.md). */
export const PROBLEM_TYPES = ['Backlog', 'Escalation', 'Capacity', 'SLA Failure', 'Handoffs'] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

export const PROBLEM_TYPE_CUES: Record<ProblemType, Cue[]> = {
  Backlog: [...cues(3, 'backlog*', 'piling up', 'pile up', 'piles up'), ...cues(2, 'aging ticket*', 'open tickets', 'unresolved', 'growing queue*', 'queue* grow*'), ...cues(1, 'queue*')],
  Escalation: [...cues(3, 'escalat*'), ...cues(2, 'tier 2', 'tier 3', 'l2', 'l3', 'second line', 'third line')],
  Capacity: [...cues(3, 'capacity', 'understaff*', 'overload*', 'not enough people'), ...cues(2, 'workload*', 'headcount', 'burnout', 'burned out', 'staffing', 'utilisation', 'utilization'), ...cues(1, 'too few')],
  'SLA Failure': [...cues(3, 'sla', 'slas', 'breach*'), ...cues(2, 'response time*', 'resolution time*', 'overdue', 'mttr'), ...cues(1, 'late', 'missed')],
  Handoffs: [...cues(3, 'handoff*', 'hand off*', 'handover*', 'hand over', 'ping pong'), ...cues(2, 'bounced', 'between teams', 'ownership', 'who owns', 'reassign*'), ...cues(1, 'transfer*')],
};

export interface ClarifyingQuestion {
  id: string;
  question: string;
  /** Data keys that answer it; any one is enough. */
  answeredBy: string[];
  /** Text that answers it when the problem statement already says so. */
  textAnswer?: RegExp;
}

const PERCENT_OR_NUMBER_GOAL = /\b\d+(\.\d+)?\s*(%|percent|per ?cent)|\b(halve|double|triple)\b/i;
const DATE_OR_DEADLINE = /\b(deadline|by (the )?(end of )?(q[1-4]|week \d+|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|\d{4}(-\d{2}-\d{2})?)|within \d+ (days?|weeks?|months?|quarters?)|in \d+ (days?|weeks?|months?))\b/i;
const PEOPLE = /\b\d+\s+(people|persons|developers|devs|engineers|agents|staff|members)\b/i;

export const CLARIFYING_QUESTIONS: Record<SkillId, ClarifyingQuestion[]> = {
  'process-optimization': [
    { id: 'steps', question: 'What are the steps of the process, with the processing time, waiting time and volume of each?', answeredBy: ['steps'] },
    { id: 'goal', question: 'What should improve, and by how much (cycle time, cost, errors)?', answeredBy: ['goal', 'targetReduction'], textAnswer: PERCENT_OR_NUMBER_GOAL },
    { id: 'capacity', question: 'How much working time does each person have per period, and what is the demand?', answeredBy: ['availableTime', 'demand'] },
  ],
  'project-management': [
    { id: 'tasks', question: 'What are the tasks, with an estimate (points or days) and the tasks each depends on?', answeredBy: ['tasks'] },
    { id: 'people', question: 'How many people can work on it at the same time?', answeredBy: ['people'], textAnswer: PEOPLE },
    { id: 'deadline', question: 'Is there a deadline, and how firm is it?', answeredBy: ['deadline'], textAnswer: DATE_OR_DEADLINE },
  ],
  'risk-management': [
    { id: 'scope', question: 'Which initiative, system or supplier is at risk, and what could go wrong?', answeredBy: ['risks', 'scope'] },
    { id: 'assessment', question: 'How likely is each risk, and how bad would it be (1–5 each)?', answeredBy: ['risks'] },
    { id: 'owners', question: 'Who owns each risk and decides on its response?', answeredBy: ['owners', 'risks'] },
    { id: 'signals', question: 'Which signals would show a risk is materialising (key risk indicators and thresholds)?', answeredBy: ['kris', 'indicators'] },
  ],
  'performance-metrics': [
    { id: 'objective', question: 'Which business objective should the measures serve?', answeredBy: ['objective', 'objectives', 'okrs'] },
    { id: 'baseline', question: 'What is the current value (baseline) of each measure?', answeredBy: ['baseline', 'kpis'] },
    { id: 'target', question: 'What target, and by when?', answeredBy: ['target', 'deadline', 'kpis'], textAnswer: DATE_OR_DEADLINE },
    { id: 'source', question: 'Where will the numbers come from (a system, a report, a live metric)?', answeredBy: ['dataSource', 'binding'] },
  ],
};

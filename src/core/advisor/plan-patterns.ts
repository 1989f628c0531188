// Seed 004's three design patterns for composing the skills into a plan, and the rule that
// picks one from the skill scores; each step names the skill and the analysis that does it.
import { SKILL_ANALYSES, SKILL_NAMES, type SkillId } from './router-lexicon';

export type PlanPatternId = 'problem-solution-metrics' | 'risk-aware-planning' | 'operational-transformation';

export interface PlanStep {
  order: number;
  step: string;
  skill: SkillId | null;
  /** The `ow advise` analysis for this step, when one applies. */
  analysis: 'process' | 'schedule' | 'risk' | 'kpi' | null;
  output: string;
}

export interface Plan {
  pattern: PlanPatternId;
  name: string;
  reason: string;
  steps: PlanStep[];
}

const SKILL_OUTPUT: Record<SkillId, string> = {
  'process-optimization': 'process improvements with quantified benefits: lead time, efficiency, bottleneck, wastes, DMAIC targets',
  'project-management': 'an executable plan: critical path, levelled schedule, milestones, Gantt chart',
  'risk-management': 'a risk register with mitigation plans: heat map, owners, triggers, contingencies',
  'performance-metrics': 'measurable objectives with tracking: SMART KPIs, OKR progress, balanced scorecard',
};

type StepSpec = [step: string, skill: SkillId | null, output?: string];

function steps(specs: StepSpec[]): PlanStep[] {
  return specs.map(([step, skill, output], i) => ({
    order: i + 1,
    step,
    skill,
    analysis: skill === null ? null : SKILL_ANALYSES[skill],
    output: output ?? (skill === null ? 'a shared statement of the problem' : SKILL_OUTPUT[skill]),
  }));
}

export function problemSolutionMetrics(chosen: SkillId): Omit<Plan, 'reason'> {
  return {
    pattern: 'problem-solution-metrics',
    name: 'Problem → Solution → Metrics',
    steps: steps([
      ['Challenge description', null, 'the problem stated with the answers to the clarifying questions'],
      [`Analysis & recommendations (${SKILL_NAMES[chosen]})`, chosen],
      ['Actionable plan with metrics', chosen, 'actions, owners and the measures that show they worked'],
      ['Progress tracking (Performance Metrics)', 'performance-metrics'],
    ]),
  };
}

export const RISK_AWARE_PLANNING: Omit<Plan, 'reason'> = {
  pattern: 'risk-aware-planning',
  name: 'Risk-Aware Planning',
  steps: steps([
    ['Initiative scope', null, 'what the initiative delivers, by when, with whom'],
    ['Risk assessment (Risk Management)', 'risk-management'],
    ['Mitigation strategy', 'risk-management', 'a strategy per risk (avoid, mitigate, transfer, accept) with contingencies'],
    ['Project plan (Project Management)', 'project-management'],
    ['Success metrics (Performance Metrics)', 'performance-metrics'],
  ]),
};

export const OPERATIONAL_TRANSFORMATION: Omit<Plan, 'reason'> = {
  pattern: 'operational-transformation',
  name: 'Operational Transformation',
  steps: steps([
    ['Current state assessment', null, 'the process as it runs today, with its numbers'],
    ['Process analysis (Process Optimization)', 'process-optimization'],
    ['Improvement plan', 'process-optimization', 'the improvements ranked by expected benefit'],
    ['Phased execution (Project Management)', 'project-management'],
    ['KPI tracking & reporting (Performance Metrics)', 'performance-metrics'],
    ['Continuous improvement cycle', 'process-optimization', 'the DMAIC control plan: review, and restart analysis where a measure slips'],
  ]),
};

/**
 * Risk and project cues together call for risk-aware planning; process cues with project cues or
 * transformation words call for operational transformation; when both fit, the one containing the
 * chosen skill wins, then the one whose partner skill scored higher. Otherwise pattern 1.
 */
export function choosePlan(chosen: SkillId, scores: Record<SkillId, number>, transformationWords: string[]): Plan {
  const candidates: Array<{ plan: Omit<Plan, 'reason'>; reason: string; involves: SkillId[]; partner: number }> = [];
  if (scores['risk-management'] > 0 && scores['project-management'] > 0) {
    candidates.push({
      plan: RISK_AWARE_PLANNING,
      reason: `the problem speaks of both risk (score ${scores['risk-management']}) and project delivery (score ${scores['project-management']})`,
      involves: ['risk-management', 'project-management'],
      partner: scores['risk-management'] + scores['project-management'],
    });
  }
  if (scores['process-optimization'] > 0 && (scores['project-management'] > 0 || transformationWords.length > 0)) {
    const why = transformationWords.length > 0 ? `transformation words (${transformationWords.join(', ')})` : `project delivery (score ${scores['project-management']})`;
    candidates.push({
      plan: OPERATIONAL_TRANSFORMATION,
      reason: `the problem asks to change a process (score ${scores['process-optimization']}) and mentions ${why}`,
      involves: ['process-optimization', 'project-management'],
      partner: scores['process-optimization'] + scores['project-management'],
    });
  }
  candidates.sort((a, b) => Number(b.involves.includes(chosen)) - Number(a.involves.includes(chosen)) || b.partner - a.partner);
  const best = candidates[0];
  if (best) return { ...best.plan, reason: best.reason };
  return {
    ...problemSolutionMetrics(chosen),
    reason: `one skill leads (${SKILL_NAMES[chosen]}); its results are then tracked with performance metrics`,
  };
}

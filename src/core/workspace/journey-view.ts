// Where a team stands in seed 000: each stage with its beat, done / current / next / later, the
// step that moves on and what blocks it now (owners missing, window still running).
import { allowedSteps, blockers, nextStep, stageIndex, windowEndsAt } from './transition';
import { STAGES, type HistoryEntry, type Stage, type Step, type Workspace } from './workspace-schema';

/** The seed-000 beat each stage stands for (movement · beat). */
export const STAGE_INFO: Record<Stage, { label: string; beat: string; event: string }> = {
  assigned: { label: 'Assigned', beat: 'Pattern Assignment & Understanding · Receive Pattern Assignment', event: 'pattern.assigned' },
  kickoff: { label: 'Kickoff', beat: 'Team Kickoff & Baseline · Team Kickoff Meeting (checklist owners)', event: 'workspace.advanced' },
  implementation: { label: 'Implementation started', beat: 'Team Kickoff & Baseline · Create Implementation Tickets (Jira CSV)', event: 'implementation.started' },
  baselined: { label: 'Baselined', beat: 'Team Kickoff & Baseline · Baseline Current Metrics', event: 'metrics.baselined' },
  shadow: { label: 'Shadow', beat: 'Implementation Execution · Test in Staging (router and monitor in shadow mode)', event: 'workspace.advanced' },
  production: { label: 'Production', beat: 'Implementation Execution · Deploy to Production; Wait for Stabilization', event: 'workspace.advanced' },
  measured: { label: 'Measured', beat: 'Measurement & Results Reporting · Measure Post-Implementation Metrics', event: 'metrics.measured' },
  reported: { label: 'Reported', beat: 'Measurement & Results Reporting · Report Results to Leadership', event: 'results.reported' },
  lessons: { label: 'Lessons recorded', beat: 'Measurement & Results Reporting · Document Lessons Learned', event: 'pattern.referenced' },
};

export interface JourneyStep {
  stage: Stage;
  label: string;
  beat: string;
  event: string;
  status: 'done' | 'current' | 'next' | 'later';
  /** When the workspace entered the stage (the last time), from the history. */
  at: string | null;
}

export interface JourneyView {
  steps: JourneyStep[];
  next: { step: Step; blockers: string[] } | null;
  allowed: Step[];
  window: { endsAt: string; elapsed: boolean; daysLeft: number } | null;
}

export function journeyView(w: Workspace, history: readonly HistoryEntry[], now: number): JourneyView {
  const current = stageIndex(w.stage);
  const enteredAt = new Map<Stage, string>();
  for (const h of history) if (h.step !== 'owners' && h.step !== 'stabilized') enteredAt.set(h.stage, h.at);
  const steps = STAGES.map((stage, i): JourneyStep => ({
    stage,
    ...STAGE_INFO[stage],
    status: i < current ? 'done' : i === current ? (stage === 'lessons' ? 'done' : 'current') : i === current + 1 ? 'next' : 'later',
    at: enteredAt.get(stage) ?? null,
  }));
  const step = nextStep(w.stage);
  const ends = windowEndsAt(w);
  return {
    steps,
    next: step === null ? null : { step, blockers: blockers(w, step, now) },
    allowed: allowedSteps(w.stage),
    window: ends === null ? null : { endsAt: new Date(ends).toISOString(), elapsed: now >= ends, daysLeft: Math.max(0, Math.ceil((ends - now) / 86_400_000)) },
  };
}

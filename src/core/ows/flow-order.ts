// The order in which a pattern's flows are read: As-Is steps, and orchestrated steps with each alt
// decision point spliced in after its placement index. Diagrams and scoring share this one reading.
import type { AltDecisionPoint, Step } from './ows-flow';
import type { Pattern } from './schema';

export interface LocatedStep {
  step: Step;
  pointer: string;
  /** Set when the step sits inside an alt branch. */
  decisionId?: string;
  branchIndex?: number;
}

export interface LocatedBranch {
  label: string;
  criteria: string;
  steps: LocatedStep[];
}

export type FlowItem =
  | { type: 'step'; located: LocatedStep }
  | { type: 'decision'; decision: AltDecisionPoint; pointer: string; branches: LocatedBranch[] };

type FlowSource = Pick<Pattern, 'ows'> & { library?: Pick<Pattern['library'], 'diagram'> };

export function asIsItems(pattern: FlowSource): FlowItem[] {
  return pattern.ows.flows.asIs.steps.map((step, i) => ({
    type: 'step' as const,
    located: { step, pointer: `/ows/flows/asIs/steps/${i}` },
  }));
}

function decisionItem(decision: AltDecisionPoint, d: number): FlowItem {
  // Pointers written out: every segment is a fixed name or an index, so nothing needs escaping.
  const base = `/ows/flows/altDecisionPoints/${d}`;
  return {
    type: 'decision',
    decision,
    pointer: base,
    branches: decision.branches.map((branch, b) => ({
      label: branch.label,
      criteria: branch.criteria,
      steps: branch.steps.map((step, i) => ({
        step,
        pointer: `${base}/branches/${b}/steps/${i}`,
        decisionId: decision.id,
        branchIndex: b,
      })),
    })),
  };
}

/** Orchestrated steps with decision blocks inserted after their placement (default: at the end). */
export function orchestratedItems(pattern: FlowSource): FlowItem[] {
  const { toBe, altDecisionPoints } = pattern.ows.flows;
  const placement = pattern.library?.diagram?.decisionPlacement ?? {};
  const last = toBe.steps.length - 1;
  const after = (id: string) => Math.min(placement[id] ?? last, last);
  const items: FlowItem[] = [];
  toBe.steps.forEach((step, i) => {
    items.push({ type: 'step', located: { step, pointer: `/ows/flows/toBe/steps/${i}` } });
    altDecisionPoints.forEach((decision, d) => {
      if (after(decision.id) === i) items.push(decisionItem(decision, d));
    });
  });
  return items;
}

/** The steps of a flow in reading order, alt branches flattened in branch order. */
export function flattenItems(items: ReadonlyArray<FlowItem>): LocatedStep[] {
  return items.flatMap((item) => (item.type === 'step' ? [item.located] : item.branches.flatMap((b) => b.steps)));
}

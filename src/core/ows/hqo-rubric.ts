// The HQO (high-quality orchestration) rubric: the eight OWS dimensions and the house pass rule.
import type { HqoDimensionId, RubricDimension } from './ows-document';

/** DESIGN.md's pass rule; a pattern's own rubric can only make it stricter. */
export const HQO_PASS_RULE = { minDimensionScore: 3, minTotalScore: 30, maxDimensionScore: 5, maxTotalScore: 40 } as const;

/** The canonical wording of each dimension, for patterns that arrive without a rubric of their own. */
export const STANDARD_RUBRIC: ReadonlyArray<RubricDimension & { id: HqoDimensionId }> = [
  {
    id: 'actor_clarity',
    name: 'Actor clarity',
    description: '3–7 actors, each with a distinct short label and a stated role, each taking part in a flow.',
    signals: [],
  },
  {
    id: 'ownership_routing',
    name: 'Ownership & routing',
    description: 'Work reaches one owner by a route early in the flow, the owner is recorded, and work can be re-routed.',
    signals: ['ownership_assigned', 'work_reassigned'],
  },
  {
    id: 'sla_time',
    name: 'SLA & time',
    description: 'The SLA clock starts, warns before breach and drives action; ETAs are given; success criteria state time targets.',
    signals: ['sla_started', 'sla_breach_risk', 'sla_breached', 'eta_provided', 'sla_breach_handling'],
  },
  {
    id: 'alt_decisions',
    name: 'Alt decisions',
    description: 'Required decision points are modeled as alt branches with criteria and distinct, observable outcomes, within the alt budget.',
    signals: ['capacity_available', 'sla_breach_handling'],
  },
  {
    id: 'customer_visibility',
    name: 'Customer visibility',
    description: 'The customer receives an ETA and hears from the flow, including when things go wrong, before the case closes.',
    signals: ['customer_notified', 'eta_provided'],
  },
  {
    id: 'capacity_reality',
    name: 'Capacity reality',
    description: 'Routing checks real capacity, saturation has a decided path, and the model states its volumes and capacities.',
    signals: ['capacity_available', 'capacity_unavailable', 'work_reassigned'],
  },
  {
    id: 'observability',
    name: 'Observability',
    description: 'Steps emit the required signals across the whole case lifecycle and record state changes, so the flow can be measured.',
    signals: ['case_created', 'ownership_assigned', 'sla_started', 'case_closed'],
  },
  {
    id: 'minimal_complexity',
    name: 'Minimal complexity',
    description: 'Both diagrams fit the one-screen budget with headroom: actors, steps, branches, notes and text lengths.',
    signals: [],
  },
];

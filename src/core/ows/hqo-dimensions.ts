// The seven content dimensions of the HQO rubric. Each has five criteria read from the flows,
// decision points, actors and case definition; a dimension's score is the number of criteria met.
import type { Criterion, FlowEvidence } from './hqo-evidence';
import { criterion, isRoute, pointersOf, quoteList } from './hqo-evidence';
import { OWS_SIGNALS } from './ows-flow';
import type { HqoDimensionId } from './ows-document';

const TROUBLE_SIGNALS = ['sla_breach_risk', 'sla_breached', 'capacity_unavailable', 'escalation_triggered'];
const SLA_TRIGGER_SIGNALS = ['sla_breach_risk', 'sla_breached'];
const TIME_TARGET = /\d+(?:[.,]\d+)?\s*(?:min|minutes?|h|hrs?|hours?|days?|business days?|weeks?)\b/i;
const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;
const visibleLabel = (label: string) => label.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();

function actorClarity(ev: FlowEvidence): Criterion[] {
  const { actors, flows } = ev.pattern.ows;
  const inFlow = new Set<string>();
  const initiators = new Set<string>();
  const note = (ids: string[]) => ids.forEach((id) => inFlow.add(id));
  for (const { step } of [...flows.asIs.steps.map((step) => ({ step })), ...ev.steps]) {
    if (step.kind === 'note') note(step.noteOver ?? [step.to]);
    else note([step.from, step.to]);
  }
  const orchestrated = new Set<string>();
  for (const { step } of ev.steps) {
    if (step.kind === 'note') continue;
    orchestrated.add(step.from).add(step.to);
    initiators.add(step.from);
  }
  const vagueRoles = actors.filter((a) => words(a.role) < 4).map((a) => a.id);
  const labels = actors.map((a) => visibleLabel(a.label));
  const longLabels = actors.filter((a) => a.label.length > 24).map((a) => a.id);
  const sameLabel = labels.some((l, i) => labels.indexOf(l) !== i);
  const idle = actors.filter((a) => !inFlow.has(a.id)).map((a) => a.id);
  const passive = [...orchestrated].filter((id) => !initiators.has(id));
  return [
    criterion('actor-count', actors.length >= 3 && actors.length <= 7, `${actors.length} actors declared (3–7 allowed)`, ['/ows/actors']),
    criterion('roles-stated', vagueRoles.length === 0, vagueRoles.length === 0 ? 'every actor states its role in 4 or more words' : `roles under 4 words: ${quoteList(vagueRoles)}`, ['/ows/actors']),
    criterion(
      'labels-distinct-short',
      !sameLabel && longLabels.length === 0,
      sameLabel ? 'two actors share a label' : longLabels.length > 0 ? `labels over 24 characters: ${quoteList(longLabels)}` : 'labels are distinct and at most 24 characters',
      ['/ows/actors'],
    ),
    criterion('all-actors-act', idle.length === 0, idle.length === 0 ? 'every actor takes part in a flow' : `actors in no flow: ${quoteList(idle)}`, ['/ows/actors']),
    criterion(
      'no-passive-participants',
      passive.length === 0,
      passive.length === 0 ? 'every orchestrated participant initiates at least one step' : `only ever on the receiving end: ${quoteList(passive)}`,
      ['/ows/flows/toBe'],
    ),
  ];
}

function ownershipRouting(ev: FlowEvidence): Criterion[] {
  const owned = ev.emitters('ownership_assigned');
  const routed = owned.filter(isRoute);
  const ownerUpdates = ev.steps.filter(({ step }) => Object.keys(step.updates ?? {}).some((k) => k.toLowerCase() === 'owner'));
  const first = ev.firstIndex('ownership_assigned');
  const trouble = Math.min(...TROUBLE_SIGNALS.filter((s) => s !== 'capacity_unavailable').map((s) => ev.firstIndex(s)).filter((i) => i >= 0), Infinity);
  const early = first >= 0 && first < trouble && first < ev.steps.length / 2;
  const rerouted = ev.emitters('work_reassigned');
  return [
    criterion('ownership-signal', owned.length > 0, owned.length > 0 ? `ownership_assigned emitted by ${owned.length} step(s)` : 'no step emits ownership_assigned', pointersOf(owned)),
    criterion('ownership-by-route', routed.length > 0, routed.length > 0 ? 'ownership is handed over by a message between two actors' : 'ownership is never assigned by one actor to another', pointersOf(routed)),
    criterion('owner-recorded', ownerUpdates.length > 0, ownerUpdates.length > 0 ? 'the case state records the owner' : 'no step updates the case "owner"', pointersOf(ownerUpdates)),
    criterion(
      'ownership-early',
      early,
      early ? `an owner is assigned at step ${first + 1} of ${ev.steps.length}, before any SLA risk or escalation` : 'ownership comes late (after SLA risk or escalation, or in the second half of the flow) or not at all',
      pointersOf(owned.slice(0, 1)),
    ),
    criterion('reroute-path', rerouted.length > 0, rerouted.length > 0 ? 'work can be re-routed (work_reassigned)' : 'no step emits work_reassigned', pointersOf(rerouted)),
  ];
}

/** Whether some branch (or the main flow) raises an SLA trigger and then acts on it. */
function triggerLeadsToAction(ev: FlowEvidence): string[] {
  const sequences = [ev.items.flatMap((i) => (i.type === 'step' ? [i.located] : [])), ...ev.decisions().flatMap((d) => d.branches.map((b) => b.steps))];
  for (const steps of sequences) {
    const at = steps.findIndex(({ step }) => SLA_TRIGGER_SIGNALS.some((s) => step.emits?.includes(s)));
    if (at < 0) continue;
    const action = steps.slice(at).find(({ step }) => ['escalation_triggered', 'work_reassigned'].some((s) => step.emits?.includes(s)));
    if (action) return [steps[at]?.pointer ?? '', action.pointer];
  }
  return [];
}

function slaTime(ev: FlowEvidence): Criterion[] {
  const started = ev.emitters('sla_started');
  const risk = ev.emitters('sla_breach_risk');
  const acted = triggerLeadsToAction(ev);
  const eta = ev.emitters('eta_provided');
  const timed = ev.pattern.ows.pattern.successCriteria.filter((c) => TIME_TARGET.test(c));
  return [
    criterion('sla-started', started.length > 0, started.length > 0 ? 'the SLA clock starts in the flow (sla_started)' : 'no step emits sla_started', pointersOf(started)),
    criterion('early-warning', risk.length > 0, risk.length > 0 ? 'breach risk is signalled before the breach (sla_breach_risk)' : 'no early warning: no step emits sla_breach_risk', pointersOf(risk)),
    criterion('trigger-drives-action', acted.length > 0, acted.length > 0 ? 'an SLA trigger is followed by escalation or reassignment in the same path' : 'no SLA trigger is followed by escalation_triggered or work_reassigned', acted),
    criterion('eta-given', eta.length > 0, eta.length > 0 ? 'an ETA is given (eta_provided)' : 'no step emits eta_provided', pointersOf(eta)),
    criterion('time-targets', timed.length > 0, timed.length > 0 ? `${timed.length} success criteria state a time target` : 'no success criterion states a time target (a number with minutes, hours or days)', ['/ows/pattern/successCriteria']),
  ];
}

function altDecisions(ev: FlowEvidence): Criterion[] {
  const { orchestrationQuality, diagramBudget } = ev.pattern.ows;
  const decisions = ev.decisions();
  const modeled = new Set(decisions.map((d) => d.decision.id));
  const missing = orchestrationQuality.requiredDecisionPoints.filter((id) => !modeled.has(id));
  const vague = decisions.filter((d) => d.branches.some((b) => words(b.criteria) < 3) || new Set(d.branches.map((b) => b.label.trim().toLowerCase())).size < d.branches.length);
  const key = (b: (typeof decisions)[number]['branches'][number]) => JSON.stringify(b.steps.map(({ step }) => [step.kind, step.from, step.to, step.action]));
  const alike = decisions.filter((d) => new Set(d.branches.map(key)).size < d.branches.length);
  const silent = decisions.filter((d) => d.branches.some((b) => !b.steps.some(({ step }) => (step.emits?.length ?? 0) > 0 || Object.keys(step.updates ?? {}).length > 0)));
  const longest = Math.max(...decisions.flatMap((d) => d.branches.map((b) => b.steps.length)));
  const fits = decisions.length <= diagramBudget.maxAltBlocks && longest <= diagramBudget.maxStepsPerBranch;
  const ids = (list: typeof decisions) => quoteList(list.map((d) => d.decision.id));
  return [
    criterion('required-modeled', missing.length === 0, missing.length === 0 ? `every required decision point is an alt block (${quoteList(orchestrationQuality.requiredDecisionPoints)})` : `required but not modeled: ${quoteList(missing)}`, ['/ows/flows/altDecisionPoints']),
    criterion('criteria-stated', vague.length === 0, vague.length === 0 ? 'every branch has distinct label and stated criteria' : `branches with vague criteria or repeated labels in ${ids(vague)}`, vague.map((d) => d.pointer)),
    criterion('branches-differ', alike.length === 0, alike.length === 0 ? 'branches of each decision do different things' : `identical branches in ${ids(alike)}`, alike.map((d) => d.pointer)),
    criterion('branches-observable', silent.length === 0, silent.length === 0 ? 'every branch emits a signal or records a state change' : `branches that leave no trace in ${ids(silent)}`, silent.map((d) => d.pointer)),
    criterion(
      'within-alt-budget',
      fits,
      `${decisions.length} alt blocks (max ${diagramBudget.maxAltBlocks}), longest branch ${longest} steps (max ${diagramBudget.maxStepsPerBranch})`,
      ['/ows/diagramBudget'],
    ),
  ];
}

function customerVisibility(ev: FlowEvidence): Criterion[] {
  const notified = ev.emitters('customer_notified');
  const eta = ev.emitters('eta_provided');
  const told = notified.filter(isRoute);
  const troubleBranches = ev.decisions().flatMap((d) => d.branches).filter((b) => b.steps.some(({ step }) => TROUBLE_SIGNALS.some((s) => step.emits?.includes(s))));
  const informed = troubleBranches.filter((b) => b.steps.some(({ step }) => step.emits?.some((s) => s === 'customer_notified' || s === 'eta_provided')));
  const closed = ev.firstIndex('case_closed');
  const firstNotice = ev.firstIndex('customer_notified');
  const before = firstNotice >= 0 && closed >= 0 && firstNotice < closed;
  return [
    criterion('customer-notified', notified.length > 0, notified.length > 0 ? `the customer is notified at ${notified.length} step(s)` : 'no step emits customer_notified', pointersOf(notified)),
    criterion('eta-shared', eta.length > 0, eta.length > 0 ? 'the customer gets an ETA' : 'no step emits eta_provided', pointersOf(eta)),
    criterion('notified-by-message', told.length > 0, told.length > 0 ? 'notifications are messages to another actor' : 'customer_notified is never a message to another actor', pointersOf(told)),
    criterion(
      'told-when-wrong',
      informed.length > 0,
      informed.length > 0 ? 'a trouble branch (capacity, SLA risk or escalation) tells the customer' : troubleBranches.length === 0 ? 'no branch handles trouble' : 'trouble branches never inform the customer',
      informed.flatMap((b) => pointersOf(b.steps.slice(0, 1))),
    ),
    criterion('heard-before-close', before, before ? 'the customer hears from the flow before the case closes' : 'the customer is not notified before case_closed (or the case never closes)', pointersOf(notified.slice(0, 1))),
  ];
}

function capacityReality(ev: FlowEvidence): Criterion[] {
  const decision = ev.decision('capacity_available');
  const full = ev.emitters('capacity_unavailable');
  const saturated = ev.decisions().flatMap((d) => d.branches).filter((b) => b.steps.some(({ step }) => step.emits?.includes('capacity_unavailable')));
  const routedOn = saturated.filter((b) => {
    const at = b.steps.findIndex(({ step }) => step.emits?.includes('capacity_unavailable'));
    return b.steps.slice(at).some((s) => isRoute(s) || (s.step.emits?.includes('work_reassigned') ?? false));
  });
  const firstOwner = ev.steps[ev.firstIndex('ownership_assigned')];
  const checkedFirst = decision !== undefined && firstOwner?.decisionId === 'capacity_available';
  const quantified = ev.pattern.ows.caseDefinition.assumptions.filter((a) => /\d/.test(a));
  return [
    criterion('capacity-decision', decision !== undefined, decision ? 'capacity is a modeled decision (capacity_available)' : 'no capacity_available decision point', decision ? [decision.type === 'decision' ? decision.pointer : ''] : []),
    criterion('capacity-signal', full.length > 0, full.length > 0 ? 'saturation is signalled (capacity_unavailable)' : 'no step emits capacity_unavailable', pointersOf(full)),
    criterion('saturation-routed', routedOn.length > 0, routedOn.length > 0 ? 'when capacity runs out, the work is routed to someone who decides' : 'saturation is signalled but nobody is handed the decision', routedOn.flatMap((b) => pointersOf(b.steps))),
    criterion('checked-before-assign', checkedFirst, checkedFirst ? 'the first assignment happens inside the capacity decision' : 'ownership is assigned without a capacity check first', firstOwner ? [firstOwner.pointer] : []),
    criterion('numbers-stated', quantified.length >= 2, `${quantified.length} assumptions quantify volumes or capacities (2 needed)`, ['/ows/caseDefinition/assumptions']),
  ];
}

function observability(ev: FlowEvidence): Criterion[] {
  const emitted = ev.emittedSignals();
  const missing = ev.pattern.ows.orchestrationQuality.requiredSignals.filter((s) => !emitted.has(s));
  const known = new Set<string>(OWS_SIGNALS);
  const distinctKnown = [...emitted].filter((s) => known.has(s));
  const unknown = [...emitted].filter((s) => !known.has(s));
  const stateful = ev.steps.filter(({ step }) => Object.keys(step.updates ?? {}).length > 0);
  const bounded = emitted.has('case_created') && emitted.has('case_closed');
  return [
    criterion('required-signals-emitted', missing.length === 0, missing.length === 0 ? 'every required signal is emitted' : `required but never emitted: ${quoteList(missing)}`, ['/ows/orchestrationQuality/requiredSignals']),
    criterion('lifecycle-bounded', bounded, bounded ? 'the case is observable from case_created to case_closed' : 'case_created or case_closed is not emitted', pointersOf([...ev.emitters('case_created'), ...ev.emitters('case_closed')])),
    criterion('signal-breadth', distinctKnown.length >= 6, `${distinctKnown.length} distinct OWS signals emitted (6 needed)`, ['/ows/flows/toBe']),
    criterion('state-recorded', stateful.length >= 3, `${stateful.length} steps record case state updates (3 needed)`, pointersOf(stateful)),
    criterion('signals-known', unknown.length === 0, unknown.length === 0 ? 'every emitted signal is an OWS signal' : `unknown signals (typo?): ${quoteList(unknown)}`, ['/ows/flows/toBe']),
  ];
}

export const CONTENT_DIMENSIONS: ReadonlyArray<[HqoDimensionId, (ev: FlowEvidence) => Criterion[]]> = [
  ['actor_clarity', actorClarity],
  ['ownership_routing', ownershipRouting],
  ['sla_time', slaTime],
  ['alt_decisions', altDecisions],
  ['customer_visibility', customerVisibility],
  ['capacity_reality', capacityReality],
  ['observability', observability],
];

/** Orchestrated steps that raise an SLA trigger (sla_breach_risk or sla_breached). */
export function slaTriggers(ev: FlowEvidence) {
  return ev.steps.filter(({ step }) => SLA_TRIGGER_SIGNALS.some((s) => step.emits?.includes(s)));
}

/** Orchestrated steps that escalate along a route to another actor. */
export function escalationRoutes(ev: FlowEvidence) {
  return ev.emitters('escalation_triggered').filter(isRoute);
}

// The seven content dimensions of the HQO rubric. Each has five criteria read from the flows,
// decision points, actors and case definition; a dimension's score is the number of criteria met.
import type { Criterion, FlowEvidence } from './hqo-evidence';
import { check, criterion, emitsAny, hasTrace, isRoute, pointersOf, quoteList, words } from './hqo-evidence';
import type { LocatedBranch, LocatedStep } from './flow-order';
import { OWS_SIGNALS } from './ows-flow';
import type { HqoDimensionId } from './ows-document';

const TROUBLE_SIGNALS = ['sla_breach_risk', 'sla_breached', 'capacity_unavailable', 'escalation_triggered'];
const SLA_TRIGGER_SIGNALS = ['sla_breach_risk', 'sla_breached'];
const ACTION_SIGNALS = ['escalation_triggered', 'work_reassigned'];
const TIME_TARGET = /\d+(?:[.,]\d+)?\s*(?:min|minutes?|h|hrs?|hours?|days?|business days?|weeks?)\b/i;

const visibleLabel = (label: string) => label.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();

function actorClarity(ev: FlowEvidence): Criterion[] {
  const { actors, flows } = ev.pattern.ows;
  const inFlow = new Set<string>();
  for (const step of [...flows.asIs.steps, ...ev.steps.map((s) => s.step)]) {
    const ids = step.kind === 'note' ? (step.noteOver ?? [step.to]) : [step.from, step.to];
    ids.forEach((id) => inFlow.add(id));
  }
  const orchestrated = new Set<string>();
  const initiators = new Set<string>();
  for (const { step } of ev.steps) {
    if (step.kind === 'note') continue;
    orchestrated.add(step.from).add(step.to);
    initiators.add(step.from);
  }
  const vague = actors.filter((a) => words(a.role) < 4).map((a) => a.id);
  const labels = actors.map((a) => visibleLabel(a.label));
  const sameLabel = labels.some((l, i) => labels.indexOf(l) !== i);
  const long = actors.filter((a) => a.label.length > 24).map((a) => a.id);
  const idle = actors.filter((a) => !inFlow.has(a.id)).map((a) => a.id);
  const passive = [...orchestrated].filter((id) => !initiators.has(id));
  return [
    criterion('actor-count', actors.length >= 3 && actors.length <= 7, `${actors.length} actors declared (3–7 allowed)`, ['/ows/actors']),
    check('roles-stated', vague.length === 0, 'every actor states its role in 4 or more words', `roles under 4 words: ${quoteList(vague)}`, ['/ows/actors']),
    check(
      'labels-distinct-short',
      !sameLabel && long.length === 0,
      'labels are distinct and at most 24 characters',
      sameLabel ? 'two actors share a label' : `labels over 24 characters: ${quoteList(long)}`,
      ['/ows/actors'],
    ),
    check('all-actors-act', idle.length === 0, 'every actor takes part in a flow', `actors in no flow: ${quoteList(idle)}`, ['/ows/actors']),
    check(
      'no-passive-participants',
      passive.length === 0,
      'every orchestrated participant initiates at least one step',
      `only ever on the receiving end: ${quoteList(passive)}`,
      ['/ows/flows/toBe'],
    ),
  ];
}

function ownershipRouting(ev: FlowEvidence): Criterion[] {
  const owned = ev.emitters('ownership_assigned');
  const routed = owned.filter(isRoute);
  const ownerUpdates = ev.steps.filter(({ step }) => Object.keys(step.updates ?? {}).some((k) => k.toLowerCase() === 'owner'));
  const first = ev.firstIndex('ownership_assigned');
  const troubleAt = ['sla_breach_risk', 'sla_breached', 'escalation_triggered'].map((s) => ev.firstIndex(s)).filter((i) => i >= 0);
  const early = first >= 0 && first < Math.min(...troubleAt, Infinity) && first < ev.steps.length / 2;
  const rerouted = ev.emitters('work_reassigned');
  return [
    check('ownership-signal', owned.length > 0, `ownership_assigned emitted by ${owned.length} step(s)`, 'no step emits ownership_assigned', pointersOf(owned)),
    check(
      'ownership-by-route',
      routed.length > 0,
      'ownership is handed over by a message between two actors',
      'ownership is never assigned by one actor to another',
      pointersOf(routed),
    ),
    check('owner-recorded', ownerUpdates.length > 0, 'the case state records the owner', 'no step updates the case "owner"', pointersOf(ownerUpdates)),
    check(
      'ownership-early',
      early,
      `an owner is assigned at step ${first + 1} of ${ev.steps.length}, before any SLA risk or escalation`,
      'ownership comes late (after SLA risk or escalation, or in the second half of the flow) or not at all',
      pointersOf(owned.slice(0, 1)),
    ),
    check('reroute-path', rerouted.length > 0, 'work can be re-routed (work_reassigned)', 'no step emits work_reassigned', pointersOf(rerouted)),
  ];
}

/** Pointers of an SLA trigger and the escalation or reassignment that follows it in the same path. */
function triggerLeadsToAction(ev: FlowEvidence): string[] {
  const main = ev.items.flatMap((i) => (i.type === 'step' ? [i.located] : []));
  const paths = [main, ...ev.decisions().flatMap((d) => d.branches.map((b) => b.steps))];
  for (const steps of paths) {
    const at = steps.findIndex((s) => emitsAny(s, SLA_TRIGGER_SIGNALS));
    const trigger = steps[at];
    const action = at < 0 ? undefined : steps.slice(at).find((s) => emitsAny(s, ACTION_SIGNALS));
    if (trigger && action) return [trigger.pointer, action.pointer];
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
    check('sla-started', started.length > 0, 'the SLA clock starts in the flow (sla_started)', 'no step emits sla_started', pointersOf(started)),
    check(
      'early-warning',
      risk.length > 0,
      'breach risk is signalled before the breach (sla_breach_risk)',
      'no early warning: no step emits sla_breach_risk',
      pointersOf(risk),
    ),
    check(
      'trigger-drives-action',
      acted.length > 0,
      'an SLA trigger is followed by escalation or reassignment in the same path',
      'no SLA trigger is followed by escalation_triggered or work_reassigned',
      acted,
    ),
    check('eta-given', eta.length > 0, 'an ETA is given (eta_provided)', 'no step emits eta_provided', pointersOf(eta)),
    check(
      'time-targets',
      timed.length > 0,
      `${timed.length} success criteria state a time target`,
      'no success criterion states a time target (a number with minutes, hours or days)',
      ['/ows/pattern/successCriteria'],
    ),
  ];
}

function altDecisions(ev: FlowEvidence): Criterion[] {
  const { orchestrationQuality, diagramBudget } = ev.pattern.ows;
  const decisions = ev.decisions();
  const ids = (list: typeof decisions) => quoteList(list.map((d) => d.decision.id));
  const modeled = new Set(decisions.map((d) => d.decision.id));
  const missing = orchestrationQuality.requiredDecisionPoints.filter((id) => !modeled.has(id));
  const distinctLabels = (branches: LocatedBranch[]) => new Set(branches.map((b) => b.label.trim().toLowerCase())).size === branches.length;
  const vague = decisions.filter((d) => d.branches.some((b) => words(b.criteria) < 3) || !distinctLabels(d.branches));
  const shape = (b: LocatedBranch) => JSON.stringify(b.steps.map(({ step }) => [step.kind, step.from, step.to, step.action]));
  const alike = decisions.filter((d) => new Set(d.branches.map(shape)).size < d.branches.length);
  const silent = decisions.filter((d) => d.branches.some((b) => !b.steps.some(hasTrace)));
  const longest = Math.max(...decisions.flatMap((d) => d.branches.map((b) => b.steps.length)));
  const fits = decisions.length <= diagramBudget.maxAltBlocks && longest <= diagramBudget.maxStepsPerBranch;
  return [
    check(
      'required-modeled',
      missing.length === 0,
      `every required decision point is an alt block (${quoteList(orchestrationQuality.requiredDecisionPoints)})`,
      `required but not modeled: ${quoteList(missing)}`,
      ['/ows/flows/altDecisionPoints'],
    ),
    check(
      'criteria-stated',
      vague.length === 0,
      'every branch has distinct label and stated criteria',
      `branches with vague criteria or repeated labels in ${ids(vague)}`,
      vague.map((d) => d.pointer),
    ),
    check('branches-differ', alike.length === 0, 'branches of each decision do different things', `identical branches in ${ids(alike)}`, alike.map((d) => d.pointer)),
    check(
      'branches-observable',
      silent.length === 0,
      'every branch emits a signal or records a state change',
      `branches that leave no trace in ${ids(silent)}`,
      silent.map((d) => d.pointer),
    ),
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
  const branches = ev.decisions().flatMap((d) => d.branches);
  const trouble = branches.filter((b) => b.steps.some((s) => emitsAny(s, TROUBLE_SIGNALS)));
  const informed = trouble.filter((b) => b.steps.some((s) => emitsAny(s, ['customer_notified', 'eta_provided'])));
  const closed = ev.firstIndex('case_closed');
  const firstNotice = ev.firstIndex('customer_notified');
  const before = firstNotice >= 0 && closed >= 0 && firstNotice < closed;
  return [
    check('customer-notified', notified.length > 0, `the customer is notified at ${notified.length} step(s)`, 'no step emits customer_notified', pointersOf(notified)),
    check('eta-shared', eta.length > 0, 'the customer gets an ETA', 'no step emits eta_provided', pointersOf(eta)),
    check(
      'notified-by-message',
      told.length > 0,
      'notifications are messages to another actor',
      'customer_notified is never a message to another actor',
      pointersOf(told),
    ),
    check(
      'told-when-wrong',
      informed.length > 0,
      'a trouble branch (capacity, SLA risk or escalation) tells the customer',
      trouble.length === 0 ? 'no branch handles trouble' : 'trouble branches never inform the customer',
      informed.flatMap((b) => pointersOf(b.steps.slice(0, 1))),
    ),
    check(
      'heard-before-close',
      before,
      'the customer hears from the flow before the case closes',
      'the customer is not notified before case_closed (or the case never closes)',
      pointersOf(notified.slice(0, 1)),
    ),
  ];
}

function capacityReality(ev: FlowEvidence): Criterion[] {
  const decision = ev.decisions().find((d) => d.decision.id === 'capacity_available');
  const full = ev.emitters('capacity_unavailable');
  const saturated = ev.decisions().flatMap((d) => d.branches).filter((b) => b.steps.some((s) => emitsAny(s, ['capacity_unavailable'])));
  const handedOn = saturated.filter((b) => {
    const at = b.steps.findIndex((s) => emitsAny(s, ['capacity_unavailable']));
    return b.steps.slice(at).some((s) => isRoute(s) || emitsAny(s, ['work_reassigned']));
  });
  const firstOwner = ev.steps[ev.firstIndex('ownership_assigned')];
  const checkedFirst = decision !== undefined && firstOwner?.decisionId === 'capacity_available';
  const quantified = ev.pattern.ows.caseDefinition.assumptions.filter((a) => /\d/.test(a));
  return [
    check(
      'capacity-decision',
      decision !== undefined,
      'capacity is a modeled decision (capacity_available)',
      'no capacity_available decision point',
      decision ? [decision.pointer] : [],
    ),
    check('capacity-signal', full.length > 0, 'saturation is signalled (capacity_unavailable)', 'no step emits capacity_unavailable', pointersOf(full)),
    check(
      'saturation-routed',
      handedOn.length > 0,
      'when capacity runs out, the work is routed to someone who decides',
      'saturation is signalled but nobody is handed the decision',
      handedOn.flatMap((b) => pointersOf(b.steps)),
    ),
    check(
      'checked-before-assign',
      checkedFirst,
      'the first assignment happens inside the capacity decision',
      'ownership is assigned without a capacity check first',
      firstOwner ? [firstOwner.pointer] : [],
    ),
    criterion('numbers-stated', quantified.length >= 2, `${quantified.length} assumptions quantify volumes or capacities (2 needed)`, [
      '/ows/caseDefinition/assumptions',
    ]),
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
    check(
      'required-signals-emitted',
      missing.length === 0,
      'every required signal is emitted',
      `required but never emitted: ${quoteList(missing)}`,
      ['/ows/orchestrationQuality/requiredSignals'],
    ),
    check(
      'lifecycle-bounded',
      bounded,
      'the case is observable from case_created to case_closed',
      'case_created or case_closed is not emitted',
      pointersOf([...ev.emitters('case_created'), ...ev.emitters('case_closed')]),
    ),
    criterion('signal-breadth', distinctKnown.length >= 6, `${distinctKnown.length} distinct OWS signals emitted (6 needed)`, ['/ows/flows/toBe']),
    criterion('state-recorded', stateful.length >= 3, `${stateful.length} steps record case state updates (3 needed)`, pointersOf(stateful)),
    check('signals-known', unknown.length === 0, 'every emitted signal is an OWS signal', `unknown signals (typo?): ${quoteList(unknown)}`, ['/ows/flows/toBe']),
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
export function slaTriggers(ev: FlowEvidence): LocatedStep[] {
  return ev.steps.filter((s) => emitsAny(s, SLA_TRIGGER_SIGNALS));
}

/** Orchestrated steps that escalate along a route to another actor. */
export function escalationRoutes(ev: FlowEvidence): LocatedStep[] {
  return ev.emitters('escalation_triggered').filter(isRoute);
}

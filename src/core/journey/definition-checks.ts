// The rules a journey definition must follow beyond its shape: every reference resolves, every
// stage is reachable and can finish, events are unambiguous, task graphs have no cycles.
import { toPointer } from '../shared/json-pointer';
import { findTemplateProblems, type UnitTemplate } from '../work/unit-template';
import { isBuiltinMetric } from './builtin-metrics';
import type { JourneyDefinition, Stage } from './definition-schema';
import type { RollbackTargetPolicy } from './rollback-schema';

export interface DefinitionError {
  /** RFC 6901 pointer into the definition document. */
  pointer: string;
  message: string;
}

type Path = Array<string | number>;

export function findDefinitionProblems(def: JourneyDefinition): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const add = (path: Path, message: string) => errors.push({ pointer: toPointer(path), message });
  const stageIndex = new Map<string, number>();
  def.stages.forEach((stage, i) => {
    if (stageIndex.has(stage.id)) add(['stages', i, 'id'], `stage id '${stage.id}' is used more than once (first at /stages/${stageIndex.get(stage.id)})`);
    else stageIndex.set(stage.id, i);
  });
  const stageOf = (id: string): Stage | undefined => {
    const i = stageIndex.get(id);
    return i === undefined ? undefined : def.stages[i];
  };
  const stageList = [...stageIndex.keys()].join(', ');
  const failureStages = def.stages.filter((s) => s.kind === 'final' && s.outcome === 'failure');
  const rollbackStages = def.stages.filter((s) => s.kind === 'rollback');

  checkStageKinds(def, add);
  if (!def.stages.some((s) => s.kind === 'final')) add(['stages'], 'no final stage: a journey could never finish');
  rollbackStages.slice(1).forEach((s) => add(['stages', def.stages.indexOf(s), 'kind'], `only one rollback stage is allowed, '${rollbackStages[0]!.id}' is already one`));

  // Events
  const declared = new Map<string, number>();
  def.events.forEach((e, i) => {
    if (declared.has(e.name)) add(['events', i, 'name'], `event '${e.name}' is declared more than once (first at /events/${declared.get(e.name)})`);
    else declared.set(e.name, i);
  });
  const eventList = [...declared.keys()].join(', ');

  // Transitions
  const initial = def.transitions.flatMap((t, i) => (t.from === null ? [i] : []));
  if (initial.length === 0) add(['transitions'], 'no transition with "from": null: nothing starts the journey');
  initial.slice(1).forEach((i) => add(['transitions', i, 'from'], `only one transition may start the journey; /transitions/${initial[0]} already does`));
  const seenPairs = new Map<string, number>();
  def.transitions.forEach((t, i) => {
    if (!declared.has(t.event)) add(['transitions', i, 'event'], `event '${t.event}' is not declared in /events (declared: ${eventList})`);
    const pair = `${t.from ?? ''}\u0000${t.event}`;
    if (seenPairs.has(pair)) {
      add(['transitions', i, 'event'], `event '${t.event}' already leaves ${t.from === null ? 'the start' : `stage '${t.from}'`} at /transitions/${seenPairs.get(pair)}: a journey must know where one event leads`);
    } else seenPairs.set(pair, i);

    const from = t.from === null ? undefined : stageOf(t.from);
    if (t.from !== null && !from) add(['transitions', i, 'from'], `stage '${t.from}' is not defined (stages: ${stageList})`);
    if (from?.kind === 'final') add(['transitions', i, 'from'], `stage '${from.id}' is final and cannot have outgoing transitions`);

    if (typeof t.to === 'string') {
      const to = stageOf(t.to);
      if (!to) add(['transitions', i, 'to'], `stage '${t.to}' is not defined (stages: ${stageList})`);
      else if (t.from === null && to.kind !== 'active') add(['transitions', i, 'to'], `the journey must start in an active stage, '${to.id}' is ${to.kind}`);
      else if (to.kind === 'rollback' && from && from.kind !== 'active') add(['transitions', i, 'from'], `only an active stage can roll back, '${from.id}' is ${from.kind}`);
    } else if (from?.kind !== 'rollback') {
      add(['transitions', i, 'to'], '{"resolve": "rollback_target"} can only leave the rollback stage');
    }
    if (t.guard === 'units_completed' && t.from === null) add(['transitions', i, 'guard'], 'units_completed needs a source stage; the starting transition has none');
  });

  checkReachability(def, stageIndex, add);
  checkRollback(def, stageIndex, failureStages.length, add);
  def.stages.forEach((stage, i) => checkStageParts(def, stage, i, declared, add));

  const counters = new Map<string, number>();
  def.counters.forEach((c, i) => {
    if (counters.has(c.metric)) add(['counters', i, 'metric'], `metric '${c.metric}' already has a counter at /counters/${counters.get(c.metric)}`);
    else counters.set(c.metric, i);
    if (isBuiltinMetric(c.metric)) add(['counters', i, 'metric'], `'${c.metric}' is computed by the journey itself and cannot be a counter`);
  });
  return errors;
}

function checkStageKinds(def: JourneyDefinition, add: (p: Path, m: string) => void): void {
  def.stages.forEach((s, i) => {
    if (s.kind === 'final' && !s.outcome) add(['stages', i, 'outcome'], `final stage '${s.id}' needs "outcome": "success" or "failure"`);
    if (s.kind !== 'final' && s.outcome) add(['stages', i, 'outcome'], `only final stages have an outcome; '${s.id}' is ${s.kind}`);
    if (s.kind !== 'active' && s.exitCriteria.length > 0) add(['stages', i, 'exitCriteria'], `exit criteria of ${s.kind} stage '${s.id}' would never be checked: only transitions out of active stages are gated`);
    if (s.kind !== 'active' && s.rollbackRules.length > 0) add(['stages', i, 'rollbackRules'], `${s.kind} stage '${s.id}' cannot roll back`);
    if (s.kind !== 'active' && s.rollbackUnitOfWork) add(['stages', i, 'rollbackUnitOfWork'], `${s.kind} stage '${s.id}' cannot roll back`);
    if (s.kind !== 'active' && s.rollbackTarget) add(['stages', i, 'rollbackTarget'], `${s.kind} stage '${s.id}' cannot roll back`);
  });
}

function checkReachability(def: JourneyDefinition, stageIndex: Map<string, number>, add: (p: Path, m: string) => void): void {
  const edges = new Map<string | null, string[]>();
  const link = (from: string | null, to: string) => edges.set(from, [...(edges.get(from) ?? []), to]);
  const failure = def.stages.find((s) => s.kind === 'final' && s.outcome === 'failure');
  for (const t of def.transitions) {
    if (typeof t.to === 'string') link(t.from, t.to);
    else if (t.from !== null) {
      // A resumed journey goes back to a stage it has been in, to a named target, or to cancellation.
      for (const policy of [def.rollbackTarget, ...def.stages.map((s) => s.rollbackTarget)]) {
        if (policy?.kind === 'stage') link(t.from, policy.stage);
        if (policy?.kind === 'cancel' && failure) link(t.from, failure.id);
      }
    }
  }
  const reached = new Set<string>();
  const queue: Array<string | null> = [null];
  while (queue.length > 0) {
    for (const next of edges.get(queue.shift()!) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  for (const [id, i] of stageIndex) {
    const stage = def.stages[i]!;
    if (!reached.has(id)) add(['stages', i], `stage '${id}' is unreachable: no chain of transitions leads to it from the start`);
    if (stage.kind !== 'final' && !def.transitions.some((t) => t.from === id)) add(['stages', i], `stage '${id}' has no outgoing transitions: a journey that enters it could never finish`);
  }
}

function checkPolicy(policy: RollbackTargetPolicy | undefined, path: Path, def: JourneyDefinition, failureCount: number, add: (p: Path, m: string) => void): void {
  if (policy?.kind === 'stage') {
    const target = def.stages.find((s) => s.id === policy.stage);
    if (!target) add([...path, 'stage'], `rollback target stage '${policy.stage}' is not defined`);
    else if (target.kind !== 'active') add([...path, 'stage'], `a rollback resumes in an active stage; '${policy.stage}' is ${target.kind}`);
  }
  if (policy?.kind === 'cancel' && failureCount !== 1) add([...path, 'kind'], `cancelling needs exactly one final stage with outcome "failure", found ${failureCount}`);
}

function checkRollback(def: JourneyDefinition, stageIndex: Map<string, number>, failureCount: number, add: (p: Path, m: string) => void): void {
  const rollback = def.stages.find((s) => s.kind === 'rollback');
  checkPolicy(def.rollbackTarget, ['rollbackTarget'], def, failureCount, add);
  const triggers = new Map<string, number>();
  def.rollbackTriggers.forEach((t, i) => {
    if (triggers.has(t.id)) add(['rollbackTriggers', i, 'id'], `trigger '${t.id}' is declared more than once`);
    else triggers.set(t.id, i);
  });
  if (rollback) {
    const i = stageIndex.get(rollback.id)!;
    if (!def.transitions.some((t) => t.from === rollback.id && typeof t.to !== 'string')) {
      add(['stages', i], `rollback stage '${rollback.id}' needs a transition to {"resolve": "rollback_target"} to resume the journey`);
    }
    if (def.rollbackTriggers.length === 0) add(['rollbackTriggers'], `declare at least one rollback trigger: a rollback into '${rollback.id}' must name one`);
  }
  def.stages.forEach((stage, i) => {
    checkPolicy(stage.rollbackTarget, ['stages', i, 'rollbackTarget'], def, failureCount, add);
    stage.rollbackRules.forEach((rule, j) => {
      if (!triggers.has(rule.trigger)) add(['stages', i, 'rollbackRules', j, 'trigger'], `trigger '${rule.trigger}' is not declared in /rollbackTriggers`);
    });
    const canRollBack = def.transitions.some((t) => t.from === stage.id && typeof t.to === 'string' && t.to === rollback?.id);
    const usesRollback = stage.rollbackRules.length > 0 || stage.rollbackUnitOfWork !== undefined || stage.rollbackTarget !== undefined;
    if (usesRollback && stage.kind === 'active' && !canRollBack) {
      add(['stages', i], `stage '${stage.id}' declares rollback rules, a rollback unit of work or a rollback target, but no transition leads from it to a rollback stage`);
    }
  });
}

function checkStageParts(def: JourneyDefinition, stage: Stage, i: number, declared: Map<string, number>, add: (p: Path, m: string) => void): void {
  const templateErrors = (templates: UnitTemplate[], base: Path, offset: (path: Array<string | number>) => Path) => {
    for (const p of findTemplateProblems(templates)) add([...base, ...offset(p.path)], p.message);
  };
  templateErrors(stage.unitsOfWork, ['stages', i, 'unitsOfWork'], (p) => p);
  if (stage.rollbackUnitOfWork) templateErrors([stage.rollbackUnitOfWork], ['stages', i, 'rollbackUnitOfWork'], (p) => p.slice(1));

  const timerKeys = new Set<string>();
  stage.timers.forEach((timer, j) => {
    if (timerKeys.has(timer.key)) add(['stages', i, 'timers', j, 'key'], `timer key '${timer.key}' is used more than once in stage '${stage.id}'`);
    timerKeys.add(timer.key);
    if (timer.event === undefined) return;
    if (!declared.has(timer.event)) add(['stages', i, 'timers', j, 'event'], `event '${timer.event}' is not declared in /events`);
    else if (!def.transitions.some((t) => t.from === stage.id && t.event === timer.event)) {
      add(['stages', i, 'timers', j, 'event'], `event '${timer.event}' does not leave stage '${stage.id}', so the timer could never move the journey`);
    }
  });
}

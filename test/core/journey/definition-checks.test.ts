import { describe, it, expect } from 'vitest';
import { validateDefinition, type JourneyDefinitionInput } from '../../../src/core/journey/definition';
import { tinyDefinition } from './fixtures/tiny-definition';

type Mutable = JourneyDefinitionInput & { stages: Array<Record<string, unknown> & { id: string }>; transitions: Array<Record<string, unknown>> };

function errorsOf(change: (d: Mutable) => void): Array<{ pointer: string; message: string }> {
  const def = tinyDefinition() as Mutable;
  change(def);
  const r = validateDefinition(def);
  return r.ok ? [] : r.errors;
}

const stage = (d: Mutable, id: string) => d.stages.find((s) => s.id === id)!;

describe('definition checks', () => {
  it('finds no problem in the fixture', () => {
    expect(errorsOf(() => {})).toEqual([]);
  });

  it('reports a transition to or from an unknown stage', () => {
    expect(errorsOf((d) => d.transitions.push({ from: 'draft', event: 'approve', to: 'published' }))).toEqual([
      { pointer: '/transitions/6/to', message: "stage 'published' is not defined (stages: draft, review, rollback, done, cancelled)" },
    ]);
    expect(errorsOf((d) => d.transitions.push({ from: 'archive', event: 'approve', to: 'done' }))[0]).toEqual({
      pointer: '/transitions/6/from',
      message: "stage 'archive' is not defined (stages: draft, review, rollback, done, cancelled)",
    });
  });

  it('reports an undeclared event and a duplicate event declaration', () => {
    expect(errorsOf((d) => (d.transitions[2]!.event = 'publish'))).toContainEqual({
      pointer: '/transitions/2/event',
      message: "event 'publish' is not declared in /events (declared: start, submit, approve, roll_back, resume, cancel)",
    });
    expect(errorsOf((d) => d.events.push({ name: 'submit' }))).toEqual([{ pointer: '/events/6/name', message: "event 'submit' is declared more than once (first at /events/1)" }]);
  });

  it('reports the same event leaving a stage twice', () => {
    expect(errorsOf((d) => d.transitions.push({ from: 'draft', event: 'submit', to: 'done' }))).toEqual([
      { pointer: '/transitions/6/event', message: "event 'submit' already leaves stage 'draft' at /transitions/1: a journey must know where one event leads" },
    ]);
  });

  it('reports a final stage with outgoing transitions', () => {
    expect(errorsOf((d) => d.transitions.push({ from: 'done', event: 'submit', to: 'review' }))).toEqual([
      { pointer: '/transitions/6/from', message: "stage 'done' is final and cannot have outgoing transitions" },
    ]);
  });

  it('reports an unreachable stage and a dead end', () => {
    const errors = errorsOf((d) => d.stages.push({ id: 'limbo', name: 'Limbo', kind: 'active' }));
    expect(errors).toEqual([
      { pointer: '/stages/5', message: "stage 'limbo' is unreachable: no chain of transitions leads to it from the start" },
      { pointer: '/stages/5', message: "stage 'limbo' has no outgoing transitions: a journey that enters it could never finish" },
    ]);
  });

  it('requires exactly one start, into an active stage', () => {
    expect(errorsOf((d) => d.transitions.splice(0, 1))).toContainEqual({ pointer: '/transitions', message: 'no transition with "from": null: nothing starts the journey' });
    expect(errorsOf((d) => d.transitions.push({ from: null, event: 'submit', to: 'review' }))).toContainEqual({
      pointer: '/transitions/6/from',
      message: 'only one transition may start the journey; /transitions/0 already does',
    });
    expect(errorsOf((d) => (d.transitions[0]!.to = 'done'))).toContainEqual({ pointer: '/transitions/0/to', message: "the journey must start in an active stage, 'done' is final" });
  });

  it('checks stage kinds and outcomes', () => {
    expect(errorsOf((d) => delete stage(d, 'done').outcome)).toEqual([{ pointer: '/stages/3/outcome', message: `final stage 'done' needs "outcome": "success" or "failure"` }]);
    expect(errorsOf((d) => (stage(d, 'draft').outcome = 'success'))).toEqual([{ pointer: '/stages/0/outcome', message: "only final stages have an outcome; 'draft' is active" }]);
    expect(errorsOf((d) => (stage(d, 'done').exitCriteria = [{ metric: 'x', operator: '>', threshold: 1 }]))).toEqual([
      { pointer: '/stages/3/exitCriteria', message: "exit criteria of final stage 'done' would never be checked: only transitions out of active stages are gated" },
    ]);
    expect(errorsOf((d) => d.stages.push({ id: 'rollback2', name: 'R2', kind: 'rollback' }))).toContainEqual({ pointer: '/stages/5/kind', message: "only one rollback stage is allowed, 'rollback' is already one" });
  });

  it('checks the rollback wiring', () => {
    expect(errorsOf((d) => (stage(d, 'review').rollbackRules = [{ trigger: 'cosmic_ray', metric: 'x', operator: '>', threshold: 0 }]))).toEqual([
      { pointer: '/stages/1/rollbackRules/0/trigger', message: "trigger 'cosmic_ray' is not declared in /rollbackTriggers" },
    ]);
    expect(errorsOf((d) => (stage(d, 'draft').rollbackRules = [{ trigger: 'typo', metric: 'x', operator: '>', threshold: 0 }]))).toEqual([
      { pointer: '/stages/0', message: "stage 'draft' declares rollback rules, a rollback unit of work or a rollback target, but no transition leads from it to a rollback stage" },
    ]);
    expect(errorsOf((d) => d.transitions.splice(4, 1))).toContainEqual({ pointer: '/stages/2', message: `rollback stage 'rollback' needs a transition to {"resolve": "rollback_target"} to resume the journey` });
    expect(errorsOf((d) => (d.transitions[2]!.to = { resolve: 'rollback_target' }))).toContainEqual({ pointer: '/transitions/2/to', message: '{"resolve": "rollback_target"} can only leave the rollback stage' });
    expect(errorsOf((d) => (d.rollbackTriggers = []))).toEqual([
      { pointer: '/rollbackTriggers', message: "declare at least one rollback trigger: a rollback into 'rollback' must name one" },
      { pointer: '/stages/1/rollbackRules/0/trigger', message: "trigger 'typo' is not declared in /rollbackTriggers" },
    ]);
    expect(errorsOf((d) => (d.rollbackTarget = { kind: 'stage', stage: 'done' }))).toEqual([{ pointer: '/rollbackTarget/stage', message: "a rollback resumes in an active stage; 'done' is final" }]);
    expect(errorsOf((d) => (stage(d, 'review').rollbackTarget = { kind: 'stage', stage: 'nowhere' }))).toEqual([{ pointer: '/stages/1/rollbackTarget/stage', message: "rollback target stage 'nowhere' is not defined" }]);
    expect(
      errorsOf((d) => {
        d.rollbackTarget = { kind: 'cancel' };
        d.stages.push({ id: 'abandoned', name: 'Abandoned', kind: 'final', outcome: 'failure' });
        d.transitions.push({ from: 'review', event: 'cancel', to: 'abandoned' });
      }),
    ).toEqual([{ pointer: '/rollbackTarget/kind', message: 'cancelling needs exactly one final stage with outcome "failure", found 2' }]);
  });

  it('reports task-graph problems inside stage units with pointers into the stage', () => {
    const errors = errorsOf((d) => {
      stage(d, 'draft').unitsOfWork = [
        { key: 'write', name: 'Write', tasks: [{ key: 'outline', name: 'Outline', handler: 'writer', dependsOn: ['edit'] }, { key: 'edit', name: 'Edit', handler: 'editor', dependsOn: ['outline'] }] },
      ];
      stage(d, 'review').rollbackUnitOfWork = { key: 'undo', name: 'Undo', tasks: [{ key: 'revert', name: 'Revert', handler: 'git', dependsOn: ['ghost'] }] };
    });
    expect(errors).toEqual([
      { pointer: '/stages/0/unitsOfWork/0/tasks/0/dependsOn', message: 'tasks depend on each other in a cycle: write/outline → write/edit → write/outline' },
      { pointer: '/stages/1/rollbackUnitOfWork/tasks/0/dependsOn/0', message: `task 'undo/revert' depends on 'ghost', which is not a task of this stage (use "taskKey" or "unitKey/taskKey")` },
    ]);
  });

  it('checks timers and counters', () => {
    expect(errorsOf((d) => (stage(d, 'review').timers = [{ key: 'wait', afterMs: 1000, event: 'submit' }, { key: 'wait', afterMs: 5 }]))).toEqual([
      { pointer: '/stages/1/timers/0/event', message: "event 'submit' does not leave stage 'review', so the timer could never move the journey" },
      { pointer: '/stages/1/timers/1/key', message: "timer key 'wait' is used more than once in stage 'review'" },
    ]);
    expect(
      errorsOf((d) => {
        d.counters = [
          { metric: 'bugs', topic: 'bug.reported' },
          { metric: 'bugs', topic: 'bug.filed' },
          { metric: 'days_in_stage', topic: 'x' },
        ];
      }),
    ).toEqual([
      { pointer: '/counters/1/metric', message: "metric 'bugs' already has a counter at /counters/0" },
      { pointer: '/counters/2/metric', message: "'days_in_stage' is computed by the journey itself and cannot be a counter" },
    ]);
  });

  it('lists every semantic error at once', () => {
    const errors = errorsOf((d) => {
      d.transitions.push({ from: 'ghost', event: 'nope', to: 'done' });
      d.events.push({ name: 'start' });
      delete stage(d, 'done').outcome;
    });
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/events/6/name', '/stages/3/outcome', '/transitions/6/event', '/transitions/6/from']);
  });
});

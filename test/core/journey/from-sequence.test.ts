import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { journeyFromSequence, toEventName } from '../../../src/core/journey/from-sequence';
import { transition } from '../../../src/core/journey/transition';
import { JourneyDriver, ofType } from './fixtures/journey-driver';

const operator: unknown = JSON.parse(readFileSync(new URL('../../fixtures/sequences/operator-implementation.json', import.meta.url), 'utf8'));
type Seq = { movements: Array<{ name: string; beats: Array<{ name: string; event: string }> }> };
const seq = operator as Seq;

function convert() {
  const r = journeyFromSequence(operator);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.pointer}: ${e.message}`).join('\n'));
  return r.definition;
}

describe('journeyFromSequence (operator-implementation)', () => {
  it('turns movements into stages in order, followed by rollback and the two ends', () => {
    const def = convert();
    expect(def.id).toBe('sequence-operator-implementation');
    expect(def.stages.map((s) => s.name)).toEqual([...seq.movements.map((m) => m.name), 'Rollback', 'Completed', 'Cancelled']);
    expect(def.stages.slice(0, 4).map((s) => s.id)).toEqual(['pattern-assignment-understanding', 'team-kickoff-baseline', 'implementation-execution', 'measurement-results-reporting']);
  });

  it('turns beats into tasks that run in order within their movement and emit the beat event', () => {
    const def = convert();
    seq.movements.forEach((movement, m) => {
      const tasks = def.stages[m]!.unitsOfWork[0]!.tasks;
      expect(tasks.map((t) => t.name)).toEqual(movement.beats.map((b) => b.name));
      expect(tasks.map((t) => t.emits)).toEqual(movement.beats.map((b) => b.event));
      tasks.forEach((t, i) => expect(t.dependsOn).toEqual(i === 0 ? [] : [tasks[i - 1]!.key]));
    });
    const first = def.stages[0]!.unitsOfWork[0]!.tasks;
    expect(first.map((t) => [t.handler, t.kind])).toEqual([
      ['Email or meeting communication', 'human'],
      ['PatternDetail.razor page interaction', 'automated'],
      ['DownloadArticle() and CopyMermaidCode()', 'automated'],
    ]);
  });

  it('declares every beat event once and advances on the last beat of each movement', () => {
    const def = convert();
    const beatEvents = [...new Set(seq.movements.flatMap((m) => m.beats.map((b) => b.event)))];
    const names = def.events.map((e) => e.name);
    for (const e of beatEvents) expect(names.filter((n) => n === e)).toHaveLength(1);
    const forward = def.transitions.filter((t) => t.guard === 'units_completed').map((t) => [t.from, t.event, t.to]);
    expect(forward).toEqual([
      ['pattern-assignment-understanding', 'checklist.downloaded', 'team-kickoff-baseline'],
      ['team-kickoff-baseline', 'metrics.baselined', 'implementation-execution'],
      ['implementation-execution', 'checklist.item.completed', 'measurement-results-reporting'],
      ['measurement-results-reporting', 'pattern.referenced', 'completed'],
    ]);
  });

  it('runs to completion as a journey once each movement’s work is done', () => {
    const d = new JourneyDriver(convert());
    const started = d.ok('start_journey', { journeyId: 'op-1', clientId: 'acme-support' });
    expect(ofType(started, 'create_unit_of_work')[0]!.unit.tasks).toHaveLength(3);
    // An early beat event does not move the journey while the movement still has work.
    expect(d.send('checklist.downloaded')).toMatchObject({ ok: false, rejection: { kind: 'units_incomplete' } });
    for (const movement of seq.movements) {
      const stage = d.state!.currentStage;
      d.completeUnitsOf(stage);
      d.ok(movement.beats[movement.beats.length - 1]!.event);
    }
    expect(d.state).toMatchObject({ currentStage: 'completed', status: 'completed' });
  });

  it('can be rolled back with a reason and retries the same movement', () => {
    const d = new JourneyDriver(convert());
    d.ok('start_journey', { journeyId: 'op-2', clientId: 'acme' });
    d.completeUnitsOf('pattern-assignment-understanding');
    d.ok('checklist.downloaded');
    d.ok('initiate_rollback', { trigger: 'manual', reason: 'kickoff postponed' });
    d.ok('complete_rollback');
    expect(d.state).toMatchObject({ currentStage: 'team-kickoff-baseline', visits: { 'team-kickoff-baseline': 2 } });
    expect(transition(d.def, d.state, { type: 'initiate_rollback', payload: { trigger: 'manual' } }, { now: d.now })).toMatchObject({ ok: false, rejection: { kind: 'invalid_payload' } });
  });
});

describe('journeyFromSequence on other input', () => {
  it('reports missing fields with JSON pointers', () => {
    const r = journeyFromSequence({ id: 'x', name: 'X', movements: [{ name: 'M', beats: [{ name: 'no event' }] }, { beats: [] }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.pointer).sort()).toEqual(['/movements/0/beats/0/event', '/movements/1/beats', '/movements/1/name']);
  });

  it('refuses a beat event that collides with a control event', () => {
    const r = journeyFromSequence({ id: 'x', name: 'X', movements: [{ name: 'M', beats: [{ event: 'cancel_journey' }] }] });
    expect(r).toEqual({ ok: false, errors: [{ pointer: '/movements/0/beats/0/event', message: "beat event 'cancel_journey' is reserved for journey control" }] });
  });

  it('normalizes event names, de-duplicates stage and task keys and keeps handlers', () => {
    const r = journeyFromSequence(
      {
        id: 'Canvas Flow',
        name: 'Canvas',
        movements: [
          { name: 'Draw', beats: [{ name: 'Step', event: 'Canvas:Component:Create', handler: 'create' }, { name: 'Step', event: 'canvas.rendered', errorHandling: 'abort' }] },
          { name: 'Draw', beats: [{ title: 'Publish', event: 'Publish Now!', handler: { name: 'publish', scope: 'plugin' } }] },
        ],
      },
      { definitionId: 'canvas' },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const def = r.definition;
    expect(def.id).toBe('canvas');
    expect(def.stages.slice(0, 2).map((s) => s.id)).toEqual(['draw', 'draw-2']);
    const tasks = def.stages[0]!.unitsOfWork[0]!.tasks;
    expect(tasks.map((t) => [t.key, t.handler, t.kind, t.retry.maxRetries])).toEqual([
      ['step', 'create', 'automated', 3],
      ['step-2', 'manual-step', 'human', 0],
    ]);
    expect(def.transitions.filter((t) => t.guard === 'units_completed').map((t) => t.event)).toEqual(['canvas.rendered', 'publish_now']);
    expect(toEventName('Canvas:Component:Create')).toBe('canvas_component_create');
    expect(toEventName('***')).toBe('beat_event');
  });
});

// The workspace journey: every step of seed 000 in order, the refusals with what is missing and
// what is allowed, and a property: no command sequence reaches a stage without its preconditions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedSteps, assign, stageIndex, transition, type TransitionResult, type WorkspaceCommand } from '../../../src/core/workspace/transition';
import type { Workspace } from '../../../src/core/workspace/workspace-schema';
import { AFTER, BEFORE, DAY, ITEMS, newWorkspace, snapshot, T0 } from './fixtures';

function ok(r: TransitionResult): Extract<TransitionResult, { ok: true }> {
  if (!r.ok) throw new Error(`refused: ${r.rejection.message}`);
  return r;
}

function refused(r: TransitionResult) {
  if (r.ok) throw new Error(`accepted, moved to ${r.workspace.stage}`);
  return r.rejection;
}

const ctx = (now: number) => ({ now, actor: 'dana' });

describe('workspace journey', () => {
  it('assigns a pattern to a team with pattern.assigned', () => {
    const r = assign({ id: 'ws_1', team: 'L2', owner: 'Dana', pattern: { slug: 's', version: 2, title: 'S' }, client: null }, ctx(T0));
    expect(r.workspace.stage).toBe('assigned');
    expect(r.workspace.stabilizationDays).toBe(14);
    expect(r.events.map((e) => e.topic)).toEqual(['pattern.assigned']);
    expect(r.events[0]!.payload).toMatchObject({ workspaceId: 'ws_1', slug: 's', version: 2, team: 'L2' });
  });

  it('walks seed 000 from assignment to lessons, each step with its event', () => {
    let w = newWorkspace();
    const topics: string[][] = [];
    const step = (cmd: WorkspaceCommand, now: number) => {
      const r = ok(transition(w, cmd, ctx(now)));
      topics.push(r.events.map((e) => e.topic));
      w = r.workspace;
      return r;
    };
    step({ step: 'kickoff', items: ITEMS, owners: { 'IMP-001': 'Ana' } }, T0);
    expect(w.items.map((i) => i.owner)).toEqual(['Ana', null, null]);
    step({ step: 'owners', owners: { 'IMP-002': 'Bo', 'IMP-003': 'Cy' } }, T0);
    step({ step: 'export' }, T0 + 1000);
    step({ step: 'baseline', snapshot: snapshot(BEFORE, T0, 'snap_1') }, T0 + 2000);
    step({ step: 'shadow', modeApplied: true }, T0 + DAY);
    const prod = step({ step: 'production', modeApplied: true, stabilizationDays: 10 }, T0 + 2 * DAY);
    expect(prod.workspace.stabilizationEndsAt).toBe(new Date(T0 + 12 * DAY).toISOString());
    step({ step: 'measure', snapshot: snapshot(AFTER, T0 + 12 * DAY), force: false }, T0 + 12 * DAY);
    expect(w.forcedMeasureReason).toBeNull();
    step({ step: 'report', costs: { implementationCost: 1000, costPerHour: 50, currency: 'USD' } }, T0 + 13 * DAY);
    step({ step: 'lessons', lessons: ['Router capacity algorithm needs tuning'] }, T0 + 14 * DAY);
    expect(w.stage).toBe('lessons');
    expect(w.version).toBe(10);
    expect(topics).toEqual([
      ['workspace.advanced'],
      ['workspace.advanced'],
      ['implementation.started', 'workspace.advanced'],
      ['workspace.advanced'],
      ['workspace.advanced'],
      ['workspace.advanced'],
      ['metrics.measured', 'workspace.advanced'],
      ['results.reported', 'workspace.advanced'],
      ['pattern.referenced', 'workspace.advanced'],
    ]);
    expect(allowedSteps('lessons')).toEqual([]);
    expect(refused(transition(w, { step: 'lessons', lessons: ['again'] }, ctx(T0 + 15 * DAY))).message).toMatch(/done already/);
  });

  it('refuses the export while items have no owner, naming each item and the allowed steps', () => {
    const w = ok(transition(newWorkspace(), { step: 'kickoff', items: ITEMS, owners: { 'IMP-002': 'Bo' } }, ctx(T0))).workspace;
    const r = refused(transition(w, { step: 'export' }, ctx(T0)));
    expect(r.stage).toBe('kickoff');
    expect(r.allowed).toEqual(['owners', 'export']);
    expect(r.missing).toEqual(['an owner for checklist item IMP-001 (Design the Smart Router)', 'an owner for checklist item IMP-003 (Design the SLA Monitor)']);
    expect(r.message).toContain('allowed now: owners, export');
  });

  it('refuses steps out of order and names the stage that must come first', () => {
    const r = refused(transition(newWorkspace(), { step: 'shadow', modeApplied: true }, ctx(T0)));
    expect(r.missing).toEqual(["stage 'baselined' first (the workspace is in stage 'assigned')"]);
    expect(r.allowed).toEqual(['kickoff']);
  });

  it('refuses shadow without a baseline even in a hand-edited stage', () => {
    const w: Workspace = { ...newWorkspace(), stage: 'baselined' };
    expect(refused(transition(w, { step: 'shadow', modeApplied: true }, ctx(T0))).missing).toEqual(['a baseline (step baseline)']);
  });

  it('refuses to measure inside the stabilization window unless forced with a reason', () => {
    const w: Workspace = { ...newWorkspace(), stage: 'production', baseline: snapshot(BEFORE, T0), productionAt: new Date(T0).toISOString(), stabilizationEndsAt: new Date(T0 + 14 * DAY).toISOString() };
    const measure = (force: boolean, reason?: string) => transition(w, { step: 'measure', snapshot: snapshot(AFTER, T0 + 3 * DAY), force, ...(reason ? { reason } : {}) }, ctx(T0 + 3 * DAY));
    expect(refused(measure(false)).missing[0]).toMatch(/stabilization window to end at 2026-03-16T09:00:00.000Z \(11 day\(s\) left\), or force with a reason/);
    expect(refused(measure(true)).missing).toEqual(['a reason for measuring before the stabilization window ends']);
    const forced = ok(measure(true, 'quarterly review moved up'));
    expect(forced.workspace.forcedMeasureReason).toBe('quarterly review moved up');
  });

  it('refuses unknown items and clearing an owner after the export', () => {
    const kicked = ok(transition(newWorkspace(), { step: 'kickoff', items: ITEMS, owners: { 'IMP-001': 'A', 'IMP-002': 'B', 'IMP-003': 'C' } }, ctx(T0))).workspace;
    expect(refused(transition(kicked, { step: 'owners', owners: { 'IMP-999': 'Z' } }, ctx(T0))).missing[0]).toMatch(/IMP-999/);
    const exported = ok(transition(kicked, { step: 'export' }, ctx(T0))).workspace;
    expect(refused(transition(exported, { step: 'owners', owners: { 'IMP-001': null } }, ctx(T0))).missing[0]).toMatch(/only be cleared during kickoff/);
    expect(ok(transition(exported, { step: 'owners', owners: { 'IMP-001': 'Dee' } }, ctx(T0))).workspace.items[0]!.owner).toBe('Dee');
  });
});

const commandArb: fc.Arbitrary<WorkspaceCommand> = fc.oneof(
  fc.record({ step: fc.constant('kickoff' as const), items: fc.constant(ITEMS), owners: fc.dictionary(fc.constantFrom('IMP-001', 'IMP-002', 'IMP-003', 'IMP-404'), fc.option(fc.constantFrom('A', 'B'), { nil: null })) }),
  fc.record({ step: fc.constant('owners' as const), owners: fc.dictionary(fc.constantFrom('IMP-001', 'IMP-002', 'IMP-003'), fc.option(fc.constantFrom('A', 'B'), { nil: null })) }),
  fc.constant<WorkspaceCommand>({ step: 'export' }),
  fc.constant<WorkspaceCommand>({ step: 'baseline', snapshot: snapshot(BEFORE, T0) }),
  fc.record({ step: fc.constant('shadow' as const), modeApplied: fc.boolean() }),
  fc.record({ step: fc.constant('production' as const), modeApplied: fc.boolean(), stabilizationDays: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ step: fc.constant('measure' as const), snapshot: fc.constant(snapshot(AFTER, T0)), force: fc.boolean(), reason: fc.option(fc.constant('board meeting'), { nil: undefined }) }).map((c) => {
    const { reason, ...rest } = c;
    return reason === undefined ? rest : { ...rest, reason };
  }),
  fc.constant<WorkspaceCommand>({ step: 'report', costs: { implementationCost: 10, costPerHour: 5, currency: 'USD' } }),
  fc.constant<WorkspaceCommand>({ step: 'lessons', lessons: ['x'] }),
);

describe('workspace journey properties', () => {
  it('no command sequence reaches a stage without its preconditions', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(commandArb, fc.integer({ min: 0, max: 5 * DAY })), { maxLength: 40 }), (cmds) => {
        let w = newWorkspace();
        let now = T0;
        for (const [cmd, dt] of cmds) {
          now += dt;
          const before = structuredClone(w);
          const r = transition(w, cmd, ctx(now));
          if (!r.ok) {
            expect(w).toEqual(before);
            expect(r.rejection.allowed).toEqual(allowedSteps(w.stage));
            expect(r.rejection.missing.length).toBeGreaterThan(0);
            continue;
          }
          const next = r.workspace;
          expect(stageIndex(next.stage) - stageIndex(w.stage)).toBeLessThanOrEqual(1);
          const at = (s: Workspace['stage']) => stageIndex(next.stage) >= stageIndex(s);
          if (at('implementation')) {
            expect(next.items.length).toBe(ITEMS.length);
            expect(next.items.every((i) => i.owner !== null)).toBe(true);
            expect(next.exportedAt).not.toBeNull();
          }
          if (at('shadow')) expect(next.baseline).not.toBeNull();
          if (at('production')) expect(next.stabilizationEndsAt).not.toBeNull();
          if (next.stage === 'measured' && w.stage === 'production') {
            const early = now < Date.parse(w.stabilizationEndsAt!);
            expect(next.forcedMeasureReason !== null).toBe(early);
          }
          if (at('reported')) expect(next.reportedAt).not.toBeNull();
          if (at('lessons')) expect(next.lessons.length).toBeGreaterThan(0);
          w = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});

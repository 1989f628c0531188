import { describe, it, expect } from 'vitest';
import { findTemplateProblems, instantiateUnits, UnitTemplateSchema, unitId, type UnitTemplate } from '../../../src/core/work/unit-template';
import { HUMAN_TASK_DUE_MS } from '../../../src/core/work/unit-of-work';

const unit = (key: string, tasks: Array<{ key: string; dependsOn?: string[] }>, dependsOn: string[] = []): UnitTemplate =>
  UnitTemplateSchema.parse({ key, name: key, dependsOn, tasks: tasks.map((t) => ({ name: t.key, handler: 'h', ...t })) });

describe('UnitTemplateSchema', () => {
  it('fills defaults: automated, empty input, default retry policy', () => {
    const u = unit('setup', [{ key: 'a' }]);
    expect(u.tasks[0]).toMatchObject({ kind: 'automated', input: {}, dependsOn: [], retry: { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 60000, timeoutMs: 30000 } });
  });

  it('rejects a unit without tasks, a task without a handler and keys that are not slugs', () => {
    const r = UnitTemplateSchema.safeParse({ key: 'Bad Key', name: 'x', tasks: [] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('/')).sort()).toEqual(['key', 'tasks']);
    const noHandler = UnitTemplateSchema.safeParse({ key: 'u', name: 'u', tasks: [{ key: 't', name: 't', handler: '' }] });
    expect(noHandler.error!.issues[0]!.message).toMatch(/handler/);
  });
});

describe('findTemplateProblems', () => {
  it('accepts dependencies inside a unit and across units of the stage', () => {
    expect(findTemplateProblems([unit('a', [{ key: 'x' }, { key: 'y', dependsOn: ['x'] }]), unit('b', [{ key: 'z', dependsOn: ['a/y'] }], ['a'])])).toEqual([]);
  });

  it('locates duplicate keys and unknown references', () => {
    const problems = findTemplateProblems([unit('a', [{ key: 'x' }, { key: 'x', dependsOn: ['nope'] }], ['ghost']), unit('a', [{ key: 'y', dependsOn: ['b/q'] }])]);
    expect(problems).toEqual([
      { path: [1, 'key'], message: "unit key 'a' is used more than once in this stage" },
      { path: [0, 'dependsOn', 0], message: "unit 'a' depends on unit 'ghost', which is not defined in this stage" },
      { path: [0, 'tasks', 1, 'key'], message: "task key 'x' is used more than once in unit 'a'" },
      { path: [0, 'tasks', 1, 'dependsOn', 0], message: `task 'a/x' depends on 'nope', which is not a task of this stage (use "taskKey" or "unitKey/taskKey")` },
      { path: [1, 'tasks', 0, 'dependsOn', 0], message: `task 'a/y' depends on 'b/q', which is not a task of this stage (use "taskKey" or "unitKey/taskKey")` },
    ]);
  });

  it('names a cycle among units', () => {
    const problems = findTemplateProblems([unit('a', [{ key: 'x' }], ['b']), unit('b', [{ key: 'y' }], ['a'])]);
    expect(problems).toEqual([{ path: [0, 'dependsOn'], message: 'units depend on each other in a cycle: a → b → a' }]);
  });

  it('names a cycle among tasks, including one that crosses units', () => {
    expect(findTemplateProblems([unit('a', [{ key: 'x', dependsOn: ['z'] }, { key: 'y', dependsOn: ['x'] }, { key: 'z', dependsOn: ['y'] }])])).toEqual([
      { path: [0, 'tasks', 0, 'dependsOn'], message: 'tasks depend on each other in a cycle: a/x → a/z → a/y → a/x' },
    ]);
    const crossing = findTemplateProblems([unit('a', [{ key: 'x', dependsOn: ['b/y'] }]), unit('b', [{ key: 'y' }], ['a'])]);
    expect(crossing).toEqual([{ path: [0, 'tasks', 0, 'dependsOn'], message: 'tasks depend on each other in a cycle: a/x → b/y → a/x' }]);
  });
});

describe('instantiateUnits', () => {
  it('gives deterministic ids that differ per visit, and resolves dependencies to ids', () => {
    const templates = [unit('a', [{ key: 'x' }, { key: 'y', dependsOn: ['x'] }]), unit('b', [{ key: 'z', dependsOn: ['a/y'] }], ['a'])];
    const opts = { journeyId: 'j', stage: 'pilot', kind: 'stage' as const, createdAt: '2026-01-01T00:00:00.000Z' };
    const first = instantiateUnits(templates, { ...opts, visit: 1 });
    expect(instantiateUnits(templates, { ...opts, visit: 1 })).toEqual(first);
    const second = instantiateUnits(templates, { ...opts, visit: 2 });
    expect(second.map((u) => u.id)).toEqual(['j/pilot/2/a', 'j/pilot/2/b']);
    expect(first[0]!.id).toBe(unitId('j', 'pilot', 1, 'a'));
    expect(first[1]!.tasks[0]!.dependsOn).toEqual(['j/pilot/1/a/y']);
    expect(first[0]!.tasks[1]).toMatchObject({ id: 'j/pilot/1/a/y', dependsOn: ['j/pilot/1/a/x'], status: 'pending', retryCount: 0, maxRetries: 3, output: null });
    expect(first[1]).toMatchObject({ status: 'pending', startedAt: null, completedAt: null, dependencies: ['j/pilot/1/a'] });
  });

  it('gives a human task the person’s time as its timeout: dueInMs, else 14 days; automated tasks keep theirs', () => {
    const templates = [
      UnitTemplateSchema.parse({ key: 'u', name: 'u', tasks: [{ key: 'auto', name: 'A', handler: 'h' }, { key: 'sign', name: 'S', handler: 'cfo', kind: 'human', dueInMs: 3_600_000 }, { key: 'review', name: 'R', handler: 'lead', kind: 'human' }] }),
    ];
    const [u] = instantiateUnits(templates, { journeyId: 'j', stage: 's', kind: 'stage', createdAt: '2026-01-01T00:00:00.000Z', visit: 1 });
    expect(u!.tasks.map((t) => t.retry.timeoutMs)).toEqual([30_000, 3_600_000, HUMAN_TASK_DUE_MS]);
    expect(HUMAN_TASK_DUE_MS).toBe(14 * 24 * 3600 * 1000);
    const tooSoon = UnitTemplateSchema.safeParse({ key: 'u', name: 'u', tasks: [{ key: 't', name: 'T', handler: 'x', kind: 'human', dueInMs: 5 }] });
    expect(tooSoon.error!.issues).toEqual([expect.objectContaining({ path: ['tasks', 0, 'dueInMs'], message: 'a human task is due at least one minute after it is ready' })]);
  });
});

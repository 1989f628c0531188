import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readySet, findDagProblems, type TaskStatus } from '../../../src/core/work/dag';
import { deriveUnitStatus, flattenUnits, unitDependenciesMet, UnitOfWorkSchema } from '../../../src/core/work/unit-of-work';
import { instantiateUnits, UnitTemplateSchema } from '../../../src/core/work/unit-template';

const t = (id: string, status: TaskStatus) => ({ id, status });

describe('deriveUnitStatus (seed 003: pending, running, completed, failed, rolled_back)', () => {
  it('completes only when every task completed', () => {
    expect(deriveUnitStatus([t('a', 'completed'), t('b', 'completed')])).toEqual({ status: 'completed', reason: 'all 2 tasks completed' });
    expect(deriveUnitStatus([t('a', 'completed'), t('b', 'pending')]).status).toBe('running');
  });

  it('fails as soon as one task failed for good, even while others run', () => {
    expect(deriveUnitStatus([t('a', 'completed'), t('b', 'failed'), t('c', 'running')])).toEqual({ status: 'failed', reason: "task 'b' failed after its retries" });
  });

  it('is pending before anything started, running once something did, cancelled when tasks were cancelled', () => {
    expect(deriveUnitStatus([t('a', 'pending'), t('b', 'pending')])).toEqual({ status: 'pending', reason: 'none of the 2 tasks has started' });
    expect(deriveUnitStatus([t('a', 'running'), t('b', 'pending')])).toEqual({ status: 'running', reason: '0 of 2 tasks completed, 1 running' });
    expect(deriveUnitStatus([t('a', 'completed'), t('b', 'cancelled')]).status).toBe('cancelled');
  });

  it('is rolled back when its stage was rolled back, whatever its tasks did; an empty unit is complete', () => {
    expect(deriveUnitStatus([t('a', 'completed')], { rolledBack: true }).status).toBe('rolled_back');
    expect(deriveUnitStatus([]).status).toBe('completed');
  });

  it('names at most five tasks in the reason', () => {
    const many = Array.from({ length: 8 }, (_, i) => t(`t${i}`, 'failed'));
    expect(deriveUnitStatus(many).reason).toBe("task 't0', 't1', 't2', 't3', 't4' and 3 more failed after its retries");
  });

  it('agrees with its definition on any mix of task states (property)', () => {
    const statusArb = fc.constantFrom<TaskStatus>('pending', 'running', 'completed', 'failed', 'cancelled');
    fc.assert(
      fc.property(fc.array(statusArb, { minLength: 1, maxLength: 12 }), (statuses) => {
        const { status } = deriveUnitStatus(statuses.map((s, i) => t(`t${i}`, s)));
        expect(status === 'completed').toBe(statuses.every((s) => s === 'completed'));
        expect(status === 'failed').toBe(statuses.includes('failed'));
        expect(status === 'pending').toBe(statuses.every((s) => s === 'pending'));
      }),
    );
  });
});

describe('units with dependencies across units', () => {
  const templates = [
    UnitTemplateSchema.parse({ key: 'setup', name: 'Setup', tasks: [{ key: 'install', name: 'Install', handler: 'installer' }, { key: 'verify', name: 'Verify', handler: 'verifier', dependsOn: ['install'] }] }),
    UnitTemplateSchema.parse({ key: 'review', name: 'Review', dependsOn: ['setup'], tasks: [{ key: 'scan', name: 'Scan', handler: 'scanner' }, { key: 'demo', name: 'Demo', handler: 'approval', kind: 'human', dependsOn: ['setup/verify', 'scan'] }] }),
  ];
  const units = instantiateUnits(templates, { journeyId: 'j1', stage: 'sandbox', visit: 1, kind: 'stage', createdAt: '2026-01-01T00:00:00.000Z' });

  it('instantiated units match the UnitOfWork schema', () => {
    for (const unit of units) expect(UnitOfWorkSchema.safeParse(unit).success).toBe(true);
    expect(units[1]!.dependencies).toEqual(['j1/sandbox/1/setup']);
  });

  it('flattens to one acyclic graph where a unit waits for every task of the units it depends on', () => {
    const graph = flattenUnits(units);
    expect(findDagProblems(graph)).toEqual([]);
    const scan = graph.find((g) => g.id === 'j1/sandbox/1/review/scan')!;
    expect(scan.dependsOn.sort()).toEqual(['j1/sandbox/1/setup/install', 'j1/sandbox/1/setup/verify']);
    expect(readySet(graph, {})).toEqual(['j1/sandbox/1/setup/install']);
    expect(readySet(graph, { 'j1/sandbox/1/setup/install': 'completed', 'j1/sandbox/1/setup/verify': 'completed' })).toEqual(['j1/sandbox/1/review/scan']);
  });

  it('reports a dependency on a unit that does not exist as unknown', () => {
    const graph = flattenUnits([{ ...units[0]!, dependencies: ['missing-unit'] }]);
    expect(findDagProblems(graph).map((p) => p.message)).toContain("'j1/sandbox/1/setup/install' depends on 'missing-unit (unknown unit)', which does not exist");
  });

  it('starts a unit only when the units it depends on completed', () => {
    expect(unitDependenciesMet(units[1]!, { 'j1/sandbox/1/setup': 'running' })).toBe(false);
    expect(unitDependenciesMet(units[1]!, { 'j1/sandbox/1/setup': 'completed' })).toBe(true);
    expect(unitDependenciesMet(units[0]!, {})).toBe(true);
  });
});

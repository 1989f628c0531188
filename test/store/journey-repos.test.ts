// The journey tables on both drivers: versioned definitions, states with optimistic concurrency,
// replay-safe units and timers, the stage timeline, validations and rollback history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import type { JourneyState } from '../../src/core/journey/state';
import { getDefinition, insertDefinition, latestDefinitionVersion, listLatestDefinitions } from '../../src/store/journey-definitions-repo';
import { closeVisit, finishRollback, insertRollback, insertValidation, listRollbacks, listValidations, listVisits, openVisit } from '../../src/store/journey-records-repo';
import { getJourney, insertJourney, listJourneys, updateJourney } from '../../src/store/journey-states-repo';
import { cancelTimers, dueTimers, insertTimer, timersOfJourney } from '../../src/store/journey-timers-repo';
import { insertUnit, markUnitsRolledBack, unitsOfJourney } from '../../src/store/journey-units-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';

const T0 = new Date('2026-04-01T08:00:00.000Z');

function state(id: string, client: string): JourneyState {
  return {
    journeyId: id,
    clientId: client,
    definitionId: 'd',
    definitionVersion: 1,
    currentStage: 'a',
    previousStage: null,
    status: 'active',
    startedAt: T0.toISOString(),
    stageStartedAt: T0.toISOString(),
    completedStages: [],
    visits: { a: 1 },
    rollback: null,
    metadata: { region: 'emea' },
    version: 1,
  };
}

describe.each(DRIVERS)('journey repositories on %s', (driver) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(driver);
    await db.transaction(async (tx) => {
      await insertDefinition(tx, { id: 'd', version: 1, name: 'D', source: 'user', document: { id: 'd', version: 1 }, createdBy: 'x' }, T0);
      await insertDefinition(tx, { id: 'd', version: 2, name: 'D two', source: 'user', document: { id: 'd', version: 2 }, createdBy: 'x' }, T0);
    });
  });
  afterAll(async () => {
    await db.close();
  });

  it('keeps every definition version; the latest is the default', async () => {
    expect(await latestDefinitionVersion(db, 'd')).toBe(2);
    expect((await getDefinition(db, 'd'))?.name).toBe('D two');
    expect((await getDefinition(db, 'd', 1))?.name).toBe('D');
    expect(await listLatestDefinitions(db)).toEqual([expect.objectContaining({ id: 'd', version: 2, versions: 2 })]);
    await expect(db.transaction((tx) => insertDefinition(tx, { id: 'd', version: 2, name: 'dup', source: 'user', document: {}, createdBy: 'x' }, T0))).rejects.toThrow();
  });

  it('writes a state only over the version it read (optimistic concurrency), and filters the list', async () => {
    await db.transaction(async (tx) => {
      await insertJourney(tx, state('j1', 'acme'), { '*': 'echo' }, 'tester', T0);
      await insertJourney(tx, state('j2', 'globex'), {}, 'tester', T0);
    });
    const next: JourneyState = { ...state('j1', 'acme'), currentStage: 'b', previousStage: 'a', completedStages: ['a'], visits: { a: 1, b: 1 }, version: 2 };
    expect(await db.transaction((tx) => updateJourney(tx, next, 1, T0))).toBe(true);
    expect(await db.transaction((tx) => updateJourney(tx, { ...next, currentStage: 'c', version: 2 }, 1, T0))).toBe(false);
    expect(await getJourney(db, 'j1')).toMatchObject({ currentStage: 'b', completedStages: ['a'], visits: { a: 1, b: 1 }, handlerAliases: { '*': 'echo' }, metadata: { region: 'emea' }, version: 2 });
    expect((await listJourneys(db, { clientId: 'globex', limit: 10, offset: 0 })).items.map((j) => j.journeyId)).toEqual(['j2']);
    expect(await listJourneys(db, { stage: 'b', limit: 10, offset: 0 })).toMatchObject({ total: 1, items: [{ journeyId: 'j1' }] });
  });

  it('units and timers created twice (a replay) exist once; leaving a stage cancels its timers', async () => {
    await db.transaction(async (tx) => {
      const unit = { id: 'j1/b/1/u', journeyId: 'j1', stage: 'b', visit: 1, key: 'u', name: 'U', kind: 'stage' as const, dependencies: [], statusReason: '' };
      expect(await insertUnit(tx, unit, T0)).toBe(true);
      expect(await insertUnit(tx, unit, T0)).toBe(false);
      await insertTimer(tx, { id: 'j1/b/1/t', journeyId: 'j1', stage: 'b', key: 't', fireAt: new Date(T0.getTime() + 1000), event: null }, T0);
      await insertTimer(tx, { id: 'j1/b/1/t', journeyId: 'j1', stage: 'b', key: 't', fireAt: new Date(T0.getTime() + 9000), event: null }, T0);
    });
    expect(await unitsOfJourney(db, 'j1')).toHaveLength(1);
    expect(await timersOfJourney(db, 'j1')).toEqual([expect.objectContaining({ fireAt: new Date(T0.getTime() + 1000).toISOString(), status: 'scheduled' })]);
    expect(await dueTimers(db, new Date(T0.getTime() + 1000), 10)).toEqual([{ id: 'j1/b/1/t', journeyId: 'j1' }]);
    await db.transaction((tx) => cancelTimers(tx, 'j1', 'b', 'left'));
    expect(await dueTimers(db, new Date(T0.getTime() + 5000), 10)).toEqual([]);
    expect(await db.transaction((tx) => markUnitsRolledBack(tx, 'j1', 'b', T0))).toEqual(['j1/b/1/u']);
    expect((await unitsOfJourney(db, 'j1'))[0]).toMatchObject({ status: 'rolled_back', rolledBackAt: T0.toISOString() });
  });

  it('records the stage timeline, gate results and rollback history', async () => {
    const t1 = new Date(T0.getTime() + 60_000);
    await db.transaction(async (tx) => {
      await openVisit(tx, 'j2', 'a', 1, 'start', T0);
      await closeVisit(tx, 'j2', 'go', t1);
      await openVisit(tx, 'j2', 'b', 1, 'go', t1);
      await insertValidation(tx, 'j2', { stage: 'a', event: 'go', targetStage: 'b', passed: false, checks: [{ name: 'q', passed: false, actual_value: 0.5, expected_value: '>= 0.8', message: 'q is 0.5' }], summary: '0 of 1', metrics: { q: 0.5 }, actor: 'amy' }, T0);
      await insertRollback(tx, 'j2', { fromStage: 'b', target: 'a', trigger: 'critical_bug', reason: 'P1 found', automatic: false, evidence: [], actor: 'amy' }, t1);
      await finishRollback(tx, 'j2', 'resumed', 'a', t1);
    });
    expect(await listVisits(db, 'j2')).toEqual([
      { seq: 1, stage: 'a', visit: 1, enteredAt: T0.toISOString(), enteredOn: 'start', leftAt: t1.toISOString(), leftOn: 'go' },
      { seq: 2, stage: 'b', visit: 1, enteredAt: t1.toISOString(), enteredOn: 'go', leftAt: null, leftOn: null },
    ]);
    expect(await listValidations(db, 'j2')).toEqual([expect.objectContaining({ passed: false, metrics: { q: 0.5 }, checks: [expect.objectContaining({ actual_value: 0.5 })] })]);
    expect(await listRollbacks(db, 'j2')).toEqual([expect.objectContaining({ trigger: 'critical_bug', outcome: 'resumed', resumedStage: 'a', completedAt: t1.toISOString() })]);
  });
});

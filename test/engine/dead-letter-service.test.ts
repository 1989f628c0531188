// Dead-letter operations on both drivers: retry all matching a filter in one audited change, the
// purge's dry run, refusals (no or wrong confirmation, no reason, read-only) that change nothing,
// and a purge that keeps the trail of what it removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import type { JourneyRuntime } from '../../src/engine/journey-runtime';
import { DeadLetterService } from '../../src/engine/dead-letter-service';
import { listAudit } from '../../src/store/audit-repo';
import { readEvents } from '../../src/store/events-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';
import { TestClock, journeyRuntime } from './journey-helpers';

describe.each(DRIVERS)('dead letters on %s', (driver) => {
  let db: Db;
  let clock: TestClock;
  let jr: JourneyRuntime;
  let dl: DeadLetterService;
  beforeAll(async () => {
    db = await openTestDb(driver);
    clock = new TestClock();
    jr = journeyRuntime(db, clock);
    dl = new DeadLetterService(db, clock, jr.definitions, jr.tasks, () => undefined);
  });
  afterAll(async () => {
    await db.close();
  });

  async function doomed(keys: string[], message: string, failures = 1): Promise<string[]> {
    const tasks = await jr.tasks.enqueue({ tasks: keys.map((key) => ({ key, handler: 'fail-n-times', input: { failures, message }, retry: { maxRetries: 0 } })) }, 'tester');
    while ((await jr.worker!.drain()) > 0);
    return tasks.map((t) => t.id);
  }

  const state = async () => JSON.stringify([await dl.list({ limit: 500 }), (await listAudit(db, { limit: 1000 })).length, (await readEvents(db, { limit: 10_000 })).length]);

  it('lists dead letters by queue, journey and error text', async () => {
    const ids = await doomed(['a', 'b'], 'Upstream 503 from CRM');
    const page = await dl.list({ error: 'upstream 503' });
    expect(page.total).toBe(2);
    expect(page.items.map((t) => t.id).sort()).toEqual([...ids].sort());
    expect(page.items[0]).toMatchObject({ status: 'failed', handler: 'fail-n-times', totalAttempts: 1, input: { message: 'Upstream 503 from CRM' }, lastError: expect.stringContaining('Upstream 503') });
    expect((await dl.list({ error: '100%_sure' })).total).toBe(0);
    expect((await dl.list({ queue: 'echo' })).total).toBe(0);
    await expect(dl.list({ queue: '' })).rejects.toMatchObject({ code: 'OW_VALIDATION' });
  });

  it('retries every match in one change with one audit entry, and the tasks run again', async () => {
    const ids = await doomed(['r1', 'r2', 'r3'], 'retry-me', 1);
    const dry = await dl.retryAll({ filter: { error: 'retry-me' } }, 'olga', { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, matched: 3, changed: 0 });
    expect((await dl.list({ error: 'retry-me' })).total).toBe(3);
    const done = await dl.retryAll({ filter: { error: 'retry-me' } }, 'olga');
    expect(done).toMatchObject({ dryRun: false, matched: 3, changed: 3 });
    const audit = await listAudit(db, { action: 'dead-letter.retry-all', limit: 10 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'olga', details: expect.objectContaining({ count: 3 }) });
    while ((await jr.worker!.drain()) > 0);
    for (const id of ids) expect((await jr.tasks.get(id)).status).toBe('completed');
  });

  it('refuses a purge without reason, without or with a wrong confirmation, and in read-only mode: nothing changes', async () => {
    await doomed(['p1', 'p2'], 'poison-pill');
    const before = await state();
    await expect(dl.purge({ filter: { error: 'poison-pill' }, confirm: '2' }, 'olga')).rejects.toMatchObject({ code: 'OW_VALIDATION', errors: [expect.objectContaining({ pointer: '/reason' })] });
    await expect(dl.purge({ filter: { error: 'poison-pill' }, reason: 'bad data' }, 'olga')).rejects.toMatchObject({ code: 'OW_VALIDATION', errors: [expect.objectContaining({ pointer: '/confirm' })] });
    await expect(dl.purge({ filter: { error: 'poison-pill' }, confirm: '3', reason: 'bad data' }, 'olga')).rejects.toMatchObject({ code: 'OW_VALIDATION' });
    await expect(dl.purge({ filter: { error: 'poison-pill' }, confirm: '2', reason: 'bad data' }, 'olga', { readOnly: true })).rejects.toMatchObject({ code: 'OW_READ_ONLY' });
    const dry = await dl.purge({ filter: { error: 'poison-pill' } }, 'olga', { dryRun: true, readOnly: true });
    expect(dry).toMatchObject({ dryRun: true, matched: 2, changed: 0, confirmWith: ['2'] });
    await expect(dl.retryAll({ filter: { error: 'poison-pill' } }, 'olga', { readOnly: true })).rejects.toMatchObject({ code: 'OW_READ_ONLY' });
    expect(await dl.retryAll({ filter: { error: 'poison-pill' } }, 'olga', { dryRun: true, readOnly: true })).toMatchObject({ dryRun: true, matched: 2, changed: 0 });
    expect(await state()).toBe(before);
  });

  it('purges with the queue name as confirmation, keeping each task, who and why', async () => {
    const ids = await doomed(['x1'], 'purge-by-name');
    const n = (await dl.list({ queue: 'fail-n-times' })).total;
    const done = await dl.purge({ filter: { queue: 'fail-n-times' }, confirm: 'fail-n-times', reason: 'drained after incident 7' }, 'olga');
    expect(done).toMatchObject({ matched: n, changed: n });
    expect((await dl.list({ queue: 'fail-n-times' })).total).toBe(0);
    expect(await jr.tasks.get(ids[0]!)).toMatchObject({ status: 'cancelled', deadLetteredAt: null, lastError: 'purged by olga: drained after incident 7' });
    const trail = await dl.purged(100);
    expect(trail).toHaveLength(n);
    expect(trail.find((p) => p.taskId === ids[0])).toMatchObject({ purgedBy: 'olga', reason: 'drained after incident 7', queue: 'fail-n-times', task: expect.objectContaining({ status: 'failed', lastError: expect.stringContaining('purge-by-name') }) });
    const [audit] = await listAudit(db, { action: 'dead-letter.purge', limit: 5 });
    expect(audit).toMatchObject({ actor: 'olga', target: 'fail-n-times', summary: expect.stringContaining(`purged ${n} dead letter(s)`) });
    expect((await readEvents(db, { topicPrefixes: ['queue.dead_letters.purged'], limit: 5 })).map((e) => e.payload.count)).toEqual([n]);
  });
});

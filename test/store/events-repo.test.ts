import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import { appendEvents, EVENTS_CHANNEL, lastEventId, lastSettledEventId, readEvents, readSettledTail } from '../../src/store/events-repo';
import { appendAudit, listAudit } from '../../src/store/audit-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';
import { until } from '../helpers/until';

const NOW = new Date('2026-03-01T10:00:00.000Z');

describe.each(DRIVERS)('event outbox on %s', (driver) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(driver);
  });
  afterAll(async () => {
    await db.close();
  });

  it('writes events with their change in one transaction, and a rollback leaves neither', async () => {
    const start = await lastEventId(db);
    await expect(
      db.transaction(async (tx) => {
        await appendAudit(tx, { actor: 'a', action: 'x.do', target: 't1', summary: 's' }, NOW);
        await appendEvents(tx, [{ topic: 'x.done', key: 't1', payload: { n: 1 } }], NOW);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await lastEventId(db)).toBe(start);
    expect(await listAudit(db, { target: 't1', limit: 10 })).toEqual([]);

    await db.transaction(async (tx) => {
      await appendAudit(tx, { actor: 'a', action: 'x.do', target: 't2', summary: 's' }, NOW);
      await appendEvents(tx, [{ topic: 'x.done', key: 't2', payload: { n: 2 } }], NOW);
    });
    const events = await readEvents(db, { after: start, limit: 10 });
    expect(events).toEqual([{ id: expect.any(Number), topic: 'x.done', key: 't2', payload: { n: 2 }, createdAt: NOW.toISOString() }]);
    expect((await listAudit(db, { target: 't2', limit: 10 })).map((a) => a.action)).toEqual(['x.do']);
  });

  it('writes a batch in one statement: ids in input order, keys may be absent, payloads kept exactly', async () => {
    const start = await lastEventId(db);
    const batch = Array.from({ length: 120 }, (_, i) => ({ topic: `batch.e${i % 3}`, ...(i % 2 === 0 ? { key: `k${i}` } : {}), payload: { i, quote: 'a "b", {c}' } }));
    const stored = await db.transaction((tx) => appendEvents(tx, batch, NOW));
    expect(stored.map((e) => e.payload.i)).toEqual(batch.map((e) => e.payload.i));
    expect(stored.map((e) => e.key)).toEqual(batch.map((e) => e.key ?? null));
    expect(stored.every((e, n) => n === 0 || e.id > stored[n - 1]!.id)).toBe(true);
    expect((await readEvents(db, { after: start, limit: 500 })).map((e) => [e.topic, e.payload])).toEqual(batch.map((e) => [e.topic, e.payload]));
  });

  it('reads in id order from a position, filtered by topic prefix and key', async () => {
    const start = await lastEventId(db);
    await db.transaction((tx) =>
      appendEvents(
        tx,
        [
          { topic: 'journey.created', key: 'j1', payload: { i: 1 } },
          { topic: 'journeys_other', key: 'j1', payload: { i: 2 } },
          { topic: 'journey.promoted', key: 'j2', payload: { i: 3 } },
          { topic: 'token.created', key: 'j1', payload: { i: 4 } },
        ],
        NOW,
      ),
    );
    const all = await readEvents(db, { after: start, limit: 100 });
    expect(all.map((e) => e.payload.i)).toEqual([1, 2, 3, 4]);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => a - b));
    expect((await readEvents(db, { after: start, topicPrefixes: ['journey.'], limit: 100 })).map((e) => e.payload.i)).toEqual([1, 3]);
    expect((await readEvents(db, { after: start, key: 'j1', limit: 100 })).map((e) => e.payload.i)).toEqual([1, 2, 4]);
    expect((await readEvents(db, { after: all[1]?.id, limit: 1 })).map((e) => e.payload.i)).toEqual([3]);
  });

  it('NOTIFYs the highest id and the roots of the topics written, so a process that wants none of them need not read', async () => {
    const payloads: string[] = [];
    const unlisten = await db.listen(EVENTS_CHANNEL, (p) => payloads.push(p));
    try {
      const written = await db.transaction((tx) => appendEvents(tx, [{ topic: 'notify.a', payload: {} }, { topic: 'other.b', payload: {} }, { topic: 'notify.c', payload: {} }], NOW));
      await until('the NOTIFY of the append', async () => (payloads.length > 0 ? true : undefined), 10_000, 10);
      const [id, ...roots] = payloads[0]!.split(' ');
      expect(Number(id)).toBe(written.at(-1)!.id);
      expect(roots.sort()).toEqual(['notify', 'other']);
    } finally {
      await unlisten();
    }
  });

  it('reads the settled tail filtered by topic, with the horizon a tailer may move its cursor to', async () => {
    const start = await lastSettledEventId(db);
    await db.transaction((tx) => appendEvents(tx, [{ topic: 'tail.a', payload: { i: 1 } }, { topic: 'untail.b', payload: { i: 2 } }, { topic: 'tail.c', payload: { i: 3 } }], NOW));
    const tail = await readSettledTail(db, start, ['tail.'], 10);
    expect(tail.events.map((e) => e.topic)).toEqual(['tail.a', 'tail.c']);
    expect(tail.heldBack).toBe(false);
    expect(tail.horizon).toBeGreaterThan(await lastEventId(db));
    // Past the horizon there is nothing settled left to read, of any topic.
    expect((await readSettledTail(db, tail.horizon - 1, [], 10)).events).toEqual([]);
    expect((await readSettledTail(db, start, ['nothing.'], 10)).events).toEqual([]);
  });

  it('writes the change\'s audit entry in the events\' statement when given one, and none when not', async () => {
    const before = (await listAudit(db, { limit: 1000 })).length;
    await db.transaction((tx) => appendEvents(tx, [{ topic: 'audited.x', payload: {} }], NOW, { actor: 'ann', action: 'thing.change', target: 'thing/1', summary: 'changed it', details: { why: 'test' } }));
    await db.transaction((tx) => appendEvents(tx, [{ topic: 'unaudited.x', payload: {} }], NOW));
    const entries = await listAudit(db, { limit: 1000 });
    expect(entries).toHaveLength(before + 1);
    expect(entries.find((e) => e.target === 'thing/1')).toMatchObject({ actor: 'ann', action: 'thing.change', summary: 'changed it', details: { why: 'test' }, createdAt: NOW.toISOString() });
  });

  it('escapes LIKE wildcards in topic prefixes', async () => {
    const start = await lastEventId(db);
    await db.transaction((tx) => appendEvents(tx, [{ topic: 'a_b.x', payload: {} }, { topic: 'aXb.x', payload: {} }], NOW));
    expect((await readEvents(db, { after: start, topicPrefixes: ['a_b.'], limit: 10 })).map((e) => e.topic)).toEqual(['a_b.x']);
  });

  it('a tailing reader sees only settled events: those of a transaction still running are held back, then come in id order', async () => {
    const start = await lastSettledEventId(db);
    await db.transaction(async (tx) => {
      const [own] = await appendEvents(tx, [{ topic: 'settle.own', payload: {} }], NOW);
      // Inside the writing transaction its own events are visible but not settled (it may still roll back).
      expect((await readEvents(tx, { after: start, limit: 10, settled: false })).map((e) => e.id)).toContain(own!.id);
      expect((await readEvents(tx, { after: start, limit: 10, settled: true })).map((e) => e.topic)).not.toContain('settle.own');
    });
    expect((await readEvents(db, { after: start, limit: 10, settled: true })).map((e) => e.topic)).toEqual(['settle.own']);
    expect(await lastSettledEventId(db)).toBe(await lastEventId(db));
  });
});

// Two connections interleaved: PGlite has one connection, so only PostgreSQL can run this race.
describe('event outbox under concurrent writers on postgres', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb('postgres');
  });
  afterAll(async () => {
    await db.close();
  });

  it('a transaction that commits later with lower ids is still delivered to a reader tailing past the other one', async () => {
    const start = await lastSettledEventId(db);
    let openA: () => void = () => undefined;
    const aStarted = new Promise<void>((r) => (openA = r));
    let letACommit: () => void = () => undefined;
    const aMayCommit = new Promise<void>((r) => (letACommit = r));
    // A takes its transaction id first, then B writes and commits while A is still open.
    const a = db.transaction(async (tx) => {
      await tx.query('SELECT pg_current_xact_id()');
      openA();
      await aMayCommit;
      return appendEvents(tx, [{ topic: 'race.a', payload: { n: 1 } }], NOW);
    });
    await aStarted;
    const [b] = await db.transaction((tx) => appendEvents(tx, [{ topic: 'race.b', payload: { n: 2 } }], NOW));
    // B is committed and visible, but A may still commit below it: a tailing reader must not pass B yet.
    expect((await readEvents(db, { after: start, limit: 10, settled: false })).map((e) => e.topic)).toEqual(['race.b']);
    const early = await readEvents(db, { after: start, limit: 10, settled: true });
    expect(early).toEqual([]);
    letACommit();
    const [ea] = await a;
    expect(ea!.id).toBeLessThan(b!.id);
    const after = await readEvents(db, { after: start, limit: 10, settled: true });
    expect(after.map((e) => e.topic)).toEqual(['race.a', 'race.b']);
    // The default for a tailing read (after > 0, no key) is the settled one.
    expect((await readEvents(db, { after: Math.max(start, 1), limit: 10 })).map((e) => e.topic)).toEqual(['race.a', 'race.b']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import { EventBus } from '../../src/engine/event-bus';
import { appendEvents, type StoredEvent } from '../../src/store/events-repo';
import { openPostgres } from '../../src/store/drivers/pg-driver';
import { DRIVERS, openTestDb } from '../helpers/databases';
import { inject } from 'vitest';

const NOW = new Date('2026-03-01T10:00:00.000Z');

function collector(n: number) {
  const got: StoredEvent[] = [];
  let resolve: () => void = () => undefined;
  const done = new Promise<void>((r) => {
    resolve = r;
  });
  return {
    got,
    done,
    push(e: StoredEvent) {
      got.push(e);
      if (got.length >= n) resolve();
    },
  };
}

async function write(db: Db, topics: string[]): Promise<void> {
  await db.transaction((tx) => appendEvents(tx, topics.map((topic, i) => ({ topic, key: `k${i}`, payload: { topic } })), NOW));
}

describe.each(DRIVERS)('event bus on %s', (driver) => {
  let db: Db;
  let bus: EventBus;
  beforeAll(async () => {
    db = await openTestDb(driver);
    bus = new EventBus(db, 50);
    await bus.start();
  });
  afterAll(async () => {
    await bus.stop();
    await db.close();
  });

  it('delivers committed events in order to matching subscribers only', async () => {
    const journeys = collector(3);
    const tokens = collector(1);
    const s1 = bus.subscribe(['journey.*'], (e) => journeys.push(e));
    const s2 = bus.subscribe(['token.created'], (e) => tokens.push(e));
    await write(db, ['journey.created', 'token.created', 'journey.promoted', 'other.thing', 'journey.completed']);
    await Promise.all([journeys.done, tokens.done]);
    expect(journeys.got.map((e) => e.topic)).toEqual(['journey.created', 'journey.promoted', 'journey.completed']);
    expect(tokens.got.map((e) => e.topic)).toEqual(['token.created']);
    s1.close();
    s2.close();
  });

  it('resumes from an event id: replays what was missed, then continues live without gaps or repeats', async () => {
    await write(db, ['resume.a', 'resume.b', 'resume.c']);
    const past = (await db.query<{ id: number; topic: string }>("SELECT id, topic FROM events WHERE topic LIKE 'resume.%' ORDER BY id"));
    const afterFirst = past[0]?.id ?? 0;
    const c = collector(4);
    const sub = bus.subscribe(['resume.*'], (e) => c.push(e), afterFirst);
    await write(db, ['resume.d', 'resume.e']);
    await c.done;
    await new Promise((r) => setTimeout(r, 150));
    expect(c.got.map((e) => e.topic)).toEqual(['resume.b', 'resume.c', 'resume.d', 'resume.e']);
    sub.close();
  });

  it('reads only what its subscribers want, yet a later subscriber misses nothing: live from now, or replayed with `after`', async () => {
    const start = (await db.query<{ id: number }>('SELECT coalesce(max(id), 0) AS id FROM events'))[0]!.id;
    const wanted = collector(1);
    const sub = bus.subscribe(['wanted.*'], (e) => wanted.push(e));
    await write(db, ['skipped.one', 'wanted.one']);
    await wanted.done;
    // skipped.* was wanted by nobody when it was written: the bus passed it without reading it.
    const replay = collector(2);
    const late = bus.subscribe(['skipped.*'], (e) => replay.push(e), start);
    await write(db, ['skipped.two']);
    await replay.done;
    expect(replay.got.map((e) => e.topic)).toEqual(['skipped.one', 'skipped.two']);
    expect(wanted.got.map((e) => e.topic)).toEqual(['wanted.one']);
    sub.close();
    late.close();
  });

  it('is not stopped by a subscriber that throws', async () => {
    const c = collector(2);
    const bad = bus.subscribe(['robust.*'], () => {
      throw new Error('subscriber bug');
    });
    const good = bus.subscribe(['robust.*'], (e) => c.push(e));
    await write(db, ['robust.one', 'robust.two']);
    await c.done;
    expect(c.got).toHaveLength(2);
    bad.close();
    good.close();
  });
});

describe('event bus across processes on postgres', () => {
  it('carries a commit from one connection pool to the bus of another through LISTEN/NOTIFY', async () => {
    const writer = await openTestDb('postgres');
    const dbName = (await writer.query<{ db: string }>('SELECT current_database() AS db'))[0]?.db;
    const url = new URL(inject('pgUrl'));
    url.pathname = `/${dbName}`;
    const reader = await openPostgres(url.toString());
    // A long poll interval proves the wake-up came from NOTIFY, not from polling.
    const bus = new EventBus(reader, 60_000);
    await bus.start();
    try {
      const c = collector(1);
      bus.subscribe(['remote.*'], (e) => c.push(e));
      const t0 = Date.now();
      await write(writer, ['remote.hello']);
      await c.done;
      expect(c.got[0]?.topic).toBe('remote.hello');
      expect(Date.now() - t0).toBeLessThan(10_000);
    } finally {
      await bus.stop();
      await reader.close();
      await writer.close();
    }
  });
});

describe('event bus with interleaved writers on postgres', () => {
  let db: Db;
  let bus: EventBus;
  beforeAll(async () => {
    db = await openTestDb('postgres');
    // A long poll interval: delivery must come from NOTIFY and the held-back retry, not from polling.
    bus = new EventBus(db, 60_000);
    await bus.start();
  });
  afterAll(async () => {
    await bus.stop();
    await db.close();
  });

  /** Opens a transaction that takes its id at once and commits (with `topics` as events) when released. */
  async function openWriter(topics: string[]): Promise<{ commit: () => Promise<unknown> }> {
    let started: () => void = () => undefined;
    const ready = new Promise<void>((r) => (started = r));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const done = db.transaction(async (tx) => {
      await tx.query('SELECT pg_current_xact_id()');
      started();
      await gate;
      if (topics.length > 0) await appendEvents(tx, topics.map((topic) => ({ topic, payload: {} })), NOW);
    });
    await ready;
    return {
      commit: () => {
        release();
        return done;
      },
    };
  }

  it('delivers the events of a transaction that commits later with lower ids, once each and in id order', async () => {
    const c = collector(2);
    const sub = bus.subscribe(['race.*'], (e) => c.push(e));
    const a = await openWriter(['race.a']);
    await write(db, ['race.b']);
    await a.commit();
    await c.done;
    expect(c.got.map((e) => e.topic)).toEqual(['race.a', 'race.b']);
    expect(c.got[0]!.id).toBeLessThan(c.got[1]!.id);
    sub.close();
  });

  it('delivers events held back by an older transaction that commits no event (no NOTIFY from it)', async () => {
    const c = collector(1);
    const sub = bus.subscribe(['held.*'], (e) => c.push(e));
    const a = await openWriter([]);
    await write(db, ['held.b']);
    await a.commit();
    await c.done;
    expect(c.got.map((e) => e.topic)).toEqual(['held.b']);
    sub.close();
  });
});

// Pattern versions and reference counters on both drivers: version numbering per slug, earlier
// versions kept, latest per slug, counters without lost updates, the library's events by slug.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePattern } from '../../src/core/ows/parse-pattern';
import type { Pattern } from '../../src/core/ows/schema';
import type { Db } from '../../src/store/db';
import { appendEvents } from '../../src/store/events-repo';
import { findReferences, incrementReference, listPatternEvents, listReferences } from '../../src/store/pattern-references-repo';
import {
  countPatternVersions,
  findPatternVersion,
  insertPatternVersion,
  listLatestPatternVersions,
  listPatternSlugs,
  listPatternVersions,
} from '../../src/store/pattern-versions-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';
import { patternJson } from '../engine/pattern-fixtures';

function pattern(slug: string, title: string): Pattern {
  const parsed = parsePattern(patternJson(slug, title));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

describe.each(DRIVERS)('pattern repositories on %s', (driver) => {
  let db: Db;
  const t0 = new Date('2026-03-01T10:00:00.000Z');
  const t1 = new Date('2026-03-02T10:00:00.000Z');

  beforeAll(async () => {
    db = await openTestDb(driver);
  });
  afterAll(async () => {
    await db.close();
  });

  it('numbers versions per slug, stamps library.version and keeps every earlier version', async () => {
    const v1 = await db.transaction((tx) => insertPatternVersion(tx, { slug: 'alpha', title: 'Alpha pattern one', document: pattern('alpha', 'Alpha pattern one'), createdBy: 'olga' }, t0));
    const v2 = await db.transaction((tx) => insertPatternVersion(tx, { slug: 'alpha', title: 'Alpha pattern two', document: pattern('alpha', 'Alpha pattern two'), createdBy: 'sam' }, t1));
    const b1 = await db.transaction((tx) => insertPatternVersion(tx, { slug: 'beta', title: 'Beta pattern', document: pattern('beta', 'Beta pattern'), createdBy: 'olga' }, t1));
    expect([v1.version, v2.version, b1.version]).toEqual([1, 2, 1]);
    // The author wrote version 1 in both files; the store's number is what the document says now.
    expect(v2.document.library.version).toBe(2);
    expect(v1.publishedAt).toBe(t0.toISOString());

    expect((await findPatternVersion(db, 'alpha'))?.title).toBe('Alpha pattern two');
    const first = await findPatternVersion(db, 'alpha', 1);
    expect(first?.document.ows.meta.title).toBe('Alpha pattern one');
    expect(first?.document.library.version).toBe(1);
    expect(await findPatternVersion(db, 'alpha', 3)).toBeUndefined();
    expect(await findPatternVersion(db, 'nope')).toBeUndefined();

    expect((await listPatternVersions(db, 'alpha')).map((v) => [v.version, v.title, v.createdBy])).toEqual([
      [2, 'Alpha pattern two', 'sam'],
      [1, 'Alpha pattern one', 'olga'],
    ]);
    expect((await listLatestPatternVersions(db)).map((v) => [v.slug, v.version])).toEqual([
      ['alpha', 2],
      ['beta', 1],
    ]);
    expect(await listPatternSlugs(db)).toEqual(['alpha', 'beta']);
    expect(await countPatternVersions(db)).toBe(3);
  });

  it('gives concurrent publications of one slug distinct consecutive versions', async () => {
    const doc = pattern('gamma', 'Gamma pattern');
    const versions = await Promise.all(
      Array.from({ length: 5 }, () => db.transaction((tx) => insertPatternVersion(tx, { slug: 'gamma', title: 'Gamma', document: doc, createdBy: 'x' }, t0))),
    );
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('counts references per slug without losing concurrent increments', async () => {
    expect(await findReferences(db, 'alpha')).toEqual({ views: 0, articleDownloads: 0, checklistExports: 0 });
    await Promise.all(Array.from({ length: 10 }, () => db.transaction((tx) => incrementReference(tx, 'alpha', 'view', t0))));
    await db.transaction((tx) => incrementReference(tx, 'alpha', 'article', t0));
    const after = await db.transaction((tx) => incrementReference(tx, 'alpha', 'checklist', t1));
    expect(after).toEqual({ views: 10, articleDownloads: 1, checklistExports: 1 });
    expect(await findReferences(db, 'alpha')).toEqual(after);
    const all = await listReferences(db);
    expect(all.get('alpha')).toEqual(after);
    expect(all.has('beta')).toBe(false);
  });

  it('reads the library events of one slug back from the outbox, in order', async () => {
    await db.transaction((tx) =>
      appendEvents(
        tx,
        [
          { topic: 'pattern.published', key: 'alpha', payload: { slug: 'alpha', version: 1 } },
          { topic: 'journey.started', key: 'alpha', payload: {} },
          { topic: 'pattern.detail.viewed', key: 'alpha', payload: { slug: 'alpha' } },
          { topic: 'article.downloaded', key: 'beta', payload: { slug: 'beta' } },
          { topic: 'checklist.downloaded', key: 'alpha', payload: { slug: 'alpha' } },
        ],
        t0,
      ),
    );
    expect((await listPatternEvents(db, 'alpha')).map((e) => e.topic)).toEqual(['pattern.published', 'pattern.detail.viewed', 'checklist.downloaded']);
    expect((await listPatternEvents(db, 'beta')).map((e) => e.topic)).toEqual(['article.downloaded']);
  });
});

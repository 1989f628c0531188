// The pattern service on both drivers: catalog loading (failures skipped and named), publication
// of versions with audit and events, gate failures and invalid input that store nothing,
// validation without writes, references feeding "most referenced", artifacts, and a second
// process kept current through the event bus.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateGates } from '../../src/core/ows/quality-gates';
import { AppError } from '../../src/core/shared/error-codes';
import { EventBus } from '../../src/engine/event-bus';
import { readCatalog } from '../../src/engine/pattern-catalog';
import { PatternService } from '../../src/engine/pattern-service';
import type { Principal } from '../../src/engine/token-service';
import { listAudit } from '../../src/store/audit-repo';
import type { Db } from '../../src/store/db';
import { listPatternEvents } from '../../src/store/pattern-references-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';
import { failingBothGates, FLAGSHIP_SLUG, catalogJson, patternJson } from './pattern-fixtures';

const olga: Principal = { tokenId: 'tok_olga', name: 'olga', role: 'operator' };

async function counts(db: Db): Promise<{ versions: number; audit: number; events: number }> {
  const [v] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pattern_versions');
  const [a] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'pattern.%'");
  const [e] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
  return { versions: v?.n ?? -1, audit: a?.n ?? -1, events: e?.n ?? -1 };
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(DRIVERS)('pattern service on %s', (driver) => {
  let db: Db;
  let patterns: PatternService;
  let catalogDir: string;
  const clock = { now: () => new Date('2026-05-04T09:00:00.000Z') };

  beforeAll(async () => {
    db = await openTestDb(driver);
    patterns = new PatternService(db, clock);
    catalogDir = mkdtempSync(join(tmpdir(), 'ow-catalog-'));
    writeFileSync(join(catalogDir, 'a-flagship.json'), JSON.stringify(catalogJson()));
    writeFileSync(join(catalogDir, 'b-second.json'), JSON.stringify(patternJson('catalog-second', 'Catalog second pattern')));
    writeFileSync(join(catalogDir, 'c-broken.json'), JSON.stringify(failingBothGates('catalog-broken')));
    writeFileSync(join(catalogDir, 'd-not-json.json'), '{ "ows": {\n  "meta": }');
  });
  afterAll(async () => {
    rmSync(catalogDir, { recursive: true, force: true });
    await db.close();
  });

  it('names the built-in catalog files from the repository root', async () => {
    const files = await readCatalog();
    expect(files.length).toBeGreaterThanOrEqual(24);
    expect(files.find((f) => f.slug === FLAGSHIP_SLUG)?.file).toBe(`content/patterns/${FLAGSHIP_SLUG}.json`);
  });

  it('loads the catalog files that pass the gates, names the failures of the others, and loads each slug once', async () => {
    const report = await patterns.loadCatalog(catalogDir);
    expect(report.loaded.map((l) => [l.slug, l.version])).toEqual([
      [FLAGSHIP_SLUG, 1],
      ['catalog-second', 1],
    ]);
    expect(report.skipped.map((s) => s.file)).toEqual([join(catalogDir, 'c-broken.json'), join(catalogDir, 'd-not-json.json')]);
    const broken = report.skipped[0]?.failures ?? [];
    expect(broken.map((f) => f.rule)).toEqual(expect.arrayContaining(['max-message-chars', 'dimension.ownership_routing', 'sla-trigger']));
    expect(report.skipped[1]?.failures).toEqual([expect.objectContaining({ line: 2, column: 11 })]);
    const audit = await listAudit(db, { action: 'pattern.publish', limit: 10 });
    expect(audit.map((a) => [a.actor, a.target]).sort()).toEqual([
      ['system', 'catalog-second'],
      ['system', FLAGSHIP_SLUG],
    ]);

    const again = await patterns.loadCatalog(catalogDir);
    expect(again).toEqual({ loaded: [], skipped: report.skipped, present: 2 });
    writeFileSync(join(catalogDir, 'e-third.json'), JSON.stringify(patternJson('catalog-third', 'Catalog third pattern')));
    expect((await patterns.loadCatalog(catalogDir)).loaded.map((l) => l.slug)).toEqual(['catalog-third']);
  });

  it('publishes new versions, keeps earlier ones listable, and records audit entries and pattern.published events', async () => {
    const before = await counts(db);
    const first = await patterns.publish(patternJson('alpha', 'Alpha pattern one'), olga);
    expect(first).toMatchObject({ status: 'published', record: { slug: 'alpha', version: 1, title: 'Alpha pattern one', createdBy: 'olga' }, maxScore: 40 });
    // The same document again is not a new version.
    const same = await patterns.publish(patternJson('alpha', 'Alpha pattern one'), olga);
    expect(same).toMatchObject({ status: 'unchanged', record: { version: 1 } });
    expect(await counts(db)).toEqual({ versions: before.versions + 1, audit: before.audit + 1, events: before.events + 1 });

    const second = await patterns.publish(patternJson('alpha', 'Alpha pattern two'), olga);
    expect(second.record.version).toBe(2);
    expect((await patterns.versions('alpha')).map((v) => [v.version, v.title])).toEqual([
      [2, 'Alpha pattern two'],
      [1, 'Alpha pattern one'],
    ]);
    const old = await patterns.detail('alpha', { version: 1 });
    expect(old.pattern.ows.meta.title).toBe('Alpha pattern one');
    expect(old.latestVersion).toBe(2);
    expect((await patterns.detail('alpha')).record.version).toBe(2);

    const events = await listPatternEvents(db, 'alpha');
    expect(events.map((e) => [e.topic, e.payload.version])).toEqual([
      ['pattern.published', 1],
      ['pattern.published', 2],
    ]);
    const audit = await listAudit(db, { target: 'alpha', limit: 10 });
    expect(audit.map((a) => a.summary)).toEqual(expect.arrayContaining([expect.stringContaining('published version 2 of pattern "Alpha pattern two" (HQO')]));
  });

  it('stores nothing when a gate fails, and lists every failing dimension and budget rule', async () => {
    const before = await counts(db);
    const input = failingBothGates('beta-fails');
    const err = await caught(patterns.publish(input, olga));
    expect(err.code).toBe('OW_GATE_FAILED');
    expect(err.status).toBe(422);
    const expected = evaluateGates(input).failures;
    expect(expected.length).toBeGreaterThan(3);
    expect(err.errors).toEqual(expected.map((f) => ({ gate: f.gate, rule: f.rule, message: f.message, ...(f.pointer !== undefined ? { pointer: f.pointer } : {}) })));
    expect(err.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ gate: 'budget', rule: 'max-message-chars', pointer: '/ows/flows/altDecisionPoints/0/branches/0/steps/0' }),
        expect.objectContaining({ gate: 'hqo', rule: 'dimension.ownership_routing' }),
        expect.objectContaining({ gate: 'hqo', rule: 'escalation-route' }),
      ]),
    );
    expect(err.message).toContain('nothing was stored');
    expect(await counts(db)).toEqual(before);
    await expect(patterns.detail('beta-fails')).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
  });

  it('stores nothing for invalid input and names every problem by pointer or line', async () => {
    const before = await counts(db);
    const schema = await caught(patterns.publish({ ows: { schemaVersion: '1.1.0' }, library: { slug: 'Not A Slug' } }, olga));
    expect(schema.code).toBe('OW_VALIDATION');
    expect(schema.errors.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/ows/meta', '/library/slug', '/library/checklist']));

    const syntax = await caught(patterns.publishText('{\n  "ows": {\n    "meta": }\n}', olga));
    expect(syntax.code).toBe('OW_MALFORMED_JSON');
    expect(syntax.errors).toEqual([expect.objectContaining({ line: 3 })]);

    const mismatch = await caught(patterns.publish(patternJson('gamma', 'Gamma pattern'), olga, { expectedSlug: 'delta' }));
    expect(mismatch.code).toBe('OW_VALIDATION');
    expect(mismatch.errors).toEqual([{ pointer: '/library/slug', message: 'must be "delta" (the slug in the URL)' }]);
    expect(await counts(db)).toEqual(before);
  });

  it('validates without writing anything', async () => {
    const before = await counts(db);
    const failing = patterns.validate(failingBothGates('validate-me'));
    expect(failing.passed).toBe(false);
    expect(new Set(failing.failures.map((f) => f.gate))).toEqual(new Set(['budget', 'hqo']));
    expect(failing.scorecard?.passed).toBe(false);
    const passing = patterns.validate(patternJson('validate-ok', 'Validate ok pattern'));
    expect(passing).toMatchObject({ passed: true, failures: [], scorecard: { passed: true } });
    expect(passing.diagrams?.map((d) => [d.kind, d.withinBudget])).toEqual([
      ['as-is', true],
      ['orchestrated', true],
    ]);
    expect(patterns.validate({ nothing: true }).failures[0]).toMatchObject({ gate: 'schema' });
    expect(await counts(db)).toEqual(before);
  });

  it('counts views, article downloads and checklist exports towards "most referenced", with events and no audit', async () => {
    const low = patternJson('ref-low', 'Reference low pattern');
    low.library.referenceCount = 0;
    const high = patternJson('ref-high', 'Reference high pattern');
    high.library.referenceCount = 2;
    await patterns.publish(low, olga);
    await patterns.publish(high, olga);
    const order = async () => (await patterns.search({ sort: 'referenced', pageSize: 100 })).items.map((i) => i.slug).filter((s) => s.startsWith('ref-'));
    expect(await order()).toEqual(['ref-high', 'ref-low']);
    const auditBefore = (await counts(db)).audit;

    const viewed = await patterns.detail('ref-low', { view: true });
    expect(viewed.references).toEqual({ views: 1, articleDownloads: 0, checklistExports: 0, baseline: 0, total: 1 });
    const article = await patterns.article('ref-low', 'https://lib.example.com');
    expect(article).toContain('<https://lib.example.com/library/ref-low>');
    const csv = await patterns.checklist('ref-low', 'csv', 'https://lib.example.com');
    expect(csv.split('\n')[0]).toBe('Summary,Description,Issue Type,Labels,Priority');
    expect(csv).toContain('https://lib.example.com/library/ref-low');
    expect(await order()).toEqual(['ref-low', 'ref-high']);
    const hit = (await patterns.search({ q: 'Reference low' })).items.find((i) => i.slug === 'ref-low');
    expect(hit?.referenceCount).toBe(3);

    expect((await patterns.detail('ref-low')).references).toEqual({ views: 1, articleDownloads: 1, checklistExports: 1, baseline: 0, total: 3 });
    expect((await listPatternEvents(db, 'ref-low')).map((e) => e.topic)).toEqual(['pattern.published', 'pattern.detail.viewed', 'article.downloaded', 'checklist.downloaded']);
    expect((await counts(db)).audit).toBe(auditBefore);
  });

  it('renders artifacts, statements of work and white-labelled bundles of a stored version', async () => {
    expect(await patterns.mermaid(FLAGSHIP_SLUG, 'orchestrated')).toMatch(/^sequenceDiagram\n/);
    const sow = await patterns.sow(FLAGSHIP_SLUG, { dayRate: 1000, fteCount: 2 });
    expect(sow.sow.lines).toHaveLength(6);
    expect(sow.sow.totals.priceCents).toBe(sow.sow.lines.reduce((n, l) => n + l.priceCents, 0));
    expect(sow.markdown).toContain('Total');
    await expect(patterns.sow(FLAGSHIP_SLUG, { dayRate: -5, fteCount: 2 })).rejects.toMatchObject({ code: 'OW_VALIDATION', errors: [expect.objectContaining({ pointer: '/dayRate' })] });

    const bundle = await patterns.whiteLabel(FLAGSHIP_SLUG, { L1: 'Tier 1 Zendesk' }, 'https://lib.example.com');
    expect(bundle.diagrams.map((d) => d.kind)).toEqual(['as-is', 'orchestrated']);
    expect(bundle.diagrams.some((d) => d.text.includes('Tier 1 Zendesk'))).toBe(true);
    expect(bundle.article.markdown).toContain('Tier 1 Zendesk');
    expect(bundle.withinBudget).toBe(bundle.diagrams.every((d) => d.withinBudget));
    const long = await patterns.whiteLabel(FLAGSHIP_SLUG, { L1: 'Tier One Global Customer Support Desk' }, 'https://lib.example.com');
    const longLabels = long.diagrams.flatMap((d) => d.longLabels);
    expect(longLabels.length).toBeGreaterThan(0);
    for (const l of longLabels) {
      expect(l.label).toContain('Tier One Global Customer Support Desk');
      expect(l.chars).toBeGreaterThan(l.limit);
    }
    await expect(patterns.whiteLabel(FLAGSHIP_SLUG, { L1: '' }, 'https://lib.example.com')).rejects.toMatchObject({ code: 'OW_VALIDATION', errors: [expect.objectContaining({ pointer: '/terms/L1' })] });
  });

  it('keeps the index of another process current through the event bus', async () => {
    const bus = new EventBus(db, 200);
    await bus.start();
    const other = new PatternService(db, clock);
    await other.start(bus, join(catalogDir, 'no-such-dir'));
    try {
      // The other process has built its index before this one publishes.
      expect((await other.search({ pageSize: 100 })).items.some((i) => i.slug === 'from-elsewhere')).toBe(false);
      const published = patternJson('from-elsewhere', 'Published elsewhere pattern');
      published.library.referenceCount = 0;
      await patterns.publish(published, olga);
      const seen = await eventually(
        () => other.search({ pageSize: 100 }),
        (r) => r.items.some((i) => i.slug === 'from-elsewhere'),
      );
      expect(seen.items.find((i) => i.slug === 'from-elsewhere')).toMatchObject({ version: 1, referenceCount: 0 });
      await patterns.detail('from-elsewhere', { view: true });
      const counted = await eventually(
        () => other.search({ pageSize: 100 }),
        (r) => r.items.find((i) => i.slug === 'from-elsewhere')?.referenceCount === 1,
      );
      expect(counted.items.find((i) => i.slug === 'from-elsewhere')?.referenceCount).toBe(1);
    } finally {
      await other.stop();
      await bus.stop();
    }
  });
});

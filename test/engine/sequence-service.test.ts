// The sequence service on both drivers: first-start loading of the built-in sequences, versions,
// audit and events, encoding repair, and invalid input that stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/store/db';
import { SequenceService } from '../../src/engine/sequence-service';
import type { Principal } from '../../src/engine/token-service';
import { listAudit } from '../../src/store/audit-repo';
import { readEvents } from '../../src/store/events-repo';
import { AppError } from '../../src/core/shared/error-codes';
import { misdecodeAsCp1252 } from '../../src/core/sequence/cp1252';
import { DRIVERS, openTestDb } from '../helpers/databases';
import { fixtureText, referenceSequence, referenceSourcePath } from '../core/sequence/fixtures';

const operator: Principal = { tokenId: 'tok_op', name: 'olga', role: 'operator' };

function tinySequence(id: string, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    domainId: 'ops',
    id,
    name,
    userStory: { persona: 'Ops lead' },
    diagram: 'sequenceDiagram\n  participant A\n  A->>A: start',
    events: ['ticket.opened'],
    beats: 1,
    movements: [
      {
        name: 'Intake',
        userStory: {},
        diagram: 'sequenceDiagram\n  participant A\n  A->>A: intake',
        beats: [{ beat: 1, name: 'Open', event: 'ticket.opened', testFile: 'triage.test.ts', userStory: {}, acceptanceCriteria: [], diagram: 'sequenceDiagram\n  participant A\n  A->>A: open' }],
      },
    ],
    ...extra,
  };
}

async function counts(db: Db): Promise<{ versions: number; audit: number; events: number }> {
  const [v] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sequence_versions');
  const [a] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'sequence.%'");
  const [e] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE topic LIKE 'sequence.%'");
  return { versions: v?.n ?? -1, audit: a?.n ?? -1, events: e?.n ?? -1 };
}

describe.each(DRIVERS)('sequence service on %s', (driver) => {
  let db: Db;
  let now = new Date('2026-05-01T09:00:00.000Z');
  const clock = { now: () => now };
  let sequences: SequenceService;

  beforeAll(async () => {
    db = await openTestDb(driver);
    sequences = new SequenceService(db, clock);
  });
  afterAll(async () => {
    await db.close();
  });

  it('loads the built-in sequences on first start only, as the system', async () => {
    const seeded = await sequences.seedOnFirstStart();
    expect(seeded.map((s) => s.record.id)).toEqual(['msp-domain-expert', 'operator-implementation']);
    expect(seeded.every((s) => s.record.createdBy === 'system' && s.record.version === 1)).toBe(true);
    expect(seeded[1]?.record.sourcePath).toBe('content/sequences/operator-implementation.json');
    expect(seeded[1]?.record.document).toEqual(referenceSequence('operator-implementation'));
    // A second start (or a second process) finds sequences stored and loads nothing.
    expect(await sequences.seedOnFirstStart()).toEqual([]);
    expect((await sequences.list()).map((s) => [s.id, s.version, s.versions])).toEqual([
      ['msp-domain-expert', 1, 1],
      ['operator-implementation', 1, 1],
    ]);
    const audit = await listAudit(db, { action: 'sequence.publish', limit: 10 });
    expect(audit.map((a) => [a.actor, a.target]).sort()).toEqual([
      ['system', 'msp-domain-expert'],
      ['system', 'operator-implementation'],
    ]);
  });

  it('keeps the consistency findings of the reference sequences with their version', async () => {
    const detail = await sequences.get('operator-implementation');
    expect(detail.summary.beats).toBe(detail.record.beats);
    expect(detail.record.movements).toBe(referenceSequence('operator-implementation').movements.length);
    expect(detail.record.errorCount).toBeGreaterThan(0);
    expect(detail.record.errorCount).toBe(detail.record.issues.filter((i) => i.severity === 'error').length);
    expect(detail.record.warningCount).toBe(detail.record.issues.filter((i) => i.severity === 'warning').length);
    for (const issue of detail.record.issues) expect(issue.pointer === '' || issue.pointer.startsWith('/')).toBe(true);
  });

  it('stores every publication as a new version, audited and announced, and keeps the earlier ones', async () => {
    now = new Date('2026-05-02T10:00:00.000Z');
    const first = await sequences.publishText(JSON.stringify(tinySequence('triage', 'Triage v1')), operator, { sourcePath: 'seq/triage.json' });
    now = new Date('2026-05-03T10:00:00.000Z');
    const second = await sequences.publishText(JSON.stringify(tinySequence('triage', 'Triage v2')), operator);
    expect([first.record.version, second.record.version]).toEqual([1, 2]);
    expect(second.summary).toMatchObject({ id: 'triage', movements: 1, beats: 1, errors: 0 });

    const detail = await sequences.get('triage');
    expect(detail.record.name).toBe('Triage v2');
    expect(detail.versions.map((v) => [v.version, v.name, v.createdBy, v.createdAt])).toEqual([
      [2, 'Triage v2', 'olga', '2026-05-03T10:00:00.000Z'],
      [1, 'Triage v1', 'olga', '2026-05-02T10:00:00.000Z'],
    ]);
    expect((await sequences.get('triage', 1)).record.document.name).toBe('Triage v1');
    expect((await sequences.list()).find((s) => s.id === 'triage')).toMatchObject({ version: 2, versions: 2, name: 'Triage v2' });

    const audit = await listAudit(db, { target: 'triage', limit: 10 });
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      ['olga', 'sequence.publish'],
      ['olga', 'sequence.publish'],
    ]);
    expect(audit[0]?.summary).toBe('published version 2 of sequence "Triage v2" (1 movement, 1 beat, 0 warnings, 0 errors)');
    const events = await readEvents(db, { key: 'triage', limit: 10 });
    expect(events.map((e) => [e.topic, e.payload.version])).toEqual([
      ['sequence.published', 1],
      ['sequence.published', 2],
    ]);
  });

  it('renders the stored source path and, when asked, a source-link base into the Markdown', async () => {
    expect(await sequences.markdown('triage', { version: 1 })).toContain('**Auto-generated from**: [triage.json](../../seq/triage.json)');
    expect(await sequences.markdown('triage')).toContain('**Auto-generated from**: [triage.json](triage.json)');
    const linked = await sequences.markdown('triage', { version: 1, sourceLink: 'https://example.org/src/' });
    expect(linked).toContain('[triage.json](https://example.org/src/triage.json)');
    // The built-in reference sequences render as the reference documents, citing where they ship.
    const id = 'operator-implementation';
    const expected = fixtureText(`${id}.md`).split(`../../${referenceSourcePath(id)}`).join(`../../content/sequences/${id}.json`);
    expect(await sequences.markdown(id)).toBe(expected);
  });

  it('renders a standalone HTML page with Mermaid inlined', async () => {
    const html = await sequences.html('triage');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<title>Triage v2</title>');
    expect(html.length).toBeGreaterThan(2_000_000);
    expect(html).toContain("securityLevel: 'strict'");
  });

  it('repairs text mis-decoded as Windows-1252 before storing it, with a warning', async () => {
    const damaged = misdecodeAsCp1252(JSON.stringify(tinySequence('emoji', 'Escalation 👨‍💼 → done'), null, 2));
    expect(damaged).toContain('â†’');
    const published = await sequences.publishText(damaged, operator);
    expect(published.repaired).toBe(true);
    expect(published.record.name).toBe('Escalation 👨‍💼 → done');
    expect(published.record.issues[0]).toMatchObject({ severity: 'warning', pointer: '', message: expect.stringContaining('encoding: text was UTF-8 mis-decoded') });
  });

  it('refuses schema violations with every pointer, and invalid JSON with line and column, storing nothing', async () => {
    const before = await counts(db);
    const bad = tinySequence('bad id!', 'Bad', { movements: [{ name: 'M', userStory: {}, diagram: 'sequenceDiagram', beats: [{ userStory: {}, acceptanceCriteria: [], diagram: '' }] }] });
    const invalid = await sequences.publishText(JSON.stringify(bad), operator).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(AppError);
    expect((invalid as AppError).code).toBe('OW_VALIDATION');
    expect((invalid as AppError).errors.map((e) => e.pointer).sort()).toEqual(['/id', '/movements/0/beats/0/event']);

    const malformed = await sequences.publishText('{\n  "id": "x",\n  "name": oops\n}', operator).catch((e: unknown) => e);
    expect((malformed as AppError).code).toBe('OW_MALFORMED_JSON');
    expect((malformed as AppError).errors[0]).toMatchObject({ line: 3, column: 11 });

    expect(await counts(db)).toEqual(before);
    await expect(sequences.get('bad id!')).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
    await expect(sequences.get('triage', 9)).rejects.toThrow('Sequence "triage" has no version 9');
  });

  it('loads nothing on first start when sequences already exist, and reports a broken built-in file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ow-seq-seed-'));
    try {
      writeFileSync(join(dir, 'broken.json'), '{"id": "broken"}');
      expect(await sequences.seedOnFirstStart(dir)).toEqual([]);
      const fresh = await openTestDb(driver);
      try {
        await expect(new SequenceService(fresh, clock).seedOnFirstStart(dir, 'x/')).rejects.toThrow(/x\/broken\.json could not be loaded.*\/domainId/);
        const [row] = await fresh.query<{ n: number }>('SELECT count(*)::int AS n FROM sequence_versions');
        expect(row?.n).toBe(0);
      } finally {
        await fresh.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

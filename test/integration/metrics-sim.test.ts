// Metrics and simulation as a client meets them: CSV import over HTTP (preview, line-numbered errors,
// ?commit=true), snapshots and compare with ROI, roles, sim limits; and the real `ow` CLI (import exits 1
// on errors and stores with --commit; the same seed prints the same JSON).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOw } from '../helpers/cli';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { createToken } from '../helpers/tokens';

let server: TestServer;
let viewer: string;
let operator: string;
let dir: string;

function csv(): string {
  const lines = ['Issue key,Created,Resolved,Priority,Assignee,Escalations,Reopens'];
  for (let d = 1; d <= 28; d++) {
    const day = `2026-02-${String(d).padStart(2, '0')}`;
    const resolved = new Date(Date.parse(`${day}T09:00:00Z`) + (d <= 14 ? 48 : 24) * 3_600_000).toISOString();
    lines.push(`SUP-${d},${day} 09:00,${resolved},${d % 3 ? 'Medium' : 'Highest'},Ana,${d % 5 === 0 ? 2 : 0},0`);
  }
  lines.push('SUP-99,29/02/2026,,Medium,Bo,0,0');
  return lines.join('\n');
}

async function postCsv(body: string, token: string, commit = false) {
  return api(server, 'POST', `/api/ticket-imports${commit ? '?commit=true' : ''}`, { token, rawBody: body, headers: { 'content-type': 'text/csv' } });
}

beforeAll(async () => {
  server = await startTestServer();
  viewer = await createToken(server, 'viewer', 'v');
  operator = await createToken(server, 'operator', 'o');
  dir = await mkdtemp(join(tmpdir(), 'ow-metrics-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('ticket import and metrics over HTTP', () => {
  it('previews with line-numbered errors, stores nothing, and needs operator', async () => {
    expect((await postCsv(csv(), viewer)).status).toBe(403);
    const preview = await postCsv(csv(), operator);
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ committed: false, importId: null, total: 29, valid: 28, invalid: 1 });
    expect(preview.json.errors).toEqual([expect.objectContaining({ line: 30, field: 'Created', message: expect.stringContaining('29/02/2026') })]);
    expect((await api(server, 'GET', '/api/ticket-imports', { token: viewer })).json.items).toEqual([]);
  });

  it('commits the valid rows, baselines and measures windows, and compares with ROI', async () => {
    const done = await postCsv(csv(), operator, true);
    expect(done.status).toBe(201);
    const importId = done.json.importId as string;
    expect(importId).toMatch(/^imp_/);
    const snap = (kind: string, windowStart: string, windowEnd: string) => api(server, 'POST', '/api/metrics/snapshots', { token: operator, body: { kind, source: 'import', importId, windowStart, windowEnd } });
    const base = await snap('baseline', '2026-02-01T00:00:00Z', '2026-02-15T00:00:00Z');
    const after = await snap('measured', '2026-02-15T00:00:00Z', '2026-03-01T00:00:00Z');
    expect(base.status).toBe(201);
    expect((base.json.figures as { all: { mttrHours: { mean: number } } }).all.mttrHours.mean).toBe(48);
    const cmp = await api(server, 'GET', `/api/metrics/compare?baseline=${base.json.id}&measured=${after.json.id}&costPerHour=20&implementationCost=5000`, { token: viewer });
    expect(cmp.status).toBe(200);
    const all = (cmp.json.comparison as { all: Array<{ key: string; improvementPct: number }> }).all;
    expect(all.find((m) => m.key === 'mttrHours')!.improvementPct).toBe(50);
    expect(cmp.json.roi).toMatchObject({ hoursSavedPerWeek: 168, weeklySavings: 3360 });
    const events = await api(server, 'GET', '/api/events?topics=metrics.*&limit=10', { token: viewer });
    expect(JSON.stringify(events.json)).toContain('metrics.baselined');
    const bad = await api(server, 'GET', '/api/metrics/compare?baseline=nope&measured=ms_0000000000000000', { token: viewer });
    expect(bad.status).toBe(400);
    expect((await api(server, 'GET', '/api/metrics/snapshots/ms_0000000000000000', { token: viewer })).status).toBe(404);
    expect(((await api(server, 'GET', '/api/metrics/definitions', { token: viewer })).json.items as unknown[]).length).toBe(4);
  });
});

describe('simulation over HTTP', () => {
  it('runs for a viewer, the same seed giving the same body', async () => {
    const body = { seed: 5, days: 3 };
    const a = await api(server, 'POST', '/api/sim/run', { token: viewer, body });
    const b = await api(server, 'POST', '/api/sim/run', { token: viewer, body });
    expect(a.status).toBe(200);
    expect(a.text).toBe(b.text);
    for (const side of ['asIs', 'orchestrated']) expect(Object.keys(a.json[side] as object)).toEqual(expect.arrayContaining(['mttrHours', 'firstResponseHours', 'slaBreachRate', 'reEscalationRate', 'ticketsResolved']));
  });

  it('answers 400 naming the limit or the field, before doing any work', async () => {
    const big = await api(server, 'POST', '/api/sim/run', { token: viewer, body: { seed: 1, days: 365 } });
    expect(big.status).toBe(400);
    expect(big.json.errors).toEqual([expect.objectContaining({ pointer: '/days', message: expect.stringContaining('limit maxDays') })]);
    const wrong = await api(server, 'POST', '/api/sim/run', { token: viewer, body: { seed: 1, workload: { priorityMix: { urgent: -1, high: 0, normal: 1, low: 0 } } } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors).toEqual([expect.objectContaining({ pointer: '/workload/priorityMix/urgent' })]);
  });
});

describe('the ow CLI', () => {
  it('import previews and exits 1 on errors; --commit stores the valid rows', async () => {
    const file = join(dir, 'history.csv');
    await writeFile(file, csv());
    const remote = ['--server', server.url, '--token', operator];
    const preview = await runOw([...remote, 'metrics', 'import', file]);
    expect(preview.code).toBe(1);
    expect(preview.stdout).toContain('line 30, column 2: Created: "29/02/2026" is not a date');
    expect(preview.stdout).toContain('Nothing stored');
    const before = ((await api(server, 'GET', '/api/ticket-imports', { token: viewer })).json.items ?? []).length;
    const commit = await runOw([...remote, '--json', 'metrics', 'import', file, '--commit']);
    expect(commit.code).toBe(0);
    expect(JSON.parse(commit.stdout)).toMatchObject({ committed: true, valid: 28 });
    expect((await api(server, 'GET', '/api/ticket-imports', { token: viewer })).json.items).toHaveLength(before + 1);
  }, 180_000);

  it('sim run prints the same JSON for the same seed, and a table without --json', async () => {
    const a = await runOw(['--json', 'sim', 'run', '--seed', '9', '--days', '2']);
    const b = await runOw(['--json', 'sim', 'run', '--seed', '9', '--days', '2']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout)).toMatchObject({ seed: 9, days: 2, asIs: expect.objectContaining({ mttrHours: expect.any(Number) }) });
    const table = await runOw(['sim', 'run', '--seed', '9', '--days', '2']);
    expect(table.stdout).toMatch(/MTTR\s+\d+\.\d h\s+\d+\.\d h/);
  }, 180_000);
});

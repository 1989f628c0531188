// Seed 000 end to end on the built-in Support Ticket Escalation Backlog pattern, over HTTP and
// through the `ow` CLI against the same server: assign → kickoff → owners → Jira CSV → baseline →
// shadow → production → stabilization → measure → report → lessons, with refusals and roles.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOw } from '../helpers/cli';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { AFTER, BEFORE } from '../core/workspace/fixtures';

const SLUG = 'support-ticket-escalation-backlog';
const PATTERN_FILE = new URL(`../../content/patterns/${SLUG}.json`, import.meta.url);
let server: TestServer;
let dir: string;
let viewer: string;

type Detail = {
  workspace: { id: string; stage: string; items: Array<{ id: string; owner: string | null }>; stabilizationEndsAt: string | null };
  history: Array<{ step: string }>;
  journey: { next: { step: string; blockers: string[] } | null; steps: Array<{ stage: string; status: string }> };
};

beforeAll(async () => {
  server = await startTestServer();
  dir = await mkdtemp(join(tmpdir(), 'ow-workspace-'));
  const made = await api(server, 'POST', '/api/tokens', { token: server.adminToken, body: { role: 'viewer', name: 'vp' } });
  viewer = String(made.json.token);
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const as = (method: string, path: string, body?: unknown) => api(server, method, path, { token: server.adminToken, ...(body !== undefined ? { body } : {}) });

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('workspace over HTTP', () => {
  it('walks seed 000 from assignment to lessons learned', async () => {
    expect((await api(server, 'POST', '/api/workspaces', { token: viewer, body: { team: 'L2', owner: 'Dana', patternSlug: SLUG } })).status).toBe(403);
    const created = await as('POST', '/api/workspaces', { team: 'Tier 2 support', owner: 'Dana Manager', patternSlug: SLUG });
    expect(created.status).toBe(201);
    const id = (created.json as unknown as Detail).workspace.id;
    expect(created.headers.get('location')).toBe(`/api/workspaces/${id}`);

    const kicked = (await as('POST', `/api/workspaces/${id}/steps/kickoff`, {})).json as unknown as Detail;
    expect(kicked.workspace.items.length).toBeGreaterThanOrEqual(6);
    const refused = await as('POST', `/api/workspaces/${id}/steps/export`, {});
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(String(refused.json.detail)).toContain('an owner for checklist item IMP-001');
    expect(String(refused.json.detail)).toContain('allowed now: owners, export');

    const owners = Object.fromEntries(kicked.workspace.items.map((i, n) => [i.id, `Engineer ${n + 1}`]));
    expect((await api(server, 'POST', `/api/workspaces/${id}/steps/owners`, { token: viewer, body: { owners } })).status).toBe(403);
    expect((await as('POST', `/api/workspaces/${id}/steps/owners`, { owners })).status).toBe(200);
    const csv = await api(server, 'GET', `/api/workspaces/${id}/checklist.csv`, { token: viewer });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\n')[0]).toBe('Summary,Description,Issue Type,Labels,Priority,Assignee');
    expect(csv.text).toContain(`/${SLUG}`);
    expect(csv.text).toContain(',Engineer 1\n');
    expect((await as('POST', `/api/workspaces/${id}/steps/export`, {})).status).toBe(200);

    expect((await as('POST', `/api/workspaces/${id}/steps/shadow`, {})).status).toBe(409);
    const badFigures = await as('POST', `/api/workspaces/${id}/steps/baseline`, { source: 'manual', figures: { overall: { tickets: -1 } } });
    expect(badFigures.status).toBe(400);
    expect((badFigures.json.errors as Array<{ pointer: string }>).map((e) => e.pointer)).toContain('/figures/overall/tickets');
    expect((await as('POST', `/api/workspaces/${id}/steps/baseline`, { source: 'manual', figures: BEFORE })).status).toBe(200);
    expect((await as('POST', `/api/workspaces/${id}/steps/shadow`, {})).status).toBe(200);
    const prod = (await as('POST', `/api/workspaces/${id}/steps/production`, {})).json as unknown as Detail;
    expect(Date.parse(prod.workspace.stabilizationEndsAt!) - Date.now()).toBeGreaterThan(13 * 86_400_000);

    const early = await as('POST', `/api/workspaces/${id}/steps/measure`, { figures: AFTER });
    expect(early.status).toBe(409);
    expect(String(early.json.detail)).toMatch(/stabilization window to end at .*, or force with a reason/);
    expect((await as('POST', `/api/workspaces/${id}/steps/measure`, { figures: AFTER, force: true, reason: 'leadership review this week' })).status).toBe(200);

    const md = await api(server, 'GET', `/api/workspaces/${id}/report.md`, { token: viewer });
    expect(md.text).toContain('| MTTR | All tickets | 48.0 h | 28.0 h | 41.7 % better |');
    expect((await as('POST', `/api/workspaces/${id}/steps/report`, { implementationCost: 240000, costPerHour: 60 })).status).toBe(200);
    const html = await api(server, 'GET', `/api/workspaces/${id}/report.html`, { token: viewer });
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html.text).toContain('ROI: 2.10×');
    expect(html.text).toContain('measured early: leadership review this week');
    const json = await api(server, 'GET', `/api/workspaces/${id}/report`, { token: viewer });
    expect((json.json.charts as unknown[]).length).toBe(4);

    const done = (await as('POST', `/api/workspaces/${id}/steps/lessons`, { lessons: ['Router capacity algorithm needs tuning', 'Monitor alert thresholds too aggressive'] })).json as unknown as Detail;
    expect(done.workspace.stage).toBe('lessons');
    expect(done.journey.next).toBeNull();
    expect(done.history.map((h) => h.step)).toEqual(['assign', 'kickoff', 'owners', 'export', 'baseline', 'shadow', 'production', 'measure', 'report', 'lessons']);
    const again = await as('POST', `/api/workspaces/${id}/steps/lessons`, { lessons: ['x'] });
    expect(again.status).toBe(409);

    const events = await api(server, 'GET', `/api/events?topics=pattern.*,implementation.started,metrics.*,results.reported&limit=1000`, { token: viewer });
    const mine = (events.json.items as Array<{ topic: string; payload: { workspaceId?: string } }>).filter((e) => e.payload.workspaceId === id).map((e) => e.topic);
    expect(mine).toEqual(['pattern.assigned', 'implementation.started', 'metrics.baselined', 'metrics.measured', 'results.reported', 'pattern.referenced']);
    const list = await api(server, 'GET', '/api/workspaces?stage=lessons', { token: viewer });
    expect(list.json.items!.map((w) => w.id)).toContain(id);
  });

  it('marks the end of a stabilization window from the loop, without anyone reading the workspace', async () => {
    const id = ((await as('POST', '/api/workspaces', { team: 'Night shift', owner: 'Lee', patternSlug: SLUG, stabilizationDays: 0.00002 })).json as unknown as Detail).workspace.id;
    const kicked = (await as('POST', `/api/workspaces/${id}/steps/kickoff`, {})).json as unknown as Detail;
    await as('POST', `/api/workspaces/${id}/steps/owners`, { owners: Object.fromEntries(kicked.workspace.items.map((i) => [i.id, 'Lee'])) });
    for (const [step, body] of [['export', {}], ['baseline', { source: 'manual', figures: BEFORE }], ['shadow', {}], ['production', {}]] as const) {
      expect((await as('POST', `/api/workspaces/${id}/steps/${step}`, body)).status).toBe(200);
    }
    const fired = await waitFor(
      async () => (await api(server, 'GET', `/api/events?topics=workspace.stabilized&key=${id}`, { token: viewer })).json.items ?? [],
      (items) => items.length > 0,
      'workspace.stabilized',
    );
    expect(fired[0]!.payload).toMatchObject({ workspaceId: id });
    const measured = (await as('POST', `/api/workspaces/${id}/steps/measure`, { figures: AFTER })).json as unknown as Detail;
    expect(measured.workspace.stage).toBe('measured');
  });

  it('baselines from imported history through the metrics service and switches the escalation mode', async () => {
    const csv = ['created,first_response,resolved,priority,escalations,reopens', '2026-01-05T09:00:00Z,2026-01-05T10:00:00Z,2026-01-07T09:00:00Z,high,1,0', '2026-01-06T09:00:00Z,2026-01-06T13:00:00Z,2026-01-07T09:00:00Z,normal,2,0'].join('\n');
    const imported = await api(server, 'POST', '/api/ticket-imports?commit=true', { token: server.adminToken, rawBody: csv, headers: { 'content-type': 'text/csv' } });
    expect(imported.status).toBe(201);
    const id = ((await as('POST', '/api/workspaces', { team: 'Imports', owner: 'Ivy', patternSlug: SLUG })).json as unknown as Detail).workspace.id;
    const kicked = (await as('POST', `/api/workspaces/${id}/steps/kickoff`, {})).json as unknown as Detail;
    await as('POST', `/api/workspaces/${id}/steps/owners`, { owners: Object.fromEntries(kicked.workspace.items.map((i) => [i.id, 'Ivy'])) });
    await as('POST', `/api/workspaces/${id}/steps/export`, {});
    const baselined = await as('POST', `/api/workspaces/${id}/steps/baseline`, { source: 'import', importId: imported.json.importId });
    expect(baselined.status).toBe(200);
    const baseline = (baselined.json as unknown as { workspace: { baseline: { snapshotId: string; source: string; figures: { overall: { tickets: number; mttrHours: number } } } } }).workspace.baseline;
    expect(baseline.snapshotId).toMatch(/^ms_/);
    expect(baseline.source).toBe('import');
    expect(baseline.figures.overall).toMatchObject({ tickets: 2, mttrHours: 36 });
    const snap = await api(server, 'GET', `/api/metrics/snapshots/${baseline.snapshotId}`, { token: viewer });
    expect(snap.json).toMatchObject({ id: baseline.snapshotId, kind: 'baseline', workspaceId: id });
    const shadow = (await as('POST', `/api/workspaces/${id}/steps/shadow`, {})).json as unknown as { workspace: { escalationMode: unknown } };
    expect(shadow.workspace.escalationMode).toEqual({ mode: 'shadow', applied: true });
  });

  it('answers 404 for unknown workspaces and steps', async () => {
    expect((await as('GET', '/api/workspaces/ws_missing')).status).toBe(404);
    expect((await as('POST', '/api/workspaces/ws_missing/steps/kickoff', {})).status).toBe(404);
    expect((await as('GET', '/api/workspaces/ws_missing/report.md')).status).toBe(404);
  });
});

describe('ow workspace against a server', () => {
  const ow = (args: string[]) => runOw(['--server', server.url, '--token', server.adminToken, ...args]);

  it('runs seed 000 with an MSP client and exports an anonymized case study', async () => {
    const created = await ow(['--json', 'workspace', 'create', '--team', 'Umbrella Tier 2', '--owner', 'Kim', '--pattern', SLUG, '--client-name', 'Umbrella Corporation', '--client-alias', 'Umbrella', '--client-label', 'a logistics company', '--term', 'L2=Umbrella Tier 2 Engineering']);
    expect(created.code).toBe(0);
    const id = (JSON.parse(created.stdout) as Detail).workspace.id;
    const ids = (JSON.parse(await readFile(PATTERN_FILE, 'utf8')) as { library: { checklist: Array<{ id: string }> } }).library.checklist.map((i) => i.id);
    const kicked = await ow(['--json', 'workspace', 'step', id, 'kickoff', ...ids.flatMap((i) => ['--owner', `${i}=Kim`])]);
    expect(kicked.code, kicked.stderr).toBe(0);
    expect((JSON.parse(kicked.stdout) as Detail).journey.next).toEqual({ step: 'export', blockers: [] });
    const refused = await ow(['workspace', 'step', id, 'shadow']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('OW_CONFLICT');
    expect(refused.stderr).toContain("stage 'baselined' first");
    expect(refused.stderr).toContain('allowed: owners, export');

    expect((await as('POST', `/api/workspaces/${id}/steps/export`, {})).status).toBe(200);
    const before = join(dir, 'before.json');
    await writeFile(before, JSON.stringify(BEFORE));
    const baselined = await ow(['workspace', 'step', id, 'baseline', '--source', 'manual', '--figures', before]);
    expect(baselined.code, baselined.stderr).toBe(0);
    expect(baselined.stdout).toContain('Next step: shadow');
    for (const [step, body] of [['shadow', {}], ['production', { stabilizationDays: 0 }], ['measure', { figures: AFTER }], ['report', { implementationCost: 1000, costPerHour: 40 }]] as const) {
      expect((await as('POST', `/api/workspaces/${id}/steps/${step}`, body)).status).toBe(200);
    }
    const lessons = await ow(['workspace', 'step', id, 'lessons', '--lesson', 'Umbrella wants P1 paging', '--lesson', 'Tune the capacity limit']);
    expect(lessons.code, lessons.stderr).toBe(0);
    expect(lessons.stdout).toContain('The journey is complete.');

    const out = join(dir, 'results.html');
    expect((await ow(['workspace', 'report', id, '--format', 'html', '--out', out])).code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('<h2>Before and after</h2>');
    const cs = await ow(['workspace', 'report', id, '--kind', 'case-study']);
    expect(cs.code).toBe(0);
    expect(cs.stdout).toContain('# Case study: Support Ticket Escalation Backlog at a logistics company');
    expect(cs.stdout).toContain('a logistics company Tier 2 Engineering');
    expect(cs.stdout.toLowerCase()).not.toContain('umbrella');
  }, 180_000);
});

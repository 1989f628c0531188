// `ow journey` as a user runs it: against a server (--server) and on the local store; a refused
// event exits 1 with the failing checks and the allowed events, bad input exits 2.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOw } from '../helpers/cli';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let dir: string;

beforeAll(async () => {
  server = await startTestServer();
  dir = await mkdtemp(join(tmpdir(), 'ow-journey-cli-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const remote = (args: string[]) => runOw(['--server', server.url, '--token', server.adminToken, ...args]);

describe('ow journey through a server', () => {
  it('starts, lists, reports metrics, refuses a gate with exit 1, rolls back with a reason', async () => {
    const started = await remote(['--json', 'journey', 'start', '--definition', 'client-onboarding', '--client', 'acme', '--metadata', 'region=emea']);
    expect(started.code).toBe(0);
    const j = JSON.parse(started.stdout) as { id: string; stage: string; journey: { metadata: Record<string, string> } };
    expect(j).toMatchObject({ stage: 'sandbox', journey: { metadata: { region: 'emea' } } });

    const refused = await remote(['journey', 'event', j.id, 'promote_to_pilot']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Refused: OW_GATE_FAILED');
    expect(refused.stderr).toContain('Allowed events: promote_to_pilot, initiate_rollback, cancel_journey');
    expect(refused.stderr).toMatch(/search_quality: actual not reported, expected >= 0\.8/);

    const metrics = await remote(['journey', 'metrics', j.id, 'search_precision=0.9', 'connector_sync_rate=1']);
    expect(metrics.code).toBe(0);
    expect(metrics.stdout).toContain('Reported search_precision, connector_sync_rate');
    expect((await remote(['journey', 'metrics', j.id, 'search_precision=high'])).code).toBe(2);

    const noReason = await remote(['journey', 'event', j.id, 'initiate_rollback', '--trigger', 'client_request']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('give --trigger and --reason');
    const rolled = await remote(['--json', 'journey', 'event', j.id, 'initiate_rollback', '--trigger', 'client_request', '--reason', 'client paused the project']);
    expect(rolled.code).toBe(0);
    expect(JSON.parse(rolled.stdout)).toMatchObject({ id: j.id });

    const list = await remote(['--json', 'journey', 'list', '--client', 'acme']);
    expect(JSON.parse(list.stdout).items.map((x: { id: string }) => x.id)).toEqual([j.id]);
    const show = await remote(['journey', 'show', j.id]);
    expect(show.stdout).toContain(`Journey ${j.id} — Client onboarding for acme`);
    expect(show.stdout).toContain('Last gate (promote_to_pilot): failed');
    expect(show.stdout).toMatch(/Rollback from sandbox \(client_request\): client paused the project/);
  }, 120_000);

  it('registers a definition from a file, and refuses an invalid one with pointers (exit 2)', async () => {
    const good = join(dir, 'approval.json');
    await writeFile(good, JSON.stringify({
      id: 'approval',
      name: 'Approval',
      events: [{ name: 'start' }, { name: 'approve' }],
      stages: [{ id: 'waiting', name: 'Waiting', kind: 'active' }, { id: 'approved', name: 'Approved', kind: 'final', outcome: 'success' }],
      transitions: [{ from: null, event: 'start', to: 'waiting' }, { from: 'waiting', event: 'approve', to: 'approved' }],
    }));
    const ok = await remote(['journey', 'define', good]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Registered journey definition approval version 1');
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{ "id": "Bad Id", "name": "x", "events": [], "stages": [], "transitions": [] }');
    const refused = await remote(['journey', 'define', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('/id:');
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{ "id": "x",\n  "name": }');
    const syntax = await remote(['journey', 'define', broken]);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toContain('line 2, column 11');
    const defs = await remote(['journey', 'definitions']);
    expect(defs.stdout).toMatch(/approval\s+1\s+Approval\s+user\s+waiting → approved/);
  }, 120_000);
});

describe('ow journey on the local store', () => {
  it('starts a journey and refuses an event not allowed in its stage with exit 1', async () => {
    const dataDir = join(dir, 'data');
    const started = await runOw(['--data-dir', dataDir, '--json', 'journey', 'start', '--definition', 'client-onboarding', '--client', 'initech']);
    expect(started.code).toBe(0);
    const { id, stage } = JSON.parse(started.stdout) as { id: string; stage: string };
    expect(stage).toBe('sandbox');
    const wrong = await runOw(['--data-dir', dataDir, 'journey', 'event', id, 'mark_complete']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("event 'mark_complete' is not allowed in stage 'sandbox' (allowed: promote_to_pilot, initiate_rollback, cancel_journey)");
  }, 120_000);
});

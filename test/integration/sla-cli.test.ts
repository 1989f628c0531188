// `ow sla …` as real processes against a running server (--server) and once on a local store: policies
// (list, show, save a new policy and its next version), clocks, channels (add, list, test send to a real
// local HTTP listener), alerts; --json shapes; bad input exits 2 naming the field and changes nothing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOw } from '../helpers/cli';
import { api, seededDataDir, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let env: Record<string, string>;
let dir: string;
let receiver: Server;
let receiverUrl: string;
const hits: string[] = [];
let attempt = 0;

beforeAll(async () => {
  [server, dir] = await Promise.all([startTestServer(), mkdtemp(join(tmpdir(), 'ow-sla-cli-'))]);
  env = { OW_TOKEN: server.adminToken };
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      hits.push(body);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await new Promise((r) => receiver?.close(r));
  await rm(dir, { recursive: true, force: true });
});

const ow = (...args: string[]) => runOw([...args, '--server', server.url, '--json'], env);
const json = <T>(r: { code: number | null; stdout: string; stderr: string }): T => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};
const file = async (name: string, value: unknown) => {
  const p = join(dir, name);
  await writeFile(p, typeof value === 'string' ? value : JSON.stringify(value));
  return p;
};
const targets = (fr: number, res: number) => ({ firstResponseMinutes: fr, resolutionMinutes: res });
const policy = (name: string, urgentFr: number) => ({ name, targets: { urgent: targets(urgentFr, 240), high: targets(60, 480), normal: targets(240, 1440), low: targets(480, 2880) }, escalationPolicyId: null });

describe('ow sla', () => {
  it('policies: list, save (create, next version), show; bad input exits 2 naming the field and stores nothing', async () => {
    const gold = `gold-${++attempt}`; // a fresh id should vitest retry this test
    const good = await file('gold.json', policy('Gold', 15));
    const badTarget = await file('bad.json', { ...policy('Bad', 15), targets: { ...policy('Bad', 15).targets, high: targets(0, 480) } });
    const notJson = await file('broken.json', '{"name": ');
    const [created, refused, broken, missing] = await Promise.all([
      ow('sla', 'policies', 'save', gold, '--file', good, '--create'),
      ow('sla', 'policies', 'save', 'bad', '--file', badTarget, '--create'),
      ow('sla', 'policies', 'save', 'broken', '--file', notJson, '--create'),
      ow('sla', 'policies', 'show', 'nope'),
    ]);
    expect(json<{ id: string; version: number; name: string; targets: { urgent: { firstResponseMinutes: number } } }>(created)).toMatchObject({ id: gold, version: 1, name: 'Gold', targets: { urgent: { firstResponseMinutes: 15 } } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('/targets/high/firstResponseMinutes');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`${notJson} is not valid JSON`);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope/);

    const next = await file('gold-v2.json', policy('Gold', 10));
    expect(json<{ version: number }>(await ow('sla', 'policies', 'save', gold, '--file', next)).version).toBe(2);
    const [list, v1, badVersion] = await Promise.all([ow('sla', 'policies', 'list'), ow('sla', 'policies', 'show', gold, '--policy-version', '1'), ow('sla', 'policies', 'show', gold, '--policy-version', 'x')]);
    const items = json<{ items: Array<{ id: string; version: number; isDefault: boolean }> }>(list).items;
    expect(items.find((p) => p.id === 'default')).toMatchObject({ version: 1, isDefault: true });
    expect(items.find((p) => p.id === gold)).toMatchObject({ version: 2, isDefault: false });
    expect(json<{ version: number; targets: { urgent: { firstResponseMinutes: number } } }>(v1)).toMatchObject({ version: 1, targets: { urgent: { firstResponseMinutes: 15 } } });
    expect(badVersion.code).toBe(2);
    expect(badVersion.stderr).toContain('--policy-version takes a positive integer');
    // Nothing of the refused saves was stored.
    const stored = (await api(server, 'GET', '/api/sla-policies', { token: server.adminToken })).json.items ?? [];
    expect(stored.map((p) => p.id).filter((id) => id === 'bad' || id === 'broken')).toEqual([]);
  }, 240_000);

  it('clocks, channels and alerts: --json shapes, a test send reaching a real listener, bad channel refused', async () => {
    const created = await api(server, 'POST', '/api/tickets', { token: server.adminToken, body: { subject: 'Checkout down', priority: 'urgent' } });
    expect(created.status).toBe(201);
    const ticketId = created.json.id as string;
    const hook = await file('hook.json', { kind: 'webhook', name: 'Ops hook', url: receiverUrl, secret: 'signing-secret-0123456789' });
    const badHook = await file('bad-hook.json', { kind: 'webhook', name: 'No secret', url: receiverUrl, secret: 'short' });
    const [clocks, added, refused, badLimit] = await Promise.all([
      ow('sla', 'clocks'),
      ow('sla', 'channels', 'add', '--file', hook),
      ow('sla', 'channels', 'add', '--file', badHook),
      ow('sla', 'clocks', '--limit', '0'),
    ]);
    const c = json<{ open: number; items: Array<{ ticketId: string; metric: string; priority: string; remainingMs: number }> }>(clocks);
    expect(c.open).toBeGreaterThanOrEqual(2);
    expect(c.items.filter((k) => k.ticketId === ticketId).map((k) => k.metric).sort()).toEqual(['first_response', 'resolution']);
    // The default policy gives an urgent ticket 1 h to first response; the server's clock is the real one.
    const fr = c.items.find((k) => k.metric === 'first_response');
    expect(fr?.remainingMs).toBeGreaterThan(0);
    expect(fr?.remainingMs).toBeLessThanOrEqual(3_600_000);
    const channel = json<{ id: string; kind: string; name: string; secret?: unknown }>(added);
    expect(channel).toMatchObject({ kind: 'webhook', name: 'Ops hook' });
    expect(JSON.stringify(channel)).not.toContain('signing-secret');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('/secret');
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain('--limit takes 1–500');

    const hitsBefore = hits.length;
    const sent = await ow('sla', 'channels', 'test', channel.id);
    expect(json<{ status: string; channelName: string }>(sent)).toMatchObject({ status: 'sent', channelName: 'Ops hook' });
    expect(hits).toHaveLength(hitsBefore + 1);
    expect(JSON.parse(hits.at(-1) as string)).toMatchObject({ type: 'alert.test' });
    const [channels, alerts] = await Promise.all([ow('sla', 'channels', 'list'), ow('sla', 'alerts', 'list', '--ticket', ticketId)]);
    expect(json<{ items: Array<{ id: string; kind: string; failed: number }> }>(channels).items).toContainEqual(expect.objectContaining({ id: channel.id, kind: 'webhook', failed: 0 }));
    expect(json<{ items: unknown[] }>(alerts).items).toEqual([]); // nothing is due yet
    // The refused channel was not stored.
    expect(((await api(server, 'GET', '/api/alert-channels', { token: server.adminToken })).json.items ?? []).filter((x) => x.name === 'No secret')).toEqual([]);
  }, 240_000);

  it('runs on a local store too (no --server)', async () => {
    const dataDir = await seededDataDir();
    try {
      const r = await runOw(['sla', 'policies', 'list', '--json', '--data-dir', dataDir]);
      expect(json<{ items: Array<{ id: string; isDefault: boolean }> }>(r).items).toEqual([expect.objectContaining({ id: 'default', isDefault: true })]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});

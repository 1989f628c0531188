// The `ow` command as a user runs it: help, exit codes, local store vs --server, clear one-line failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOw, startOw } from '../helpers/cli';
import { freePort } from '../helpers/free-port';
import { seededDataDir } from '../helpers/server';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ow-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ow basics', () => {
  it('lists its commands with --help and exits 0', async () => {
    const r = await runOw(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['serve', 'worker', 'migrate', 'token', 'bench']) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
  });

  it('exits 2 on usage errors, with the reason', async () => {
    const unknown = await runOw(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const badRole = await runOw(['token', 'create', '--role', 'superuser', '--data-dir', join(dir, 'unused')]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/superuser.*invalid|Allowed choices are viewer, operator, admin/);
  });

  it('says in one line that PostgreSQL is unreachable, naming host, port and cause', async () => {
    const port = await freePort();
    const r = await runOw(['migrate'], { DATABASE_URL: `postgres://ow:secret@127.0.0.1:${port}/ow` });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`Cannot connect to PostgreSQL at 127.0.0.1:${port}`);
    expect(r.stderr).toContain('ECONNREFUSED');
    expect(r.stderr).not.toContain('secret');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('tokens on the local store and through a server', () => {
  it('creates, lists and revokes tokens directly on the data directory', async () => {
    const data = await seededDataDir();
    const created = await runOw(['token', 'create', '--role', 'operator', '--name', 'nightly job', '--json', '--data-dir', data]);
    expect(created.code, created.stderr).toBe(0);
    const token = JSON.parse(created.stdout) as { id: string; token: string; role: string };
    expect(token.role).toBe('operator');
    const listed = await runOw(['token', 'list', '--json', '--data-dir', data]);
    expect(listed.stdout).not.toContain(token.token);
    expect((JSON.parse(listed.stdout) as { items: Array<{ id: string }> }).items.map((t) => t.id)).toContain(token.id);
    const revoked = await runOw(['token', 'revoke', token.id, '--reason', 'test', '--data-dir', data]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Revoked token ${token.id}`);
    const again = await runOw(['token', 'revoke', token.id, '--data-dir', data]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already revoked');
  }, 240_000);

  it('prints the admin token on first start only, refuses a second process on the data directory, and works through --server', async () => {
    const data = await seededDataDir();
    const port = await freePort();
    const first = await startOw(['serve', '--port', String(port), '--data-dir', data], /Ready in/);
    try {
      const out = first.stdout();
      expect(out).toContain(`running at http://127.0.0.1:${port}`);
      expect(out).toContain(`Data directory: ${data}`);
      const admin = /Admin token: (\S+)/.exec(out)?.[1];
      expect(admin).toMatch(/^ow_/);

      const locked = await runOw(['token', 'list', '--data-dir', data]);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain(`in use by process ${first.child.pid}`);
      expect(locked.stderr).toContain(`--server http://127.0.0.1:${port}`);

      const remote = await runOw(['token', 'create', '--role', 'viewer', '--json', '--server', `http://127.0.0.1:${port}`], { OW_TOKEN: admin });
      expect(remote.code, remote.stderr).toBe(0);
      const viewerToken = (JSON.parse(remote.stdout) as { token: string }).token;
      const denied = await runOw(['token', 'list', '--server', `http://127.0.0.1:${port}`, '--token', viewerToken]);
      expect(denied.code).toBe(1);
      expect(denied.stderr).toContain('OW_FORBIDDEN');

      const clash = await runOw(['serve', '--port', String(port), '--data-dir', join(dir, 'other')]);
      expect(clash.code).toBe(1);
      expect(clash.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const second = await startOw(['serve', '--port', String(port), '--data-dir', data], /Ready in/);
    expect(second.stdout()).not.toContain('Admin token');
    await second.stop();
  }, 300_000);

  it('takes OW_ADMIN_TOKEN as the admin token on first start', async () => {
    const port = await freePort();
    const s = await startOw(['serve', '--port', String(port), '--data-dir', await seededDataDir()], /Ready in/, { OW_ADMIN_TOKEN: 'automation-admin-token-123456' });
    try {
      expect(s.stdout()).toContain('Admin token: automation-admin-token-123456');
      const r = await fetch(`http://127.0.0.1:${port}/api/session`, { headers: { authorization: 'Bearer automation-admin-token-123456' } });
      expect(await r.json()).toMatchObject({ role: 'admin' });
    } finally {
      await s.stop();
    }
  }, 180_000);
});

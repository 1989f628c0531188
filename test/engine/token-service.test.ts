import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import { TokenService, hashToken, type Principal } from '../../src/engine/token-service';
import { listAudit } from '../../src/store/audit-repo';
import { readEvents } from '../../src/store/events-repo';
import { AppError } from '../../src/core/shared/error-codes';
import { DRIVERS, openTestDb } from '../helpers/databases';

const clock = { now: () => new Date('2026-05-01T09:00:00.000Z') };
const admin: Principal = { tokenId: 'tok_test', name: 'tester', role: 'admin' };

describe.each(DRIVERS)('token service on %s', (driver) => {
  let db: Db;
  let tokens: TokenService;
  beforeAll(async () => {
    db = await openTestDb(driver);
    tokens = new TokenService(db, clock);
  });
  afterAll(async () => {
    await db.close();
  });

  it('bootstraps the admin once, from OW_ADMIN_TOKEN when given, and stores only its hash', async () => {
    const first = await tokens.bootstrapAdmin('my-automation-admin-token');
    expect(first?.token).toBe('my-automation-admin-token');
    expect(await tokens.bootstrapAdmin(undefined)).toBeUndefined();
    const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens');
    expect(stored).toEqual([{ token_hash: hashToken('my-automation-admin-token') }]);
    expect(JSON.stringify(await db.query('SELECT * FROM api_tokens'))).not.toContain('my-automation-admin-token');
    expect((await tokens.authenticate('my-automation-admin-token'))?.role).toBe('admin');
  });

  it('creates a token whose value authenticates with its role, audited and announced', async () => {
    const created = await tokens.create({ role: 'viewer', name: 'dashboard' }, admin);
    expect(created.token).toMatch(/^ow_[A-Za-z0-9_-]{43}$/);
    expect(await tokens.authenticate(created.token)).toEqual({ tokenId: created.id, name: 'dashboard', role: 'viewer' });
    expect(await tokens.authenticate(`${created.token}x`)).toBeUndefined();
    const audit = await listAudit(db, { target: created.id, limit: 5 });
    expect(audit.map((a) => [a.actor, a.action])).toEqual([['tester', 'token.create']]);
    const events = await readEvents(db, { key: created.id, limit: 5 });
    expect(events.map((e) => e.topic)).toEqual(['token.created']);
    expect(JSON.stringify(events)).not.toContain(created.token);
  });

  it('rejects invalid input with located errors and stores nothing', async () => {
    const before = (await tokens.list()).length;
    const err = await tokens.create({ role: 'root', name: '', extra: 1 }, admin).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const pointers = (err as AppError).errors.map((e) => e.pointer).sort();
    expect(pointers).toEqual(['', '/name', '/role']);
    expect((await tokens.list()).length).toBe(before);
  });

  it('revokes a token so it no longer authenticates, and refuses to revoke the last admin', async () => {
    const op = await tokens.create({ role: 'operator' }, admin);
    await tokens.revoke(op.id, admin, 'rotated');
    expect(await tokens.authenticate(op.token)).toBeUndefined();
    await expect(tokens.revoke(op.id, admin)).rejects.toThrow(/already revoked/);
    await expect(tokens.revoke('tok_0000000000000000', admin)).rejects.toThrow(/No token/);
    const admins = (await tokens.list()).filter((t) => t.role === 'admin' && !t.revokedAt);
    expect(admins).toHaveLength(1);
    await expect(tokens.revoke(admins[0]!.id, admin)).rejects.toThrow(/last active admin/);
    const audit = await listAudit(db, { target: op.id, limit: 5 });
    expect(audit[0]?.summary).toContain('rotated');
  });
});

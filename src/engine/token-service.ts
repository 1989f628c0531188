// Creating, listing, revoking and checking API tokens; the admin bootstrap on first start.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../core/shared/error-codes';
import { roleSchema, type Role } from '../core/auth/roles';
import { bootstrapTokenSchema, tokenNameSchema, tokenPrefix } from '../core/auth/token-format';
import { zodIssuesToLocations } from '../core/shared/zod-errors';
import type { Db } from '../store/db';
import {
  countActiveAdmins,
  countTokens,
  findActiveTokenByHash,
  findToken,
  insertToken,
  listTokens,
  revokeToken,
  touchToken,
  type TokenRecord,
} from '../store/tokens-repo';
import { commitChange } from './change';
import type { Clock } from './clock';

export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
}

export const createTokenInput = z.strictObject({
  role: roleSchema,
  name: tokenNameSchema.optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenInput>;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateToken(): string {
  return `ow_${randomBytes(32).toString('base64url')}`;
}

function newId(): string {
  return `tok_${randomBytes(8).toString('hex')}`;
}

const BOOTSTRAP_LOCK_KEY = 7_100_421_003;

/**
 * Successful look-ups are cached briefly so a busy API does not query the token table on every request.
 * Revocation clears the entry at once in this process, and other processes through the token.revoked event.
 */
const AUTH_CACHE_TTL_MS = 10_000;
const AUTH_CACHE_MAX = 10_000;

export class TokenService {
  private readonly cache = new Map<string, { principal: Principal; expiresAt: number }>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly onEvents: () => void = () => undefined,
  ) {}

  async authenticate(token: string): Promise<Principal | undefined> {
    if (!token || token.length > 600) return undefined;
    const hash = hashToken(token);
    const now = this.clock.now();
    const cached = this.cache.get(hash);
    if (cached && cached.expiresAt > now.getTime()) return cached.principal;
    const record = await findActiveTokenByHash(this.db, hash);
    if (!record) {
      this.cache.delete(hash);
      return undefined;
    }
    await touchToken(this.db, record.id, now).catch(() => undefined);
    const principal: Principal = { tokenId: record.id, name: record.name, role: record.role };
    if (this.cache.size >= AUTH_CACHE_MAX) this.cache.clear();
    this.cache.set(hash, { principal, expiresAt: now.getTime() + AUTH_CACHE_TTL_MS });
    return principal;
  }

  /** Forgets cached sign-ins of a token (after it was revoked here or in another process). */
  forget(tokenId: string): void {
    for (const [hash, entry] of this.cache) if (entry.principal.tokenId === tokenId) this.cache.delete(hash);
  }

  async create(input: unknown, actor: Principal | 'system'): Promise<TokenRecord & { token: string }> {
    const parsed = createTokenInput.safeParse(input);
    if (!parsed.success) throw new AppError('OW_VALIDATION', 'The token request is not valid', zodIssuesToLocations(parsed.error.issues));
    const token = generateToken();
    const record = await this.insert(token, parsed.data.role, parsed.data.name ?? `${parsed.data.role} token`, actor);
    return { ...record, token };
  }

  private async insert(token: string, role: Role, name: string, actor: Principal | 'system'): Promise<TokenRecord> {
    const actorName = actor === 'system' ? 'system' : actor.name;
    const committed = await commitChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const record = await insertToken(tx, { id: newId(), name, role, hash: hashToken(token), prefix: tokenPrefix(token), createdBy: actor === 'system' ? null : actor.tokenId }, now);
        return {
          result: record,
          audit: { actor: actorName, action: 'token.create', target: record.id, summary: `created ${role} token "${name}"` },
          events: [{ topic: 'token.created', key: record.id, payload: { id: record.id, name, role } }],
        };
      },
      this.onEvents,
    );
    return committed.result;
  }

  list(): Promise<TokenRecord[]> {
    return listTokens(this.db);
  }

  async revoke(id: string, actor: Principal | 'system', reason?: string): Promise<TokenRecord> {
    const existing = await findToken(this.db, id);
    if (!existing) throw new AppError('OW_NOT_FOUND', `No token with id ${id}`);
    if (existing.revokedAt) throw new AppError('OW_CONFLICT', `Token ${id} was already revoked at ${existing.revokedAt}`);
    const actorName = actor === 'system' ? 'system' : actor.name;
    await commitChange(
      this.db,
      this.clock,
      async (tx, now) => {
        // Revoking the last admin would lock everyone out of token management.
        if (existing.role === 'admin' && (await countActiveAdmins(tx)) <= 1) {
          throw new AppError('OW_CONFLICT', `Token ${id} is the last active admin token; create another admin token before revoking it`);
        }
        const done = await revokeToken(tx, id, now);
        if (!done) throw new AppError('OW_CONFLICT', `Token ${id} was revoked concurrently`);
        return {
          result: undefined,
          audit: { actor: actorName, action: 'token.revoke', target: id, summary: `revoked ${existing.role} token "${existing.name}"${reason ? `: ${reason}` : ''}` },
          events: [{ topic: 'token.revoked', key: id, payload: { id, name: existing.name, role: existing.role } }],
        };
      },
      this.onEvents,
    );
    this.forget(id);
    const after = await findToken(this.db, id);
    if (!after) throw new AppError('OW_NOT_FOUND', `No token with id ${id}`);
    return after;
  }

  /**
   * On first start (no token exists) creates the admin token: OW_ADMIN_TOKEN's value when given, else a new one.
   * Returns the plaintext only when it was created now, so it is printed exactly once.
   */
  async bootstrapAdmin(envToken: string | undefined): Promise<{ token: string; record: TokenRecord } | undefined> {
    if (envToken !== undefined) {
      const check = bootstrapTokenSchema.safeParse(envToken);
      if (!check.success) throw new AppError('OW_VALIDATION', check.error.issues.map((i) => i.message).join('; '));
    }
    return this.db.withConnection(async (conn) => {
      await conn.query('SELECT pg_advisory_lock($1)', [BOOTSTRAP_LOCK_KEY]);
      try {
        if ((await countTokens(conn)) > 0) return undefined;
        const token = envToken ?? generateToken();
        const record = await this.insert(token, 'admin', 'bootstrap admin', 'system');
        return { token, record };
      } finally {
        await conn.query('SELECT pg_advisory_unlock($1)', [BOOTSTRAP_LOCK_KEY]);
      }
    });
  }
}

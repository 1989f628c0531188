// API tokens, stored as SHA-256 hashes: the token itself is shown once and never kept.
import type { Role } from '../core/auth/roles';
import type { Queryable } from './db';

export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  token_prefix: string;
  created_at: Date;
  created_by: string | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'id, name, role, token_prefix, created_at, created_by, last_used_at, revoked_at';

function toRecord(r: TokenRow): TokenRecord {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    prefix: r.token_prefix,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by,
    lastUsedAt: r.last_used_at ? r.last_used_at.toISOString() : null,
    revokedAt: r.revoked_at ? r.revoked_at.toISOString() : null,
  };
}

export async function insertToken(
  tx: Queryable,
  t: { id: string; name: string; role: Role; hash: string; prefix: string; createdBy: string | null },
  now: Date,
): Promise<TokenRecord> {
  const rows = await tx.query<TokenRow>(
    `INSERT INTO api_tokens (id, name, role, token_hash, token_prefix, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [t.id, t.name, t.role, t.hash, t.prefix, now, t.createdBy],
  );
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return toRecord(row);
}

export async function findActiveTokenByHash(db: Queryable, hash: string): Promise<TokenRecord | undefined> {
  const rows = await db.query<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`, [hash]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function findToken(db: Queryable, id: string): Promise<TokenRecord | undefined> {
  const rows = await db.query<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function listTokens(db: Queryable): Promise<TokenRecord[]> {
  const rows = await db.query<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at ASC, id ASC`);
  return rows.map(toRecord);
}

export async function countTokens(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM api_tokens');
  return rows[0]?.n ?? 0;
}

export async function countActiveAdmins(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM api_tokens WHERE role = 'admin' AND revoked_at IS NULL");
  return rows[0]?.n ?? 0;
}

export async function revokeToken(tx: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await tx.query<{ id: string }>('UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id, now]);
  return rows.length > 0;
}

/** Last use is advisory (shown in the token list); it is written at most once a minute per token. */
export async function touchToken(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')", [id, now]);
}

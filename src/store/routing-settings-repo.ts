// The router's settings rows (escalation mode, strategy, default capacity, idle timeout, intake secrets)
// in the shared settings table.
import type { Queryable } from './db';

export async function readSetting(db: Queryable, key: string): Promise<unknown> {
  const rows = await db.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [key]);
  return rows[0]?.value;
}

export async function writeSetting(tx: Queryable, key: string, value: unknown, now: Date): Promise<void> {
  await tx.query(
    'INSERT INTO settings (key, value, updated_at) VALUES ($1, $2::jsonb, $3) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at',
    [key, JSON.stringify(value), now],
  );
}

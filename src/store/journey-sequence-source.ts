// Reads a stored musical sequence (table sequence_versions, written by the sequence documents
// capability) so it can be started as a journey; absent table or id → undefined.
import type { Queryable } from './db';

export async function loadStoredSequence(db: Queryable, id: string, version?: number): Promise<{ id: string; version: number; document: Record<string, unknown> } | undefined> {
  const exists = await db.query<{ t: string | null }>("SELECT to_regclass('sequence_versions')::text AS t");
  if (!exists[0]?.t) return undefined;
  const rows =
    version === undefined
      ? await db.query<{ id: string; version: number; document: Record<string, unknown> }>('SELECT id, version, document FROM sequence_versions WHERE id = $1 ORDER BY version DESC LIMIT 1', [id])
      : await db.query<{ id: string; version: number; document: Record<string, unknown> }>('SELECT id, version, document FROM sequence_versions WHERE id = $1 AND version = $2', [id, version]);
  return rows[0];
}

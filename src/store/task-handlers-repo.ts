// Webhook task handlers ("agents" reached over HTTP) and the record-effect handler's effects.
import type { Queryable } from './db';

export interface WebhookHandlerRecord {
  name: string;
  url: string;
  timeoutMs: number;
  description: string;
  createdAt: string;
  createdBy: string;
}

/** With the signing secret: for the engine only, never for a response. */
export interface WebhookHandlerWithSecret extends WebhookHandlerRecord {
  secret: string;
}

interface HandlerRow {
  name: string;
  url: string;
  secret: string;
  timeout_ms: number;
  description: string;
  created_at: Date;
  created_by: string;
}

function toHandler(r: HandlerRow): WebhookHandlerWithSecret {
  return { name: r.name, url: r.url, secret: r.secret, timeoutMs: r.timeout_ms, description: r.description, createdAt: r.created_at.toISOString(), createdBy: r.created_by };
}

export function withoutSecret(h: WebhookHandlerWithSecret): WebhookHandlerRecord {
  const { secret: _secret, ...rest } = h;
  return rest;
}

/** Registers or replaces the webhook behind a handler name. */
export async function upsertWebhookHandler(tx: Queryable, h: Omit<WebhookHandlerWithSecret, 'createdAt'>, now: Date): Promise<WebhookHandlerWithSecret> {
  const rows = await tx.query<HandlerRow>(
    `INSERT INTO task_handlers (name, url, secret, timeout_ms, description, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (name) DO UPDATE SET url = EXCLUDED.url, secret = EXCLUDED.secret, timeout_ms = EXCLUDED.timeout_ms,
       description = EXCLUDED.description, created_at = EXCLUDED.created_at, created_by = EXCLUDED.created_by
     RETURNING name, url, secret, timeout_ms, description, created_at, created_by`,
    [h.name, h.url, h.secret, h.timeoutMs, h.description, now, h.createdBy],
  );
  return toHandler(rows[0]!);
}

export async function deleteWebhookHandler(tx: Queryable, name: string): Promise<boolean> {
  const rows = await tx.query('DELETE FROM task_handlers WHERE name = $1 RETURNING name', [name]);
  return rows.length === 1;
}

export async function listWebhookHandlers(db: Queryable): Promise<WebhookHandlerWithSecret[]> {
  const rows = await db.query<HandlerRow>('SELECT name, url, secret, timeout_ms, description, created_at, created_by FROM task_handlers ORDER BY name');
  return rows.map(toHandler);
}

/** Records that the task with this idempotency key applied its effect; a re-run only counts the run. */
export async function recordEffect(db: Queryable, key: string, taskId: string, now: Date): Promise<{ firstRun: boolean; runs: number }> {
  const rows = await db.query<{ runs: number }>(
    `INSERT INTO task_effects (idempotency_key, task_id, runs, first_at, last_at) VALUES ($1, $2, 1, $3, $3)
     ON CONFLICT (idempotency_key) DO UPDATE SET runs = task_effects.runs + 1, last_at = EXCLUDED.last_at RETURNING runs`,
    [key, taskId, now],
  );
  const runs = rows[0]?.runs ?? 1;
  return { firstRun: runs === 1, runs };
}

export async function listEffects(db: Queryable, keys?: readonly string[]): Promise<Array<{ idempotencyKey: string; taskId: string; runs: number }>> {
  const rows = keys
    ? await db.query<{ idempotency_key: string; task_id: string; runs: number }>('SELECT idempotency_key, task_id, runs FROM task_effects WHERE idempotency_key = ANY($1::text[]) ORDER BY idempotency_key', [keys])
    : await db.query<{ idempotency_key: string; task_id: string; runs: number }>('SELECT idempotency_key, task_id, runs FROM task_effects ORDER BY idempotency_key');
  return rows.map((r) => ({ idempotencyKey: r.idempotency_key, taskId: r.task_id, runs: r.runs }));
}

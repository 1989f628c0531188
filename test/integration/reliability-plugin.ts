// A worker plugin for the reliability tests (loaded with `ow worker --plugin` / OW_WORKER_PLUGIN):
// `reliability-effect` applies its effect once per idempotency key (a row under a unique
// constraint; a re-run only counts), then may hold a pooled connection to exhaust the pool.
import type { HandlerRegistry } from '../../src/engine/handlers/handler-registry';

interface EffectInput {
  /** Hold the handler's own pooled connection this long with pg_sleep (the pool-exhaustion fault). */
  holdDbMs?: number;
  /** How many pooled connections to hold at once while doing so (default 1). */
  holdConnections?: number;
  /** Wait this long without a connection. */
  holdMs?: number;
}

export default function register({ handlers }: { handlers: HandlerRegistry }): void {
  handlers.register('reliability-effect', async (ctx) => {
    const input = ctx.input as EffectInput;
    const rows = await ctx.db.query<{ runs: number }>(
      `INSERT INTO reliability_effects (idempotency_key, task_id) VALUES ($1, $2)
       ON CONFLICT (idempotency_key) DO UPDATE SET runs = reliability_effects.runs + 1 RETURNING runs`,
      [ctx.idempotencyKey, ctx.taskId],
    );
    if (input.holdDbMs) {
      const n = input.holdConnections ?? 1;
      await Promise.all(Array.from({ length: n }, () => ctx.db.query('SELECT pg_sleep($1::float8 / 1000)', [input.holdDbMs!])));
    }
    if (input.holdMs) await new Promise((r) => setTimeout(r, input.holdMs));
    return { applied: rows[0]?.runs === 1 };
  }, 'reliability test effect: one row per idempotency key');
}

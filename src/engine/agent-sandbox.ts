// The factory's sandbox: runs one version on sample task inputs outside the queue (a webhook is
// really called; a human task is described, not queued), checks each result against the version's
// output schema and reports each result, error and duration.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AgentVersion, WebhookConfig } from '../core/agents/agent-schemas';
import { AppError } from '../core/shared/error-codes';
import { zodIssuesToLocations } from '../core/shared/zod-errors';
import type { Db } from '../store/db';
import type { Clock } from './clock';
import { runVersion } from './handlers/agent-version-runner';

export const SandboxInput = z.strictObject({
  samples: z.array(z.record(z.string(), z.unknown())).min(1, 'give at least one sample task input').max(20),
});

export interface SandboxResult {
  index: number;
  ok: boolean;
  output: Record<string, unknown> | null;
  error: string | null;
  durationMs: number;
}

export async function sandboxRun(v: AgentVersion, raw: unknown, deps: { db: Db; clock: Clock; env: NodeJS.ProcessEnv }): Promise<{ agent: string; version: number; passed: number; failed: number; results: SandboxResult[] }> {
  const parsed = SandboxInput.safeParse(raw);
  if (!parsed.success) throw new AppError('OW_VALIDATION', 'The sandbox request is not valid', zodIssuesToLocations(parsed.error.issues));
  const run = randomBytes(4).toString('hex');
  const timeoutMs = v.template === 'webhook' ? (v.config as WebhookConfig).timeoutMs : 30_000;
  const results: SandboxResult[] = [];
  for (const [index, input] of parsed.data.samples.entries()) {
    const id = `sandbox/${run}/${index}`;
    const started = performance.now();
    try {
      const output = await runVersion(
        v,
        { taskId: id, idempotencyKey: id, attempt: 1, name: `sandbox sample ${index}`, agent: v.agent, journeyId: null, unitId: null, stage: null, input, signal: AbortSignal.timeout(timeoutMs + 1000), db: deps.db, now: () => deps.clock.now() },
        { env: deps.env, sandbox: true, queueHuman: () => Promise.reject(new Error('the sandbox queues no human task')) },
      );
      results.push({ index, ok: true, output, error: null, durationMs: Math.round(performance.now() - started) });
    } catch (err) {
      results.push({ index, ok: false, output: null, error: err instanceof Error ? err.message : String(err), durationMs: Math.round(performance.now() - started) });
    }
  }
  const passed = results.filter((r) => r.ok).length;
  return { agent: v.agent, version: v.version, passed, failed: results.length - passed, results };
}

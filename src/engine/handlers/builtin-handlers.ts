// Built-in in-process handlers for demos, tests and benchmarks: noop, echo, fail-n-times, sleep
// and record-effect (an idempotent effect keyed by the task's idempotency key).
import { z } from 'zod';
import { recordEffect } from '../../store/task-handlers-repo';
import { sleep, type TaskHandler } from './handler-types';

/** Thrown for input a handler cannot use: a failed attempt like any other, with a clear message. */
export class HandlerInputError extends Error {
  constructor(handler: string, issues: z.core.$ZodIssue[]) {
    super(`${handler}: input ${issues.map((i) => `${i.path.length ? `/${i.path.join('/')}` : '/'} ${i.message}`).join('; ')}`);
    this.name = 'HandlerInputError';
  }
}

function inputOf<S extends z.ZodType>(handler: string, schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new HandlerInputError(handler, parsed.error.issues);
  return parsed.data;
}

const noop: TaskHandler = async () => ({});

const echo: TaskHandler = async (ctx) => ({ ...ctx.input });

const FailInput = z.looseObject({ failures: z.number().int().min(0).max(1000).default(1), message: z.string().optional() });
/** Fails its first `failures` attempts, then succeeds: retries and dead letters made visible. */
const failNTimes: TaskHandler = async (ctx) => {
  const { failures, message } = inputOf('fail-n-times', FailInput, ctx.input);
  if (ctx.attempt <= failures) throw new Error(message ?? `planned failure ${ctx.attempt} of ${failures}`);
  return { succeededOnAttempt: ctx.attempt };
};

const SleepInput = z.looseObject({ ms: z.number().int().min(0).max(3_600_000) });
const sleepHandler: TaskHandler = async (ctx) => {
  const { ms } = inputOf('sleep', SleepInput, ctx.input);
  await sleep(ms, ctx.signal);
  return { sleptMs: ms };
};

const EffectInput = z.looseObject({ holdMs: z.number().int().min(0).max(3_600_000).default(0) });
/**
 * Applies its effect (a row keyed by the idempotency key) and then holds for `holdMs`: a worker
 * killed while holding has applied the effect, and the re-run must not apply it again.
 */
const recordEffectHandler: TaskHandler = async (ctx) => {
  const { holdMs } = inputOf('record-effect', EffectInput, ctx.input);
  const effect = await recordEffect(ctx.db, ctx.idempotencyKey, ctx.taskId, ctx.now());
  if (holdMs > 0) await sleep(holdMs, ctx.signal);
  return { firstRun: effect.firstRun, runs: effect.runs };
};

export const BUILTIN_HANDLERS: ReadonlyArray<{ name: string; description: string; run: TaskHandler }> = [
  { name: 'noop', description: 'Does nothing and succeeds (benchmarks)', run: noop },
  { name: 'echo', description: 'Returns its input as its output', run: echo },
  { name: 'fail-n-times', description: 'Fails its first input.failures attempts (default 1), then succeeds', run: failNTimes },
  { name: 'sleep', description: 'Waits input.ms milliseconds, then succeeds', run: sleepHandler },
  { name: 'record-effect', description: 'Records one effect per idempotency key (re-runs only count), then waits input.holdMs', run: recordEffectHandler },
];

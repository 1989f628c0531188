// What a task handler ("agent") is: an async function of the task that returns its output or
// throws; it gets the task's idempotency key so a re-run after a crash cannot apply an effect twice.
import type { Queryable } from '../../store/db';

export interface TaskHandlerContext {
  taskId: string;
  /** Stable across attempts and workers: pass it to any system the handler changes. */
  idempotencyKey: string;
  /** 1 on the first attempt. */
  attempt: number;
  name: string;
  /** The handler name the task asked for (as the definition wrote it). */
  agent: string;
  journeyId: string | null;
  unitId: string | null;
  stage: string | null;
  input: Record<string, unknown>;
  /** Aborted when the attempt times out or the worker stops. */
  signal: AbortSignal;
  /** The store, for handlers whose effect is a row keyed by the idempotency key. */
  db: Queryable;
  now(): Date;
}

export type TaskOutput = Record<string, unknown>;

export type TaskHandler = (ctx: TaskHandlerContext) => Promise<TaskOutput | undefined | void>;

/** How a handler name was resolved: shown in the handler list and used for errors. */
export type HandlerKind = 'builtin' | 'webhook' | 'simulated';

export interface HandlerInfo {
  name: string;
  kind: HandlerKind;
  description: string;
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

// One attempt of a claimed task: resolve its handler, run it with the task's idempotency key
// under the attempt timeout (a handler that ignores its abort signal still loses the race), and
// check the result is an object that matches the task's declared output schema.
import type { Queryable } from '../store/db';
import type { TaskRecord } from '../store/task-repo';
import type { HandlerRegistry } from './handlers/handler-registry';
import { outputSchemaProblem } from './handlers/output-schema';

export type AttemptResult = { output: Record<string, unknown>; error?: undefined } | { output?: undefined; error: string };

export async function runAttempt(task: TaskRecord, handlers: HandlerRegistry, controller: AbortController, db: Queryable, now: () => Date): Promise<AttemptResult> {
  const timeout = setTimeout(() => controller.abort(new Error(`timed out after ${task.retry.timeoutMs} ms`)), task.retry.timeoutMs);
  try {
    const handler = await handlers.resolve(task.handler);
    if (!handler) throw new Error(`no handler named '${task.handler}' is registered`);
    const aborted = new Promise<never>((_, reject) => {
      const onAbort = () => reject(controller.signal.reason instanceof Error ? controller.signal.reason : new Error('aborted'));
      if (controller.signal.aborted) onAbort();
      else controller.signal.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => undefined);
    const result = await Promise.race([
      handler.run({
        taskId: task.id,
        idempotencyKey: task.idempotencyKey,
        // Handlers count every attempt ever made (an operator retry does not start again from 1).
        attempt: task.totalAttempts,
        name: task.name,
        agent: task.agent,
        journeyId: task.journeyId,
        unitId: task.unitId,
        stage: task.stage,
        input: task.input,
        signal: controller.signal,
        db,
        now,
      }),
      aborted,
    ]);
    if (result !== undefined && (typeof result !== 'object' || result === null || Array.isArray(result))) {
      throw new Error(`handler '${task.handler}' returned ${Array.isArray(result) ? 'an array' : typeof result}; a result must be an object`);
    }
    const output = result ?? {};
    const problem = task.outputSchema ? outputSchemaProblem(task.outputSchema, output) : null;
    if (problem) throw new Error(problem);
    return { output };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timeout);
  }
}

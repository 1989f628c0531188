// Runs one agent version on one task: the webhook template POSTs it (signed with the secret its
// reference names), the human template queues a human task, the builtin template runs a built-in
// handler with the version's parameters. Shared by the task loop and the sandbox.
import type { AgentVersion, BuiltinConfig, HumanConfig, WebhookConfig } from '../../core/agents/agent-schemas';
import { listWebhookHandlers } from '../../store/task-handlers-repo';
import { BUILTIN_HANDLERS } from './builtin-handlers';
import type { TaskHandlerContext, TaskOutput } from './handler-types';
import { outputSchemaProblem } from './output-schema';
import { callWebhook } from './webhook-handler';

const BUILTIN = new Map(BUILTIN_HANDLERS.map((h) => [h.name, h] as const));
export const BUILTIN_AGENT_HANDLERS: readonly string[] = BUILTIN_HANDLERS.map((h) => h.name);

/** Queues a human task (idempotent by key) and answers its id; injected so this module stays free of the task service. */
export type HumanQueue = (task: { idempotencyKey: string; name: string; handler: string; input: Record<string, unknown> }, actor: string) => Promise<{ id: string }>;

export interface VersionRunDeps {
  env: NodeJS.ProcessEnv;
  queueHuman: HumanQueue;
  /** A sandbox run changes nothing it can avoid changing: a human task is described, not queued. */
  sandbox: boolean;
}

/** The signing secret a reference names, or an error saying what is missing. */
export async function resolveSecret(ref: string, ctx: Pick<TaskHandlerContext, 'db'>, env: NodeJS.ProcessEnv): Promise<string> {
  if (ref.startsWith('env:')) {
    const value = env[ref.slice(4)];
    if (!value) throw new Error(`the secret ${ref} is not set in this process's environment`);
    return value;
  }
  const handler = ref.slice('task-handler:'.length);
  const hook = (await listWebhookHandlers(ctx.db)).find((h) => h.name === handler);
  if (!hook) throw new Error(`the secret ${ref} names no registered webhook handler`);
  return hook.secret;
}

export async function runVersion(v: AgentVersion, ctx: TaskHandlerContext, deps: VersionRunDeps): Promise<TaskOutput> {
  let output: TaskOutput;
  if (v.template === 'webhook') {
    const c = v.config as WebhookConfig;
    const secret = await resolveSecret(c.secretRef, ctx, deps.env);
    output = await callWebhook({ name: `${v.agent} v${v.version}`, url: c.url, secret, timeoutMs: c.timeoutMs }, ctx);
  } else if (v.template === 'human') {
    const c = v.config as HumanConfig;
    const dueAt = new Date(ctx.now().getTime() + c.dueInHours * 3_600_000).toISOString();
    const assignment = { queue: c.queue, assigneeGroup: c.assigneeGroup, dueAt };
    if (deps.sandbox) {
      output = { ...assignment, humanTaskId: null, wouldQueue: true };
    } else {
      const human = await deps.queueHuman(
        { idempotencyKey: `${ctx.idempotencyKey}/human`, name: `${ctx.name} (${v.agent} v${v.version})`, handler: `queue:${c.queue}`, input: { ...ctx.input, ...assignment, sourceTaskId: ctx.taskId } },
        `agent:${v.agent}`,
      );
      output = { ...assignment, humanTaskId: human.id };
    }
  } else {
    const c = v.config as BuiltinConfig;
    const builtin = BUILTIN.get(c.handler);
    if (!builtin) throw new Error(`built-in handler '${c.handler}' does not exist`);
    const result = await builtin.run({ ...ctx, input: { ...ctx.input, ...c.parameters } });
    if (result !== undefined && (typeof result !== 'object' || result === null || Array.isArray(result))) throw new Error(`${v.agent} v${v.version} returned a non-object`);
    output = result ?? {};
  }
  if (v.outputSchema) {
    const problem = outputSchemaProblem(v.outputSchema, output);
    if (problem) throw new Error(`${v.agent} v${v.version}: ${problem.replace("the task's output schema", "the version's output schema")}`);
  }
  return output;
}

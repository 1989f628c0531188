// What an agent is: a task handler name with immutable, numbered versions built from a template
// (HTTP webhook, human task queue, built-in handler), and the deployment that says which run.
import { z } from 'zod';

/** An agent's name is the handler name tasks use, so it follows the same spelling. */
export const AGENT_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;
export const AgentNameSchema = z.string().regex(AGENT_NAME, 'an agent name is lowercase letters, digits, ., - and _ (it is the handler name tasks use)');

/** A secret is never stored in a version: a version names where to find it. */
export const SECRET_REF = /^(env:[A-Z_][A-Z0-9_]*|task-handler:[a-z0-9][a-z0-9._-]*)$/;

export const WebhookConfigSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'a webhook URL is http:// or https://' }),
  /** `env:VAR` (an environment variable of the worker) or `task-handler:NAME` (the secret of a registered webhook handler). */
  secretRef: z.string().regex(SECRET_REF, 'a secret reference is env:VARIABLE_NAME or task-handler:handler-name'),
  timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
});

export const HumanConfigSchema = z.strictObject({
  queue: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'a queue name is lowercase letters, digits, ., - and _'),
  assigneeGroup: z.string().trim().min(1).max(100),
  /** How long the person has, from when the task reaches the queue. */
  dueInHours: z.number().positive().max(24 * 365),
});

export const BuiltinConfigSchema = z.strictObject({
  handler: z.string().min(1).max(100),
  /** Merged over each task's input (the version's parameters win). */
  parameters: z.record(z.string(), z.unknown()).default({}),
});

export const TEMPLATES = ['webhook', 'human', 'builtin'] as const;
export type AgentTemplate = (typeof TEMPLATES)[number];

export const TEMPLATE_CONFIGS = { webhook: WebhookConfigSchema, human: HumanConfigSchema, builtin: BuiltinConfigSchema } as const;
export type WebhookConfig = z.output<typeof WebhookConfigSchema>;
export type HumanConfig = z.output<typeof HumanConfigSchema>;
export type BuiltinConfig = z.output<typeof BuiltinConfigSchema>;
export type AgentConfig = WebhookConfig | HumanConfig | BuiltinConfig;

/** The templates the wizard offers, with what each asks for. */
export const TEMPLATE_CATALOG: ReadonlyArray<{ template: AgentTemplate; title: string; description: string; fields: ReadonlyArray<{ name: string; description: string; required: boolean }> }> = [
  {
    template: 'webhook',
    title: 'HTTP webhook agent',
    description: 'POSTs each task, signed with HMAC-SHA256, to a URL and takes the JSON object it answers as the output',
    fields: [
      { name: 'url', description: 'http:// or https:// address the task is POSTed to', required: true },
      { name: 'secretRef', description: 'where the signing secret is: env:VARIABLE or task-handler:registered-handler', required: true },
      { name: 'timeoutMs', description: 'how long to wait for the answer (default 30000)', required: false },
    ],
  },
  {
    template: 'human',
    title: 'Human task queue',
    description: 'Puts each task in a queue for a group of people, with a due time; the task completes once it is queued',
    fields: [
      { name: 'queue', description: 'the queue the person picks the task from', required: true },
      { name: 'assigneeGroup', description: 'who may pick it', required: true },
      { name: 'dueInHours', description: 'how long they have', required: true },
    ],
  },
  {
    template: 'builtin',
    title: 'Built-in agent',
    description: 'One of the built-in handlers (noop, echo, fail-n-times, sleep, record-effect) with fixed parameters',
    fields: [
      { name: 'handler', description: 'the built-in handler', required: true },
      { name: 'parameters', description: 'input fields every task gets (they win over the task’s own)', required: false },
    ],
  },
];

/** The wizard's request: a template, its configuration, and optionally the output every run must produce. */
export const NewVersionInput = z.strictObject({
  template: z.enum(TEMPLATES),
  config: z.record(z.string(), z.unknown()),
  /** JSON Schema each result must satisfy (checked in the sandbox and on every run). */
  outputSchema: z.record(z.string(), z.unknown()).optional(),
  notes: z.string().max(1000).default(''),
});
export type NewVersionInput = z.output<typeof NewVersionInput>;

export const NewAgentInput = NewVersionInput.extend({
  name: AgentNameSchema,
  description: z.string().max(500).default(''),
});
export type NewAgentInput = z.output<typeof NewAgentInput>;

export interface AgentVersion {
  agent: string;
  version: number;
  template: AgentTemplate;
  config: AgentConfig;
  outputSchema: Record<string, unknown> | null;
  notes: string;
  createdAt: string;
  createdBy: string;
}

/** Canary automatic rollback: over the candidate's last `window` runs, at least `minSample` of them. */
export const ThresholdSchema = z.strictObject({
  failureRate: z.number().gt(0).max(1).default(0.2),
  window: z.number().int().min(1).max(10_000).default(50),
  minSample: z.number().int().min(1).max(10_000).default(10),
});
export type Threshold = z.output<typeof ThresholdSchema>;

export const DEFAULT_STEPS: readonly number[] = [5, 25, 50, 100];

/** Which versions run a handler's tasks now. */
export interface DeploymentState {
  stable: number | null;
  /** The version stable replaced, for an instant switch back. */
  previousStable: number | null;
  candidate: number | null;
  strategy: 'blue-green' | 'canary' | null;
  /** Canary shares in percent, strictly increasing, ending at 100. */
  steps: number[];
  stepIndex: number;
  threshold: Threshold | null;
  /** Raise automatically after this many candidate successes at a step (null: raised by hand). */
  autoRaiseAfter: number | null;
  /** Groups the history rows and the runs of one rollout. */
  rolloutId: number | null;
}

export const EMPTY_DEPLOYMENT: DeploymentState = { stable: null, previousStable: null, candidate: null, strategy: null, steps: [], stepIndex: 0, threshold: null, autoRaiseAfter: null, rolloutId: null };

/** The candidate's share of tasks now, in percent. */
export function candidateShare(d: DeploymentState): number {
  return d.candidate === null ? 0 : (d.steps[d.stepIndex] ?? 0);
}

export const ROLLOUT_ACTIONS = ['provision', 'blue-green', 'canary-start', 'raise', 'promote', 'rollback'] as const;
export type RolloutAction = (typeof ROLLOUT_ACTIONS)[number];

export interface CanaryFigures {
  failureRate: number;
  failures: number;
  sample: number;
  threshold: number;
  window: number;
  minSample: number;
}

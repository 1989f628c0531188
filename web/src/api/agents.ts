// Typed client for the agent factory and servicing (issue 7): templates, agents with live failure
// rates, one agent's versions and history, the wizard (create, sandbox, provision) and deployments.
import { z } from 'zod/mini';
import { api, type ApiClient } from './client';

const deploymentSchema = z.object({
  stable: z.nullable(z.number()),
  previousStable: z.nullable(z.number()),
  candidate: z.nullable(z.number()),
  strategy: z.nullable(z.enum(['blue-green', 'canary'])),
  steps: z.array(z.number()),
  stepIndex: z.number(),
  autoRaiseAfter: z.nullable(z.number()),
  rolloutId: z.nullable(z.number()),
  threshold: z.nullable(z.object({ failureRate: z.number(), window: z.number(), minSample: z.number() })),
});
const liveSchema = z.object({ version: z.number(), lane: z.enum(['stable', 'candidate']), runs: z.number(), failed: z.number(), failureRate: z.number() });
export const agentSummarySchema = z.object({
  name: z.string(),
  description: z.string(),
  versions: z.number(),
  deployment: z.extend(deploymentSchema, { share: z.number() }),
  live: z.array(liveSchema),
});
export type AgentSummary = z.infer<typeof agentSummarySchema>;

export const versionSchema = z.object({
  agent: z.string(),
  version: z.number(),
  template: z.enum(['webhook', 'human', 'builtin']),
  config: z.record(z.string(), z.unknown()),
  notes: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type AgentVersion = z.infer<typeof versionSchema>;

export const rolloutSchema = z.object({
  id: z.number(),
  action: z.enum(['provision', 'blue-green', 'canary-start', 'raise', 'promote', 'rollback']),
  fromVersion: z.nullable(z.number()),
  toVersion: z.nullable(z.number()),
  share: z.number(),
  reason: z.string(),
  automatic: z.boolean(),
  figures: z.nullable(z.object({ failureRate: z.number(), failures: z.number(), sample: z.number(), threshold: z.number() })),
  actor: z.string(),
  at: z.string(),
});
export type Rollout = z.infer<typeof rolloutSchema>;

export const agentDetailSchema = z.extend(agentSummarySchema, {
  versionList: z.array(z.extend(versionSchema, { state: z.string() })),
  counts: z.array(z.object({ version: z.number(), succeeded: z.number(), failed: z.number(), avgDurationMs: z.number() })),
  history: z.array(rolloutSchema),
});
export type AgentDetail = z.infer<typeof agentDetailSchema>;

export const templateSchema = z.object({
  template: z.enum(['webhook', 'human', 'builtin']),
  title: z.string(),
  description: z.string(),
  fields: z.array(z.object({ name: z.string(), description: z.string(), required: z.boolean() })),
});
export type AgentTemplateInfo = z.infer<typeof templateSchema>;

export const sandboxSchema = z.object({
  passed: z.number(),
  failed: z.number(),
  results: z.array(z.object({ index: z.number(), ok: z.boolean(), output: z.nullable(z.record(z.string(), z.unknown())), error: z.nullable(z.string()), durationMs: z.number() })),
});
export type SandboxOutcome = z.infer<typeof sandboxSchema>;

const transitionSchema = z.object({ deployment: deploymentSchema, entry: rolloutSchema });

export type DeployRequest =
  | { strategy: 'blue-green'; version: number; reason?: string }
  | { strategy: 'canary'; version: number; steps: number[]; threshold: { failureRate: number; window: number; minSample: number }; autoRaiseAfter?: number };

export function agentApi(client: ApiClient = api) {
  const at = (name: string) => `/api/agents/${encodeURIComponent(name)}`;
  const s = (signal?: AbortSignal) => (signal ? { signal } : {});
  return {
    templates: (signal?: AbortSignal) => client.request('/api/agent-templates', { schema: z.object({ items: z.array(templateSchema) }), ...s(signal) }),
    list: (signal?: AbortSignal) => client.request('/api/agents', { schema: z.object({ items: z.array(agentSummarySchema) }), ...s(signal) }),
    get: (name: string, signal?: AbortSignal) => client.request(at(name), { schema: agentDetailSchema, ...s(signal) }),
    create: (body: { name: string; description: string; template: string; config: Record<string, unknown>; outputSchema?: Record<string, unknown> }) => client.request('/api/agents', { method: 'POST', body, schema: versionSchema }),
    addVersion: (name: string, body: { template: string; config: Record<string, unknown>; outputSchema?: Record<string, unknown> }) => client.request(`${at(name)}/versions`, { method: 'POST', body, schema: versionSchema }),
    sandbox: (name: string, version: number, samples: Array<Record<string, unknown>>) => client.request(`${at(name)}/versions/${version}/sandbox`, { method: 'POST', body: { samples }, schema: sandboxSchema }),
    provision: (name: string, version: number) => client.request(`${at(name)}/versions/${version}/provision`, { method: 'POST', schema: transitionSchema }),
    deploy: (name: string, body: DeployRequest) => client.request(`${at(name)}/deployments`, { method: 'POST', body, schema: transitionSchema }),
    raise: (name: string) => client.request(`${at(name)}/canary/raise`, { method: 'POST', schema: transitionSchema }),
    promote: (name: string) => client.request(`${at(name)}/canary/promote`, { method: 'POST', schema: transitionSchema }),
    rollback: (name: string, reason: string) => client.request(`${at(name)}/rollback`, { method: 'POST', body: { reason }, schema: transitionSchema }),
  };
}

export const agents = agentApi();

// The agent factory and servicing over HTTP: templates, the wizard (create → sandbox → provision),
// versions, deployments by blue-green or canary, raise, promote, roll back (destructive, with a
// reason), rollout history and recorded runs.
import { z } from 'zod';
import { NewAgentInput, NewVersionInput, ROLLOUT_ACTIONS, TEMPLATE_CATALOG, TEMPLATES, ThresholdSchema } from '../../core/agents/agent-schemas';
import { DeployInput } from '../../core/agents/deployment-machine';
import { SandboxInput } from '../../engine/agent-sandbox';
import type { Runtime } from '../../engine/runtime';
import { principalOf } from '../auth';
import { authErrors, problemSchema } from '../schemas';
import type { App } from '../types';

const errors = { 404: problemSchema, 409: problemSchema, ...authErrors } as const;
const nameParams = z.object({ name: z.string().min(1).max(100) });
const versionParams = nameParams.extend({ version: z.coerce.number().int().min(1) });

const versionSchema = z.object({
  agent: z.string(),
  version: z.number().int(),
  template: z.enum(TEMPLATES),
  config: z.record(z.string(), z.unknown()),
  outputSchema: z.record(z.string(), z.unknown()).nullable(),
  notes: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
const deploymentSchema = z.object({
  stable: z.number().int().nullable(),
  previousStable: z.number().int().nullable(),
  candidate: z.number().int().nullable(),
  strategy: z.enum(['blue-green', 'canary']).nullable(),
  steps: z.array(z.number()),
  stepIndex: z.number().int(),
  threshold: ThresholdSchema.nullable(),
  autoRaiseAfter: z.number().int().nullable(),
  rolloutId: z.number().int().nullable(),
});
const figuresSchema = z.object({ failureRate: z.number(), failures: z.number(), sample: z.number(), threshold: z.number(), window: z.number(), minSample: z.number() });
const rolloutSchema = z.object({
  id: z.number().int(),
  agent: z.string(),
  rolloutId: z.number().int(),
  action: z.enum(ROLLOUT_ACTIONS),
  fromVersion: z.number().int().nullable(),
  toVersion: z.number().int().nullable(),
  strategy: z.enum(['blue-green', 'canary']).nullable(),
  share: z.number(),
  reason: z.string(),
  automatic: z.boolean(),
  figures: figuresSchema.nullable(),
  actor: z.string(),
  at: z.string(),
});
const summarySchema = z.object({
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  versions: z.number().int(),
  deployment: deploymentSchema.extend({ share: z.number() }),
  live: z.array(z.object({ version: z.number().int(), lane: z.enum(['stable', 'candidate']), runs: z.number().int(), failed: z.number().int(), failureRate: z.number() })),
});
const detailSchema = summarySchema.extend({
  versionList: z.array(versionSchema.extend({ state: z.enum(['stable', 'candidate', 'previous', 'draft', 'retired']) })),
  counts: z.array(z.object({ agent: z.string(), version: z.number().int(), succeeded: z.number().int(), failed: z.number().int(), avgDurationMs: z.number() })),
  history: z.array(rolloutSchema),
});
const transitionSchema = z.object({ deployment: deploymentSchema, entry: rolloutSchema });
const runSchema = z.object({
  id: z.number().int(),
  agent: z.string(),
  version: z.number().int(),
  rolloutId: z.number().int().nullable(),
  lane: z.enum(['stable', 'candidate']),
  stepIndex: z.number().int(),
  taskId: z.string(),
  attempt: z.number().int(),
  bucket: z.number().int().describe('0–9999: the attempt runs the candidate when bucket < share × 100'),
  outcome: z.enum(['succeeded', 'failed']),
  error: z.string().nullable(),
  durationMs: z.number(),
  finishedAt: z.string(),
});
const sandboxSchema = z.object({
  agent: z.string(),
  version: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  results: z.array(z.object({ index: z.number().int(), ok: z.boolean(), output: z.record(z.string(), z.unknown()).nullable(), error: z.string().nullable(), durationMs: z.number() })),
});

export function registerAgentRoutes(app: App, runtime: Runtime): void {
  const a = runtime.agents;
  /** Automatic decisions can land between the service's answer and ours, so answer what is committed. */
  const done = (r: Awaited<ReturnType<typeof a.raise>>) => r!;

  app.get('/api/agent-templates', {
    config: { auth: 'viewer' },
    schema: { tags: ['agents'], summary: 'The templates the agent wizard offers, with the configuration each takes', response: { 200: z.object({ items: z.array(z.object({ template: z.enum(TEMPLATES), title: z.string(), description: z.string(), fields: z.array(z.object({ name: z.string(), description: z.string(), required: z.boolean() })) })) }), ...authErrors } },
  }, async () => ({ items: TEMPLATE_CATALOG.map((t) => ({ ...t, fields: [...t.fields] })) }));

  app.get('/api/agents', {
    config: { auth: 'viewer' },
    schema: { tags: ['agents'], summary: 'Agents with their stable and candidate versions, the canary share and live failure rates (latest 50 runs per version)', response: { 200: z.object({ items: z.array(summarySchema) }), ...authErrors } },
  }, async () => ({ items: await a.views.list() }));

  app.post('/api/agents', {
    config: { auth: 'operator' },
    schema: { tags: ['agents'], summary: 'Wizard: create an agent (its name is the handler name tasks use) from a template; version 1 is a draft until provisioned', body: NewAgentInput, response: { 201: versionSchema, ...errors } },
  }, async (req, reply) => reply.code(201).send(await a.create(req.body, principalOf(req).name)));

  app.get('/api/agents/:name', {
    config: { auth: 'viewer' },
    schema: { tags: ['agents'], summary: 'One agent: deployment, versions and what each is now, run counts per version, rollout history', params: nameParams, response: { 200: detailSchema, ...errors } },
  }, async (req) => a.views.show(req.params.name));

  app.get('/api/agents/:name/versions', {
    config: { auth: 'viewer' },
    schema: { tags: ['agents'], summary: 'The versions of an agent', params: nameParams, response: { 200: z.object({ items: z.array(versionSchema.extend({ state: z.string() })) }), ...errors } },
  }, async (req) => ({ items: (await a.views.show(req.params.name)).versionList }));

  app.post('/api/agents/:name/versions', {
    config: { auth: 'operator' },
    schema: { tags: ['agents'], summary: 'Add an immutable version (a draft until deployed)', params: nameParams, body: NewVersionInput, response: { 201: versionSchema, ...errors } },
  }, async (req, reply) => reply.code(201).send(await a.addVersion(req.params.name, req.body, principalOf(req).name)));

  app.post('/api/agents/:name/versions/:version/sandbox', {
    config: { auth: 'operator' },
    schema: { tags: ['agents'], summary: 'Run a version on sample task inputs outside the queue (a webhook is really called); each result is checked against the version’s output schema', params: versionParams, body: SandboxInput, response: { 200: sandboxSchema, ...errors } },
  }, async (req) => a.sandbox(req.params.name, req.params.version, req.body));

  app.post('/api/agents/:name/versions/:version/provision', {
    config: { auth: 'operator' },
    schema: { tags: ['agents'], summary: 'Wizard: make a version stable now (every task of this handler name runs it)', params: versionParams, response: { 200: transitionSchema, ...errors } },
  }, async (req) => done(await a.provision(req.params.name, req.params.version, principalOf(req).name)));

  app.post('/api/agents/:name/deployments', {
    config: { auth: 'operator' },
    schema: { tags: ['agents'], summary: 'Upgrade: blue-green (switch every task at once) or canary (a share of tasks in steps, rolled back automatically past the failure threshold)', params: nameParams, body: DeployInput, response: { 200: transitionSchema, ...errors } },
  }, async (req) => done(await a.deploy(req.params.name, req.body, principalOf(req).name)));

  app.post('/api/agents/:name/canary/raise', {
    config: { auth: 'operator' },
    schema: { tags: ['agents'], summary: 'Raise the canary to its next step', params: nameParams, response: { 200: transitionSchema, ...errors } },
  }, async (req) => done(await a.raise(req.params.name, principalOf(req).name)));

  app.post('/api/agents/:name/canary/promote', {
    config: { auth: 'operator' },
    schema: { tags: ['agents'], summary: 'Promote the canary: the candidate becomes stable', params: nameParams, response: { 200: transitionSchema, ...errors } },
  }, async (req) => done(await a.promote(req.params.name, principalOf(req).name)));

  app.post('/api/agents/:name/rollback', {
    config: { auth: 'operator', destructive: true },
    schema: {
      tags: ['agents'],
      summary: 'Roll back: abandon a running canary, or switch stable back to the version it replaced; a reason is required',
      params: nameParams,
      body: z.strictObject({ reason: z.string().trim().min(1, 'a rollback needs a reason').max(2000) }),
      response: { 200: transitionSchema, ...errors },
    },
  }, async (req) => done(await a.rollback(req.params.name, req.body.reason, principalOf(req).name)));

  app.get('/api/agents/:name/history', {
    config: { auth: 'viewer' },
    schema: { tags: ['agents'], summary: 'Every provision, switch, canary step, promotion and rollback, newest first (automatic ones carry their figures)', params: nameParams, response: { 200: z.object({ items: z.array(rolloutSchema) }), ...errors } },
  }, async (req) => ({ items: await a.views.history(req.params.name) }));

  app.get('/api/agents/:name/runs', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['agents'],
      summary: 'Recorded runs, newest first: which version ran each task attempt, and why (its bucket)',
      params: nameParams,
      querystring: z.object({ task: z.string().min(1).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      response: { 200: z.object({ items: z.array(runSchema) }), ...errors },
    },
  }, async (req) => ({ items: await a.views.runs(req.params.name, { taskId: req.query.task, limit: req.query.limit }) }));
}

// Journeys over HTTP: definitions (list, register, read), start, list and read journeys, send
// events, report metrics and signals, roll back or cancel (destructive, with a reason). A refused
// event is a problem (409, or 422 for a failed gate) that also carries the rejection as data.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { journeyDefinitionJsonSchema } from '../../core/journey/definition';
import { CancelInput, EventInput, JourneyListQuery, JourneyMetricsQuery, MetricsReportInput, RollbackInput, SignalInput, StartJourneyInput } from '../../engine/journey-inputs';
import { JourneyRejectedError } from '../../engine/journey-rejection';
import {
  changeResultSchema,
  definitionSummarySchema,
  journeyDetailSchema,
  journeySchema,
  metricsSchema,
  rejectionSchema,
  storedDefinitionSchema,
} from '../../engine/journey-schemas';
import type { Runtime } from '../../engine/runtime';
import { principalOf } from '../auth';
import { problem } from '../problem';
import { authErrors, problemSchema } from '../schemas';
import type { App } from '../types';

const rejectionProblemSchema = problemSchema.extend({ journeyId: z.string().optional(), rejection: rejectionSchema.optional() });
const ratioSchema = z.object({ rate: z.number().nullable().describe('null when nothing is decided yet'), count: z.number().int(), of: z.number().int() });
const journeyMetricsSchema = z.object({
  journeys: z.number().int(),
  timeToProduction: z.object({ averageDays: z.number().nullable(), medianDays: z.number().nullable(), reached: z.number().int() }),
  successRate: ratioSchema.describe('Reached production / (reached + cancelled before reaching it)'),
  rollbackRate: ratioSchema.describe('Journeys that entered a rollback at least once / journeys started'),
  firstPassRate: ratioSchema.describe('Gated promotions whose first attempt in a stage visit passed / gated promotions attempted'),
});
const refusals = { 404: problemSchema, 409: rejectionProblemSchema, 422: rejectionProblemSchema, ...authErrors } as const;
const idParams = z.object({ id: z.string().min(1).max(200) });

/** Runs a change; a refused event is answered with its rejection as data next to the problem. */
async function orRefusal<T>(req: FastifyRequest, reply: FastifyReply, run: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof JourneyRejectedError)) throw err;
    const body = { ...problem(err.code, err.message, err.errors, req.url.split('?')[0]), journeyId: err.journeyId, rejection: err.rejection };
    return reply.code(body.status).type('application/problem+json').send(body);
  }
}

export function registerJourneyRoutes(app: App, runtime: Runtime): void {
  const j = runtime.journeys;

  app.get('/api/journey-definitions', {
    config: { auth: 'viewer' },
    schema: { tags: ['journeys'], summary: 'Journey definitions (latest version of each)', response: { 200: z.object({ items: z.array(definitionSummarySchema) }), ...authErrors } },
  }, async () => ({ items: await j.definitions.list() }));

  app.get('/api/journey-definitions/schema', {
    config: { auth: 'viewer' },
    schema: { tags: ['journeys'], summary: 'The JSON Schema journey definitions are written against', response: { 200: z.record(z.string(), z.unknown()), ...authErrors } },
  }, async () => journeyDefinitionJsonSchema());

  app.post('/api/journey-definitions', {
    config: { auth: 'operator' },
    schema: {
      tags: ['journeys'],
      summary: 'Register a journey definition (a new version of its id); every problem is listed with its JSON pointer and nothing is stored',
      body: z.record(z.string(), z.unknown()).describe('A journey definition; see GET /api/journey-definitions/schema'),
      response: { 201: storedDefinitionSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema, ...authErrors },
    },
  }, async (req, reply) => reply.code(201).send(await j.definitions.register(req.body, principalOf(req).name)));

  app.get('/api/journey-definitions/:id', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['journeys'],
      summary: 'One journey definition (latest, or ?version=N) and its versions',
      params: idParams,
      querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
      response: { 200: z.object({ definition: storedDefinitionSchema, versions: z.array(storedDefinitionSchema.omit({ document: true })) }), 404: problemSchema, ...authErrors },
    },
  }, async (req) => j.definitions.detail(req.params.id, req.query.version));

  app.post('/api/journeys', {
    config: { auth: 'operator' },
    schema: {
      tags: ['journeys'],
      summary: 'Start a journey: a stored definition (e.g. client-onboarding), or a musical sequence (inline or stored)',
      body: StartJourneyInput,
      response: { 201: journeyDetailSchema, ...refusals },
    },
  }, async (req, reply) =>
    orRefusal(req, reply, async () => {
      const started = await j.journeys.start(req.body, principalOf(req).name);
      return reply.code(201).send(await j.views.detail(started.journey.journeyId));
    }),
  );

  app.get('/api/journeys', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['journeys'],
      summary: 'List journeys, newest first, filtered by stage, status, definition or client',
      querystring: JourneyListQuery,
      response: { 200: z.object({ items: z.array(journeySchema), total: z.number().int() }), ...authErrors },
    },
  }, async (req) => j.views.list(req.query));

  app.get('/api/journeys/metrics', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['journeys'],
      summary: "Seed 003's success metrics from the event log: time to production, client success rate, rollback rate, first-pass exit-criteria rate",
      querystring: JourneyMetricsQuery,
      response: { 200: journeyMetricsSchema, ...authErrors },
    },
  }, async (req) => j.views.successMetrics(req.query));

  app.get('/api/journeys/:id', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['journeys'],
      summary: 'One journey: state, allowed events, stage timeline, units with tasks, validations, rollbacks, timers, metrics, events',
      params: idParams,
      response: { 200: journeyDetailSchema, 404: problemSchema, ...authErrors },
    },
  }, async (req) => j.views.detail(req.params.id));

  app.post('/api/journeys/:id/events', {
    config: { auth: 'operator' },
    schema: {
      tags: ['journeys'],
      summary: 'Send an event (e.g. promote_to_pilot), with an optional payload.reason kept in the audit log; a refused one answers 409 (422 for a failed gate, with every check) and changes nothing',
      params: idParams,
      body: EventInput,
      response: { 200: changeResultSchema, ...refusals },
    },
  }, async (req, reply) => orRefusal(req, reply, () => j.journeys.applyEvent(req.params.id, req.body, principalOf(req).name)));

  app.post('/api/journeys/:id/metrics', {
    config: { auth: 'operator' },
    schema: {
      tags: ['journeys'],
      summary: 'Report metrics for the current stage; gates read them, and a rollback rule that fires rolls the journey back',
      params: idParams,
      body: MetricsReportInput,
      response: { 200: changeResultSchema.extend({ metrics: metricsSchema }), ...refusals },
    },
  }, async (req) => j.journeys.reportMetrics(req.params.id, req.body, principalOf(req).name));

  app.post('/api/journeys/:id/signals', {
    config: { auth: 'operator' },
    schema: {
      tags: ['journeys'],
      summary: "Record an occurrence the definition counts (e.g. journey.bug.reported with severity critical)",
      params: idParams,
      body: SignalInput,
      response: { 200: changeResultSchema.extend({ metrics: metricsSchema }), ...refusals },
    },
  }, async (req) => j.journeys.signal(req.params.id, req.body, principalOf(req).name));

  app.post('/api/journeys/:id/rollback', {
    config: { auth: 'operator', destructive: true },
    schema: {
      tags: ['journeys'],
      summary: "Roll back the current stage: a trigger from the definition's list and a reason (1–500 characters, kept in the audit log); the stage's rollback work runs, then the journey resumes (or is cancelled)",
      params: idParams,
      body: RollbackInput,
      response: { 200: changeResultSchema, ...refusals },
    },
  }, async (req, reply) => orRefusal(req, reply, () => j.journeys.rollback(req.params.id, req.body, principalOf(req).name)));

  app.post('/api/journeys/:id/cancel', {
    config: { auth: 'operator', destructive: true },
    schema: { tags: ['journeys'], summary: 'Cancel the journey, with a reason (1–500 characters, kept in the audit log); open work is cancelled', params: idParams, body: CancelInput, response: { 200: changeResultSchema, ...refusals } },
  }, async (req, reply) => orRefusal(req, reply, () => j.journeys.cancel(req.params.id, req.body, principalOf(req).name)));
}

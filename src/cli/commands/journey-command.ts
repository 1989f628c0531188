// `ow journey start|list|show|event|metrics|rollback|cancel|definitions|define`: journeys through
// a server (--server) or directly on the store. A refused event exits 1 and says why, which events
// are allowed and, for a failed gate, every failing check with actual vs expected.
import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { parseJsonText } from '../../core/shared/json-text';
import { JourneyRejectedError } from '../../engine/journey-rejection';
import { eventKind } from '../../engine/journey-service';
import type { JourneyDetail } from '../../engine/journey-views';
import type { Runtime } from '../../engine/runtime';
import type { StoredJourney } from '../../store/journey-states-repo';
import { apiRequest, type RemoteTarget } from '../api-client';
import { CliError } from '../cli-error';
import { globalsOf, localPrincipal, outOf, remoteTarget, withLocalRuntime, type GlobalOptions } from '../context';
import type { Out } from '../output';

type Change = { journey: StoredJourney; automatic: Array<{ event: string; from: string; to: string; why: string }> };

/** Remote when --server / OW_SERVER is given, else on the local store. Refusals exit 1 (they are answers, not usage errors). */
async function via<T>(g: GlobalOptions, remote: (r: RemoteTarget) => Promise<T>, local: (rt: Runtime, actor: string) => Promise<T>): Promise<T> {
  const target = remoteTarget(g);
  try {
    return target ? await remote(target) : await withLocalRuntime(g, 'journey', (rt) => local(rt, localPrincipal().name));
  } catch (err) {
    if (err instanceof JourneyRejectedError) throw new CliError(refusal(err.message, err.errors), err.code === 'OW_VALIDATION' ? 2 : 1);
    if (err instanceof CliError && /^(OW_GATE_FAILED|OW_CONFLICT):/.test(err.message)) throw new CliError(`Refused: ${err.message}`, 1);
    throw err;
  }
}

function refusal(detail: string, checks: ReadonlyArray<{ field?: string; message: string }>): string {
  return [`Refused: ${detail}`, ...checks.map((c) => `  ✗ ${c.field ?? ''}: ${c.message}`)].join('\n');
}

function pairs(items: string[], what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const i = item.indexOf('=');
    if (i <= 0) throw new CliError(`${what} must be name=value, got "${item}"`, 2);
    out[item.slice(0, i)] = item.slice(i + 1);
  }
  return out;
}

function numbers(items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(pairs(items, 'a metric'))) {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) throw new CliError(`metric ${k}: "${v}" is not a number`, 2);
    out[k] = n;
  }
  return out;
}

async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CliError(`Cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 2);
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new CliError(`${path}: not valid JSON: ${parsed.message} at line ${parsed.line}, column ${parsed.column}`, 2);
  return parsed.value;
}

const enc = encodeURIComponent;

function summary(j: StoredJourney) {
  return { id: j.journeyId, stage: j.currentStage, status: j.status, client: j.clientId, definition: `${j.definitionId}@${j.definitionVersion}` };
}

function printChange(out: Out, c: Change): void {
  out.data({ ...summary(c.journey), journey: c.journey, automatic: c.automatic }, () => {
    out.line(`Journey ${c.journey.journeyId} is in stage ${c.journey.currentStage} (${c.journey.status}).`);
    for (const a of c.automatic) out.line(`  then ${a.event}: ${a.from} → ${a.to} (${a.why})`);
  });
}

function printDetail(out: Out, d: JourneyDetail): void {
  out.data({ ...summary(d.journey), ...d }, () => {
    const j = d.journey;
    out.line(`Journey ${j.journeyId} — ${j.definitionName} for ${j.clientId}`);
    out.line(`Stage: ${j.currentStage} (${j.status}) since ${j.stageStartedAt}; allowed events: ${d.allowedEvents.map((e) => `${e.event}${e.kind === 'forward' ? '' : ` [${e.kind}]`}`).join(', ') || 'none'}`);
    out.line('\nTimeline');
    out.table(d.stageHistory.map((v) => ({ stage: v.stage, visit: v.visit, entered: v.enteredAt, on: v.enteredOn, left: v.leftAt })), ['stage', 'visit', 'entered', 'on', 'left']);
    out.line('\nTasks');
    out.table(
      d.units.flatMap((u) => u.tasks.map((t) => ({ unit: `${u.stage}/${u.visit}/${u.key}`, task: t.key, handler: t.handler, status: t.kind === 'human' && t.ready ? 'waiting for a person' : t.status, attempts: t.totalAttempts, error: t.lastError }))),
      ['unit', 'task', 'handler', 'status', 'attempts', 'error'],
    );
    const last = d.validations.at(-1);
    if (last) {
      out.line(`\nLast gate (${last.event}): ${last.passed ? 'passed' : 'failed'} — ${last.summary}`);
      for (const c of last.checks) out.line(`  ${c.passed ? '✓' : '✗'} ${c.name}: actual ${c.actual_value ?? 'not reported'}, expected ${c.expected_value}`);
    }
    for (const r of d.rollbacks) out.line(`Rollback from ${r.fromStage} (${r.trigger}${r.automatic ? ', automatic' : ''}): ${r.reason} → ${r.outcome ?? 'in progress'}${r.resumedStage ? ` at ${r.resumedStage}` : ''}`);
  });
}

export function journeyCommand(): Command {
  const journey = new Command('journey').description('client journeys: stages with exit-criteria gates, units of work, rollback');

  journey
    .command('start')
    .description('start a journey; prints its id and stage')
    .option('--definition <id>', 'a journey definition id (e.g. client-onboarding)')
    .option('--sequence <file>', 'a musical sequence JSON file to run as a journey')
    .option('--sequence-id <id>', 'a stored sequence to run as a journey')
    .requiredOption('--client <name>', 'the client the journey is for')
    .option('--metadata <key=value...>', 'metadata to keep with the journey', [])
    .option('--handler <name=handler...>', 'run tasks of handler name with another handler ("*=echo" maps every unknown one)', [])
    .action(async (opts: { definition?: string; sequence?: string; sequenceId?: string; client: string; metadata: string[]; handler: string[] }, cmd: Command) => {
      const g = globalsOf(cmd);
      const given = [opts.definition, opts.sequence, opts.sequenceId].filter((x) => x !== undefined).length;
      if (given !== 1) throw new CliError('give exactly one of --definition, --sequence or --sequence-id', 2);
      const handlers = pairs(opts.handler, '--handler');
      const body = {
        clientId: opts.client,
        ...(opts.definition !== undefined ? { definition: opts.definition } : {}),
        ...(opts.sequence !== undefined ? { sequence: await readJsonFile(opts.sequence) } : {}),
        ...(opts.sequenceId !== undefined ? { sequenceId: opts.sequenceId } : {}),
        ...(opts.metadata.length > 0 ? { metadata: pairs(opts.metadata, '--metadata') } : {}),
        ...(Object.keys(handlers).length > 0 ? { handlers } : {}),
      };
      const detail = await via(g, (r) => apiRequest<JourneyDetail>(r, 'POST', 'api/journeys', body), async (rt, actor) => rt.journeys.views.detail((await rt.journeys.journeys.start(body, actor)).journey.journeyId));
      printDetail(outOf(cmd), detail);
    });

  journey
    .command('list')
    .description('list journeys, newest first')
    .option('--stage <stage>')
    .option('--status <status>', 'active, rolling_back, completed or cancelled')
    .option('--client <name>')
    .option('--definition <id>')
    .option('--limit <n>', 'at most this many', '50')
    .action(async (opts: { stage?: string; status?: string; client?: string; definition?: string; limit: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const q = Object.fromEntries(Object.entries({ stage: opts.stage, status: opts.status, client: opts.client, definition: opts.definition, limit: opts.limit }).filter(([, v]) => v !== undefined)) as Record<string, string>;
      const { JourneyListQuery } = await import('../../engine/journey-inputs');
      const parsed = JourneyListQuery.safeParse(q);
      if (!parsed.success) throw new CliError(`invalid filter: ${parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ')}`, 2);
      const page = await via(g, (r) => apiRequest<{ items: StoredJourney[]; total: number }>(r, 'GET', `api/journeys?${new URLSearchParams(q).toString()}`), (rt) => rt.journeys.views.list(parsed.data));
      out.data({ items: page.items.map((j) => ({ ...summary(j), ...j })), total: page.total }, () =>
        out.table(page.items.map((j) => ({ ...summary(j), started: j.startedAt })), ['id', 'client', 'definition', 'stage', 'status', 'started']),
      );
    });

  journey
    .command('show')
    .description('one journey: stage, timeline, tasks, last gate, rollbacks')
    .argument('<id>')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      printDetail(outOf(cmd), await via(g, (r) => apiRequest<JourneyDetail>(r, 'GET', `api/journeys/${enc(id)}`), (rt) => rt.journeys.views.detail(id)));
    });

  journey
    .command('event')
    .description('send an event (promote_to_pilot, …); rollback and cancel events need --reason (rollback also --trigger)')
    .argument('<id>')
    .argument('<event>')
    .option('--reason <text>')
    .option('--trigger <trigger>', 'rollback trigger (e.g. critical_bug)')
    .option('--target <stage>', 'where a rollback resumes (a stage, or "cancel")')
    .action(async (id: string, event: string, opts: { reason?: string; trigger?: string; target?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const rollbackBody = () => {
        if (!opts.trigger || !opts.reason) throw new CliError(`'${event}' rolls the journey back: give --trigger and --reason`, 2);
        return { trigger: opts.trigger, reason: opts.reason, ...(opts.target ? { target: opts.target } : {}) };
      };
      const cancelBody = () => {
        if (!opts.reason) throw new CliError(`'${event}' cancels the journey: give --reason`, 2);
        return { reason: opts.reason };
      };
      const payload = Object.fromEntries(Object.entries({ reason: opts.reason, trigger: opts.trigger, target: opts.target }).filter(([, v]) => v !== undefined));
      const body = { type: event, ...(Object.keys(payload).length ? { payload } : {}) };
      const change = await via(
        g,
        async (r) => {
          const d = await apiRequest<JourneyDetail>(r, 'GET', `api/journeys/${enc(id)}`);
          const kind = d.allowedEvents.find((e) => e.event === event)?.kind;
          if (kind === 'rollback') return apiRequest<Change>(r, 'POST', `api/journeys/${enc(id)}/rollback`, rollbackBody());
          if (kind === 'cancel') return apiRequest<Change>(r, 'POST', `api/journeys/${enc(id)}/cancel`, cancelBody());
          return apiRequest<Change>(r, 'POST', `api/journeys/${enc(id)}/events`, body);
        },
        async (rt, actor) => {
          const d = await rt.journeys.views.detail(id, { eventLimit: 0 });
          const { definition } = await rt.journeys.definitions.load(rt.db, d.journey.definitionId, d.journey.definitionVersion);
          const kind = eventKind(definition, d.journey.currentStage, event);
          if (kind === 'rollback') return rt.journeys.journeys.rollback(id, rollbackBody(), actor);
          if (kind === 'cancel') return rt.journeys.journeys.cancel(id, cancelBody(), actor);
          return rt.journeys.journeys.applyEvent(id, body, actor);
        },
      );
      printChange(outOf(cmd), change);
    });

  journey
    .command('metrics')
    .description('report metrics for the current stage: name=value …')
    .argument('<id>')
    .argument('<metrics...>')
    .action(async (id: string, items: string[], _opts: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const body = { metrics: numbers(items) };
      const res = await via(g, (r) => apiRequest<Change & { metrics: { values: Record<string, number> } }>(r, 'POST', `api/journeys/${enc(id)}/metrics`, body), (rt, actor) => rt.journeys.journeys.reportMetrics(id, body, actor));
      out.data({ ...summary(res.journey), ...res }, () => {
        out.line(`Reported ${Object.keys(body.metrics).join(', ')}; journey ${res.journey.journeyId} is in stage ${res.journey.currentStage} (${res.journey.status}).`);
        for (const a of res.automatic) out.line(`  then ${a.event}: ${a.from} → ${a.to} (${a.why})`);
      });
    });

  journey
    .command('rollback')
    .description('roll back the current stage with a trigger and a reason')
    .argument('<id>')
    .requiredOption('--trigger <trigger>', 'e.g. security_vulnerability, critical_bug, client_request')
    .requiredOption('--reason <text>')
    .option('--target <stage>', 'where to resume (a stage, or "cancel")')
    .action(async (id: string, opts: { trigger: string; reason: string; target?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const body = { trigger: opts.trigger, reason: opts.reason, ...(opts.target ? { target: opts.target } : {}) };
      printChange(outOf(cmd), await via(g, (r) => apiRequest<Change>(r, 'POST', `api/journeys/${enc(id)}/rollback`, body), (rt, actor) => rt.journeys.journeys.rollback(id, body, actor)));
    });

  journey
    .command('cancel')
    .description('cancel a journey, with a reason')
    .argument('<id>')
    .requiredOption('--reason <text>')
    .action(async (id: string, opts: { reason: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const body = { reason: opts.reason };
      printChange(outOf(cmd), await via(g, (r) => apiRequest<Change>(r, 'POST', `api/journeys/${enc(id)}/cancel`, body), (rt, actor) => rt.journeys.journeys.cancel(id, body, actor)));
    });

  journey
    .command('definitions')
    .description('list journey definitions')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      type Summary = Awaited<ReturnType<Runtime['journeys']['definitions']['list']>>[number];
      const items = await via(g, async (r) => (await apiRequest<{ items: Summary[] }>(r, 'GET', 'api/journey-definitions')).items, (rt) => rt.journeys.definitions.list());
      out.data({ items }, () => out.table(items.map((d) => ({ id: d.id, version: d.version, name: d.name, source: d.source, stages: d.stages.join(' → ') })), ['id', 'version', 'name', 'source', 'stages']));
    });

  journey
    .command('define')
    .description('register a journey definition from a JSON file (a new version of its id)')
    .argument('<file>')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const doc = await readJsonFile(file);
      type Stored = Awaited<ReturnType<Runtime['journeys']['definitions']['register']>>;
      const stored = await via(g, (r) => apiRequest<Stored>(r, 'POST', 'api/journey-definitions', doc), (rt, actor) => rt.journeys.definitions.register(doc, actor));
      out.data(stored, () => out.line(`Registered journey definition ${stored.id} version ${stored.version} ("${stored.name}").`));
    });

  return journey;
}

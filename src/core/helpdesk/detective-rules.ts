// The Issue Detective's readable rules: each reads the facts of a subject (see detective-input)
// and returns findings whose explanation names the facts and whose evidence lists them.
import type { DetectiveEvent, DetectiveInput, DetectiveOptions, DetectiveTask } from './detective-input';
import { DEFAULT_DETECTIVE_OPTIONS } from './detective-input';
import { bySeverity, type Evidence, type Finding } from './finding';

const FAILURE_TOPICS = new Set(['task.attempt_failed', 'task.failed']);
const LEASE_EXPIRED = /^lease expired/i;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The cause of a failure without what differs between attempts (retry counts, numbers). */
export function errorSignature(error: string): string {
  const cause = error.replace(/^gave up after [^;]*; last error: /, '');
  return cause.replace(/\d+/g, '#').trim();
}

/** The cause of a failure as the handler said it (a dead letter's reason wraps the last error). */
function causeOf(error: string): string {
  return error.replace(/^gave up after [^;]*; last error: /, '');
}

export function repeatedHandlerErrors(input: DetectiveInput, o: DetectiveOptions): Finding[] {
  const groups = new Map<string, DetectiveEvent[]>();
  for (const e of input.events) {
    const error = str(e.payload.error);
    const handler = str(e.payload.handler);
    if (!FAILURE_TOPICS.has(e.topic) || !error || !handler || LEASE_EXPIRED.test(causeOf(error))) continue;
    const k = `${handler}\u0000${errorSignature(error)}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  const findings: Finding[] = [];
  for (const [k, events] of groups) {
    if (events.length < o.repeatThreshold) continue;
    const handler = k.split('\u0000')[0]!;
    const sample = causeOf(String(events.at(-1)!.payload.error));
    const taskIds = [...new Set(events.map((e) => str(e.payload.taskId)).filter((x): x is string => x !== null))];
    const dead = events.filter((e) => e.topic === 'task.failed');
    const first = events[0]!.createdAt;
    const last = events.at(-1)!.createdAt;
    const journeyId = events.map((e) => str(e.payload.journeyId)).find((x) => x !== null) ?? null;
    findings.push({
      kind: 'repeated_handler_errors',
      severity: dead.length > 0 ? 'critical' : 'high',
      title: `Handler ${handler} failed ${events.length} times with the same error`,
      explanation:
        `The handler ${handler} failed ${plural(events.length, 'time')} between ${first} and ${last} with the error "${sample}", ` +
        `across ${plural(taskIds.length, 'task')}. ` +
        (dead.length > 0 ? `${plural(dead.length, 'task')} ran out of retries and went to the dead-letter list. ` : 'The tasks are still being retried. ') +
        'An error that repeats is a fault in the handler, its configuration or what it calls, not bad luck: retrying alone will not fix it.',
      evidence: events.map((e) => ({
        type: 'event' as const,
        id: String(e.id),
        shows: `${e.topic === 'task.failed' ? 'dead-lettered' : `attempt ${String(e.payload.attempt ?? '?')} failed`}: task ${String(e.payload.taskId ?? '?')} on ${handler}${str(e.payload.worker) ? ` (worker ${String(e.payload.worker)})` : ''} at ${e.createdAt}`,
      })),
      playbookId: 'handler-errors',
      about: { type: 'handler', id: handler },
      clientId: clientOfJourney(input, journeyId),
    });
  }
  return findings;
}

export function failedGates(input: DetectiveInput): Finding[] {
  const latest = new Map<string, (typeof input.validations)[number]>();
  for (const v of [...input.validations].sort((a, b) => a.id - b.id)) latest.set(`${v.journeyId}/${v.stage}/${v.targetStage}`, v);
  const findings: Finding[] = [];
  for (const v of latest.values()) {
    if (v.passed) continue; // a gate that failed and later passed is resolved
    const failing = v.checks.filter((c) => !c.passed);
    const facts = failing.map((c) => `${c.name} was ${c.actual_value === null ? 'not reported' : String(c.actual_value)}, expected ${c.expected_value}`);
    findings.push({
      kind: 'failed_gate',
      severity: 'medium',
      title: `Gate ${v.stage} → ${v.targetStage} failed on ${plural(failing.length, 'check')}`,
      explanation:
        `Journey ${v.journeyId} tried to move from ${v.stage} to ${v.targetStage} (event ${v.event}) at ${v.createdAt} and the gate refused: ` +
        `${facts.join('; ') || 'no check named'}. The journey stays in ${v.stage} until these metrics meet their criteria.`,
      evidence: [
        { type: 'validation', id: String(v.id), shows: `gate ${v.stage} → ${v.targetStage} failed at ${v.createdAt}` },
        ...failing.map((c) => ({ type: 'validation' as const, id: `${v.id}#${c.name}`, shows: `${c.name}: actual ${c.actual_value === null ? 'none' : String(c.actual_value)}, expected ${c.expected_value} — ${c.message}` })),
      ],
      playbookId: 'failed-gate',
      about: { type: 'journey', id: v.journeyId },
      clientId: clientOfJourney(input, v.journeyId),
    });
  }
  return findings;
}

export function expiredLeases(input: DetectiveInput): Finding[] {
  const byTask = new Map<string, { expired: DetectiveEvent[]; reclaimed: DetectiveEvent[] }>();
  for (const e of input.events) {
    const taskId = str(e.payload.taskId);
    if (!taskId) continue;
    if (FAILURE_TOPICS.has(e.topic) && LEASE_EXPIRED.test(causeOf(String(e.payload.error ?? '')))) {
      const g = byTask.get(taskId) ?? { expired: [], reclaimed: [] };
      g.expired.push(e);
      byTask.set(taskId, g);
    } else if (e.topic === 'task.started' && byTask.has(taskId)) {
      byTask.get(taskId)!.reclaimed.push(e);
    }
  }
  const findings: Finding[] = [];
  for (const [taskId, g] of byTask) {
    const workers = [...new Set(g.expired.map((e) => str(e.payload.worker)).filter((x): x is string => x !== null))];
    const handler = str(g.expired[0]!.payload.handler) ?? '?';
    const again = g.reclaimed[0];
    const journeyId = str(g.expired[0]!.payload.journeyId);
    findings.push({
      kind: 'expired_lease',
      severity: 'high',
      title: `Task ${taskId} lost its lease ${plural(g.expired.length, 'time')}: worker crash suspected`,
      explanation:
        `Task ${taskId} (handler ${handler}) was running on worker ${workers.join(', ') || '?'}, which stopped renewing its lease; ` +
        `the lease expired at ${g.expired[0]!.createdAt}` +
        (again ? ` and the task was claimed again by worker ${String(again.payload.worker ?? '?')} at ${again.createdAt}. ` : ' and the task was taken back. ') +
        'A worker that stops renewing was stopped, killed (out of memory?) or cut off from the database.',
      evidence: [
        ...g.expired.map((e) => ({ type: 'event' as const, id: String(e.id), shows: `lease of worker ${String(e.payload.worker ?? '?')} expired at ${e.createdAt}` })),
        ...g.reclaimed.map((e) => ({ type: 'event' as const, id: String(e.id), shows: `claimed again by worker ${String(e.payload.worker ?? '?')} at ${e.createdAt}` })),
      ],
      playbookId: 'worker-crash',
      about: { type: 'task', id: taskId },
      clientId: clientOfJourney(input, journeyId),
    });
  }
  return findings;
}

export function deadLetterGrowth(input: DetectiveInput, o: DetectiveOptions): Finding[] {
  const now = Date.parse(input.now);
  const byQueue = new Map<string, { current: DetectiveTask[]; previous: number }>();
  for (const t of input.tasks) {
    if (!t.deadLetteredAt || t.status !== 'failed') continue;
    const age = now - Date.parse(t.deadLetteredAt);
    const g = byQueue.get(t.handler) ?? { current: [], previous: 0 };
    if (age >= 0 && age < o.windowMs) g.current.push(t);
    else if (age >= o.windowMs && age < 2 * o.windowMs) g.previous++;
    byQueue.set(t.handler, g);
  }
  const minutes = Math.round(o.windowMs / 60_000);
  const findings: Finding[] = [];
  for (const [queue, g] of byQueue) {
    if (g.current.length < o.growthThreshold || g.current.length <= g.previous) continue;
    findings.push({
      kind: 'dead_letter_growth',
      severity: g.current.length >= 10 ? 'critical' : 'high',
      title: `Dead letters of queue ${queue} rising: ${g.current.length} in the last ${minutes} minutes`,
      explanation:
        `${plural(g.current.length, 'task')} of queue ${queue} went to the dead-letter list in the last ${minutes} minutes, against ${g.previous} in the ${minutes} minutes before. ` +
        'Work is failing faster than it is handled; find the common error before retrying them all.',
      evidence: g.current.map((t) => ({ type: 'task' as const, id: t.id, shows: `dead-lettered at ${t.deadLetteredAt} after ${plural(t.totalAttempts, 'attempt')}: ${t.lastError ?? 'no error recorded'}` })),
      playbookId: 'dead-letter-growth',
      about: { type: 'queue', id: queue },
      clientId: null,
    });
  }
  return findings;
}

export function slaFindings(input: DetectiveInput): Finding[] {
  const findings: Finding[] = [];
  for (const t of input.tickets) {
    const breached = t.clocks.filter((c) => c.status === 'breached');
    const warned = t.clocks.filter((c) => c.status === 'running' && (c.warnedAt !== null || c.fraction >= c.warningFraction));
    if (breached.length === 0 && warned.length === 0) continue;
    const isBreach = breached.length > 0;
    const clocks = isBreach ? breached : warned;
    findings.push({
      kind: isBreach ? 'sla_breach' : 'sla_warning',
      severity: isBreach ? 'critical' : 'medium',
      title: `Ticket ${t.id} ${isBreach ? 'breached' : 'is at risk of breaching'} its SLA (${clocks.map((c) => c.metric).join(', ')})`,
      explanation:
        `Ticket ${t.id} "${t.subject}" (status ${t.status}${t.clientId ? `, client ${t.clientId}` : ''}) ` +
        clocks.map((c) => (isBreach ? `breached its ${c.metric} target at ${c.breachedAt ?? '?'}` : `has used ${Math.round(c.fraction * 100)}% of its ${c.metric} time (warning at ${Math.round(c.warningFraction * 100)}%)`)).join(' and ') +
        '.',
      evidence: [{ type: 'ticket', id: t.id, shows: clocks.map((c) => `${c.metric}: ${c.status}, ${Math.round(c.fraction * 100)}% of the time used`).join('; ') }],
      playbookId: 'sla-breach',
      about: { type: 'ticket', id: t.id },
      clientId: t.clientId,
    });
  }
  return findings;
}

export function rollbacks(input: DetectiveInput): Finding[] {
  const findings: Finding[] = [];
  for (const e of input.events) {
    if (e.topic !== 'agent.rolled_back') continue;
    const agent = str(e.payload.agent) ?? '?';
    const automatic = e.payload.automatic === true;
    findings.push({
      kind: 'canary_rolled_back',
      severity: 'high',
      title: `Agent ${agent} was rolled back${automatic ? ' automatically' : ''}`,
      explanation: `The rollout of agent ${agent} was rolled back at ${e.createdAt}${automatic ? ' by the canary guard' : ` by ${String(e.payload.actor ?? '?')}`}: ${str(e.payload.reason) ?? 'no reason recorded'}. Tasks run on the previous version again.`,
      evidence: [{ type: 'event', id: String(e.id), shows: `agent.rolled_back: ${str(e.payload.reason) ?? ''}` }],
      playbookId: 'canary-rollback',
      about: { type: 'agent', id: agent },
      clientId: null,
    });
  }
  for (const r of input.rollbacks) {
    findings.push({
      kind: 'journey_rolled_back',
      severity: 'medium',
      title: `Journey ${r.journeyId} rolled back from ${r.fromStage}`,
      explanation: `Journey ${r.journeyId} was rolled back from ${r.fromStage} to ${r.target} at ${r.startedAt}${r.automatic ? ' automatically' : ''}: ${r.reason}.`,
      evidence: [{ type: 'rollback', id: String(r.id), shows: `${r.fromStage} → ${r.target}: ${r.reason}` }],
      playbookId: 'canary-rollback',
      about: { type: 'journey', id: r.journeyId },
      clientId: clientOfJourney(input, r.journeyId),
    });
  }
  return findings;
}

export function stuckJourneys(input: DetectiveInput, o: DetectiveOptions): Finding[] {
  const now = Date.parse(input.now);
  const findings: Finding[] = [];
  for (const j of input.journeys) {
    if (j.status !== 'active') continue;
    const open = input.tasks.filter((t) => t.journeyId === j.journeyId && (t.status === 'pending' || t.status === 'running'));
    const idleMs = now - Date.parse(j.stageStartedAt);
    if (open.length > 0 || idleMs < o.stuckAfterMs) continue;
    const dead = input.tasks.filter((t) => t.journeyId === j.journeyId && t.deadLetteredAt !== null && t.status === 'failed');
    findings.push({
      kind: 'stuck_journey',
      severity: dead.length > 0 ? 'high' : 'medium',
      title: `Journey ${j.journeyId} is stuck in ${j.currentStage}`,
      explanation:
        `Journey ${j.journeyId} (client ${j.clientId}) entered ${j.currentStage} at ${j.stageStartedAt}, ${Math.floor(idleMs / 60_000)} minutes ago, and has no pending or running task: nothing will move it on its own. ` +
        (dead.length > 0 ? `${plural(dead.length, 'task')} of it are in the dead-letter list.` : 'It waits for an event or a signal.'),
      evidence: [
        { type: 'journey', id: j.journeyId, shows: `active in ${j.currentStage} since ${j.stageStartedAt}, no open task` },
        ...dead.map((t): Evidence => ({ type: 'task', id: t.id, shows: `dead-lettered: ${t.lastError ?? 'no error recorded'}` })),
      ],
      playbookId: 'stuck-journey',
      about: { type: 'journey', id: j.journeyId },
      clientId: j.clientId,
    });
  }
  return findings;
}

function clientOfJourney(input: DetectiveInput, journeyId: string | null): string | null {
  if (!journeyId) return null;
  return input.journeys.find((j) => j.journeyId === journeyId)?.clientId ?? null;
}

/** Every rule over the facts, most severe first. */
export function investigate(input: DetectiveInput): Finding[] {
  const o = { ...DEFAULT_DETECTIVE_OPTIONS, ...input.options };
  return bySeverity([
    ...slaFindings(input),
    ...repeatedHandlerErrors(input, o),
    ...deadLetterGrowth(input, o),
    ...expiredLeases(input),
    ...failedGates(input),
    ...rollbacks(input),
    ...stuckJourneys(input, o),
  ]);
}

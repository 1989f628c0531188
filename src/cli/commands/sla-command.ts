// `ow sla policies|clocks|channels|alerts …`: the SLA monitor from the terminal, through a server
// (--server) or directly on the store; --json for scripts.
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { formatDuration } from '../../core/sla/alert-message';
import type { Runtime } from '../../engine/runtime';
import { clocksAtRisk } from '../../engine/sla-views';
import { apiRequest } from '../api-client';
import { CliError } from '../cli-error';
import { globalsOf, localPrincipal, outOf, remoteTarget, withLocalRuntime } from '../context';

type Row = Record<string, unknown>;

/** Runs through the server when --server is given, else on the local store. */
async function call<T>(cmd: Command, method: string, path: string, local: (rt: Runtime) => Promise<unknown>, body?: unknown): Promise<T> {
  const g = globalsOf(cmd);
  const remote = remoteTarget(g);
  return remote ? apiRequest<T>(remote, method, path, body) : ((await withLocalRuntime(g, 'sla', local)) as T);
}

/** Table cells are text or numbers. */
function cells(rows: Row[]): Array<Record<string, string | number>> {
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? '' : typeof v === 'number' ? v : String(v)])));
}

async function readJson(file: string): Promise<Row> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`, 2);
  }
  try {
    return JSON.parse(text) as Row;
  } catch (err) {
    throw new CliError(`${file} is not valid JSON: ${(err as Error).message}`, 2);
  }
}

export function slaCommand(): Command {
  const sla = new Command('sla').description('SLA policies, clocks, alert channels and alerts');
  const actor = () => localPrincipal().name;

  const policies = sla.command('policies').description('SLA policies (versioned)');
  policies.command('list').description('list SLA policies').action(async (_o: unknown, cmd: Command) => {
    const { items } = await call<{ items: Row[] }>(cmd, 'GET', 'api/sla-policies', async (rt) => ({ items: await rt.sla.config.listPolicies() }));
    outOf(cmd).data({ items }, () => outOf(cmd).table(cells(items.map((p) => ({ id: p.id, version: p.version, name: p.name, default: p.isDefault ? 'yes' : '', calendar: p.calendarId, escalation: p.escalationPolicyId ?? '-', warning: `${String(p.warningPercent)} %` }))), ['id', 'version', 'name', 'default', 'calendar', 'escalation', 'warning']));
  });
  // Not --version: commander reads that as the program's own flag anywhere on the line and prints ow's version.
  policies.command('show').argument('<id>').option('--policy-version <n>', 'a given version').description('show one policy').action(async (id: string, o: { policyVersion?: string }, cmd: Command) => {
    const v = o.policyVersion === undefined ? undefined : Number(o.policyVersion);
    if (v !== undefined && (!Number.isInteger(v) || v < 1)) throw new CliError('--policy-version takes a positive integer', 2);
    const p = await call<Row>(cmd, 'GET', `api/sla-policies/${encodeURIComponent(id)}${v ? `?version=${v}` : ''}`, (rt) => rt.sla.config.getPolicy(id, v));
    outOf(cmd).data(p, () => outOf(cmd).line(JSON.stringify(p, null, 2)));
  });
  policies.command('save').argument('<id>').requiredOption('--file <policy.json>', 'the policy as JSON').option('--create', 'create a new policy (else write the next version)').description('create a policy or write its next version').action(async (id: string, o: { file: string; create?: boolean }, cmd: Command) => {
    const body = await readJson(o.file);
    const saved = o.create
      ? await call<Row>(cmd, 'POST', 'api/sla-policies', (rt) => rt.sla.config.savePolicy(id, body, actor(), false), { id, ...body })
      : await call<Row>(cmd, 'PUT', `api/sla-policies/${encodeURIComponent(id)}`, (rt) => rt.sla.config.savePolicy(id, body, actor(), true), body);
    outOf(cmd).data(saved, () => outOf(cmd).line(`Saved SLA policy ${id} version ${String(saved.version)}.`));
  });

  sla.command('clocks').description('open SLA clocks, soonest breach first').option('--limit <n>', 'how many', '50').action(async (o: { limit: string }, cmd: Command) => {
    const limit = Number(o.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError('--limit takes 1–500', 2);
    const r = await call<{ open: number; items: Row[] }>(cmd, 'GET', `api/sla/clocks?limit=${limit}`, (rt) => clocksAtRisk(rt.db, rt.clock.now().getTime(), limit));
    outOf(cmd).data(r, () => {
      outOf(cmd).line(`${r.open} open clock(s)`);
      outOf(cmd).table(cells(r.items.map((c) => ({ ticket: c.ticketId, metric: c.metric, priority: c.priority, status: c.status, left: Number(c.remainingMs) >= 0 ? formatDuration(Number(c.remainingMs)) : `overdue ${formatDuration(Number(c.remainingMs))}`, breach: c.breachAt ?? '-' }))), ['ticket', 'metric', 'priority', 'status', 'left', 'breach']);
    });
  });

  const channels = sla.command('channels').description('alert channels (Slack, e-mail, signed webhook)');
  channels.command('list').description('list channels with their failures').action(async (_o: unknown, cmd: Command) => {
    const { items } = await call<{ items: Row[] }>(cmd, 'GET', 'api/alert-channels', async (rt) => ({ items: await rt.sla.channels.list() }));
    outOf(cmd).data({ items }, () => outOf(cmd).table(cells(items.map((c) => ({ id: c.id, kind: c.kind, name: c.name, enabled: c.enabled ? 'yes' : 'no', failed: c.failed }))), ['id', 'kind', 'name', 'enabled', 'failed']));
  });
  channels.command('add').requiredOption('--file <channel.json>', 'the channel as JSON ({"kind":"slack","name":…,"webhookUrl":…})').description('add a channel (admin)').action(async (o: { file: string }, cmd: Command) => {
    const body = await readJson(o.file);
    const c = await call<Row>(cmd, 'POST', 'api/alert-channels', (rt) => rt.sla.channels.create(body, actor()), body);
    outOf(cmd).data(c, () => outOf(cmd).line(`Added ${String(c.kind)} channel ${String(c.id)} "${String(c.name)}".`));
  });
  channels.command('test').argument('<id>').description('send a test alert now').action(async (id: string, _o: unknown, cmd: Command) => {
    const d = await call<Row>(cmd, 'POST', `api/alert-channels/${encodeURIComponent(id)}/test`, (rt) => rt.sla.channels.sendTest(id, actor()));
    outOf(cmd).data(d, () => outOf(cmd).line(d.status === 'sent' ? `Sent through ${String(d.channelName)}.` : `Not sent (${String(d.lastError)}); ${d.status === 'pending' ? 'will retry' : 'failed'}.`));
    if (d.status !== 'sent') process.exitCode = 1;
  });

  const alerts = sla.command('alerts').description('alerts and their deliveries');
  alerts.command('list').option('--ticket <id>', 'one ticket').option('--limit <n>', 'how many', '50').description('alerts, newest first').action(async (o: { ticket?: string; limit: string }, cmd: Command) => {
    const limit = Number(o.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError('--limit takes 1–500', 2);
    const q = `api/alerts?limit=${limit}${o.ticket ? `&ticketId=${encodeURIComponent(o.ticket)}` : ''}`;
    const { items } = await call<{ items: Row[] }>(cmd, 'GET', q, async (rt) => ({ items: await rt.sla.channels.alerts({ limit, ...(o.ticket ? { ticketId: o.ticket } : {}) }) }));
    outOf(cmd).data({ items }, () => outOf(cmd).table(cells(items.map((a) => ({ raised: a.raisedAt, ticket: a.ticketId ?? '-', metric: a.metric ?? '-', threshold: a.threshold, suppressed: a.suppressedReason ?? '', deliveries: (a.deliveries as Row[]).map((d) => `${String(d.channelName)}:${String(d.status)}`).join(' ') }))), ['raised', 'ticket', 'metric', 'threshold', 'suppressed', 'deliveries']));
  });
  alerts.command('retry').argument('<deliveryId>').description('queue a failed delivery again').action(async (id: string, _o: unknown, cmd: Command) => {
    const d = await call<Row>(cmd, 'POST', `api/alert-deliveries/${encodeURIComponent(id)}/retry`, (rt) => rt.sla.channels.retry(id, actor(), () => rt.sla.rearm()));
    outOf(cmd).data(d, () => outOf(cmd).line(`Delivery ${id} queued again.`));
  });
  return sla;
}

// `ow dead-letter list|retry|purge`: dead letters by queue, journey and error text; retry one, or all
// matching (--all); purge matching ones with --confirm (queue name or count) and --reason. --dry-run
// shows what would be touched; OW_READ_ONLY refuses a purge.
import { Command } from 'commander';
import { loadConfig } from '../../config';
import type { DeadLetterFilter } from '../../core/ops/purge-plan';
import type { BulkOutcome } from '../../engine/dead-letter-service';
import type { TaskRecord } from '../../store/task-repo';
import { apiRequest } from '../api-client';
import { CliError } from '../cli-error';
import { globalsOf, localPrincipal, outOf, remoteTarget, withLocalRuntime } from '../context';

interface FilterOpts {
  queue?: string;
  journey?: string;
  error?: string;
}

function filterOf(o: FilterOpts): DeadLetterFilter {
  return { ...(o.queue !== undefined ? { queue: o.queue } : {}), ...(o.journey !== undefined ? { journey: o.journey } : {}), ...(o.error !== undefined ? { error: o.error } : {}) };
}

function withFilterOptions(c: Command): Command {
  return c.option('--queue <name>', 'only this queue (task handler)').option('--journey <id>', 'only tasks of this journey').option('--error <text>', 'only dead letters whose last error contains this text');
}

function query(f: DeadLetterFilter): string {
  const p = new URLSearchParams(Object.entries(f) as Array<[string, string]>);
  return p.toString();
}

function printBulk(out: ReturnType<typeof outOf>, r: BulkOutcome, verb: string): void {
  out.data(r, () => {
    if (r.dryRun) {
      out.line(`Dry run: ${r.matched} dead letter(s) would be ${verb}; nothing changed.`);
      if (verb === 'purged') out.line(`To purge them, pass --confirm ${r.confirmWith.map((c) => `"${c}"`).join(' or --confirm ')} and --reason.`);
    } else out.line(`${r.changed} dead letter(s) ${verb}${r.purgeId ? ` (purge ${r.purgeId})` : ''}.`);
    if (r.sample.length > 0) out.table(r.sample.map((s) => ({ task: s.id, queue: s.queue, attempts: s.attempts, error: s.lastError })), ['task', 'queue', 'attempts', 'error']);
  });
}

export function deadLetterCommand(): Command {
  const dl = new Command('dead-letter').description('dead letters: tasks whose retries were spent');

  withFilterOptions(dl.command('list').description('list dead letters, newest first'))
    .option('--limit <n>', 'how many', '50')
    .action(async (opts: FilterOpts & { limit: string }, cmd: Command) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError(`--limit: "${opts.limit}" is not a whole number from 1 to 500`, 2);
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const f = filterOf(opts);
      const remote = remoteTarget(g);
      const page: { items: TaskRecord[]; total: number } = remote
        ? await apiRequest<{ items: TaskRecord[]; total: number }>(remote, 'GET', `api/dead-letters?${query(f)}&limit=${limit}`)
        : await withLocalRuntime(g, 'dead-letter', (rt) => rt.deadLetters.list({ ...f, limit }));
      out.data(page, () => {
        out.line(`${page.total} dead letter(s)${page.items.length < page.total ? `, newest ${page.items.length} shown` : ''}.`);
        if (page.items.length > 0) out.table(page.items.map((t) => ({ task: t.id, queue: t.handler, journey: t.journeyId, attempts: t.totalAttempts, when: t.deadLetteredAt, error: t.lastError })), ['task', 'queue', 'journey', 'attempts', 'when', 'error']);
      });
    });

  withFilterOptions(dl.command('retry').description('run a dead letter again (by id), or all matching the filter (--all)'))
    .argument('[id]', 'task id')
    .option('--all', 'retry every dead letter matching the filter, in one change')
    .option('--dry-run', 'show what would be retried, change nothing')
    .action(async (id: string | undefined, opts: FilterOpts & { all?: boolean; dryRun?: boolean }, cmd: Command) => {
      if ((id === undefined) === (opts.all !== true)) throw new CliError('give a task id, or --all (with optional --queue/--journey/--error), not both', 2);
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const remote = remoteTarget(g);
      if (id !== undefined) {
        const t: TaskRecord = remote
          ? await apiRequest<TaskRecord>(remote, 'POST', `api/dead-letters/${encodeURIComponent(id)}/retry`)
          : await withLocalRuntime(g, 'dead-letter', (rt) => rt.deadLetters.retryOne(id, localPrincipal().name));
        out.data(t, () => out.line(`Task ${t.id} is ${t.status} again.`));
        return;
      }
      const body = { filter: filterOf(opts) };
      const r: BulkOutcome = remote
        ? await apiRequest<BulkOutcome>(remote, 'POST', `api/dead-letters/retry${opts.dryRun ? '?dryRun=true' : ''}`, body)
        : await withLocalRuntime(g, 'dead-letter', (rt) => rt.deadLetters.retryAll(body, localPrincipal().name, { dryRun: opts.dryRun === true, readOnly: loadConfig({}).readOnly }));
      printBulk(out, r, 'retried');
    });

  withFilterOptions(dl.command('purge').description('purge the dead letters matching the filter (kept in the purge trail)'))
    .option('--confirm <text>', 'the queue name (with --queue) or the number of dead letters that match')
    .option('--reason <text>', 'why they are purged (recorded with them and in the audit log)')
    .option('--dry-run', 'show what would be purged and what to confirm with, change nothing')
    .action(async (opts: FilterOpts & { confirm?: string; reason?: string; dryRun?: boolean }, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const remote = remoteTarget(g);
      const body = { filter: filterOf(opts), ...(opts.confirm !== undefined ? { confirm: opts.confirm } : {}), ...(opts.reason !== undefined ? { reason: opts.reason } : {}) };
      const r: BulkOutcome = remote
        ? await apiRequest<BulkOutcome>(remote, 'POST', `api/dead-letters/purge${opts.dryRun ? '?dryRun=true' : ''}`, body)
        : await withLocalRuntime(g, 'dead-letter', (rt) => rt.deadLetters.purge(body, localPrincipal().name, { dryRun: opts.dryRun === true, readOnly: loadConfig({}).readOnly }));
      printBulk(out, r, 'purged');
    });

  return dl;
}

// `ow queue list|show`: work queues with depth, oldest age, throughput and failure rate, through a
// server or directly on the store.
import { Command } from 'commander';
import type { QueueDetail, QueueOverview } from '../../engine/queue-service';
import { apiRequest } from '../api-client';
import { CliError } from '../cli-error';
import { globalsOf, outOf, remoteTarget, withLocalRuntime } from '../context';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)} %`);
const age = (ms: number) => (ms === 0 ? '—' : ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

function row(q: QueueOverview): Record<string, string | number> {
  return { queue: q.name, depth: q.depth, waiting: q.waiting, running: q.running, oldest: age(q.oldestAgeMs), 'dead letters': q.deadLetters, 'done/h': q.lastHour.completed, 'failed/h': q.lastHour.failed, 'failure rate': pct(q.lastHour.failureRate) };
}

export function queueCommand(): Command {
  const queue = new Command('queue').description('work queues: depth, oldest age, throughput, failure rate');

  queue
    .command('list')
    .description('every queue with its figures (last hour for throughput and failure rate)')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const remote = remoteTarget(g);
      const items = remote ? (await apiRequest<{ items: QueueOverview[] }>(remote, 'GET', 'api/queues')).items : await withLocalRuntime(g, 'queue', (rt) => rt.queues.list());
      out.data({ items }, () => {
        if (items.length === 0) out.line('No queue has tasks yet.');
        else out.table(items.map(row), ['queue', 'depth', 'waiting', 'running', 'oldest', 'dead letters', 'done/h', 'failed/h', 'failure rate']);
      });
    });

  queue
    .command('show')
    .description('one queue with its per-minute history')
    .argument('<name>', 'queue (task handler) name')
    .option('--minutes <n>', 'minutes of history', '30')
    .action(async (name: string, opts: { minutes: string }, cmd: Command) => {
      const minutes = Number(opts.minutes);
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > 10_080) throw new CliError(`--minutes: "${opts.minutes}" is not a whole number from 1 to 10080`, 2);
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const remote = remoteTarget(g);
      const q = remote
        ? await apiRequest<QueueDetail>(remote, 'GET', `api/queues/${encodeURIComponent(name)}?minutes=${minutes}`)
        : await withLocalRuntime(g, 'queue', (rt) => rt.queues.get(name, minutes));
      out.data(q, () => {
        out.table([row(q)], ['queue', 'depth', 'waiting', 'running', 'oldest', 'dead letters', 'done/h', 'failed/h', 'failure rate']);
        out.line('');
        out.table(q.series.filter((p) => p.depth > 0 || p.completed > 0 || p.failed > 0).map((p) => ({ minute: p.at, depth: p.depth, completed: p.completed, failed: p.failed, 'failure rate': pct(p.failureRate) })), ['minute', 'depth', 'completed', 'failed', 'failure rate']);
      });
    });

  return queue;
}

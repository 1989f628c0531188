// One worker process of the queue comparison (bench/queue-compare.bench.ts) for pg-boss or
// graphile-worker, configured as their docs recommend for throughput: it runs no-op jobs until
// the parent asks for its report (handler start instants and enqueue → start latencies) over IPC.
import { run, type Runner } from 'graphile-worker';
import PgBoss from 'pg-boss';

const [system, url, concurrencyArg] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
if (!url || !Number.isInteger(concurrency) || concurrency < 1) throw new Error('usage: queue-compare-worker <pg-boss|graphile-worker> <url> <concurrency>');

/** Handler start instants (ms since epoch) and enqueue → start latencies (ms) of the current phase. */
let starts: number[] = [];
let latencies: number[] = [];

function started(createdAt: Date | string): void {
  const now = Date.now();
  starts.push(now);
  latencies.push(now - new Date(createdAt).getTime());
}

let stop: () => Promise<void>;
if (system === 'pg-boss') {
  const boss = new PgBoss({ connectionString: url, max: Math.max(4, concurrency) });
  boss.on('error', () => undefined);
  await boss.start();
  // pg-boss 10 has no per-worker concurrency: one worker fetches `batchSize` jobs per poll and the
  // handler runs them side by side, so `concurrency` jobs are in flight; 0.5 s is its shortest poll.
  await boss.work('noop', { batchSize: concurrency, pollingIntervalSeconds: 0.5, includeMetadata: true }, async (jobs) => {
    for (const j of jobs) started((j as unknown as { createdOn: Date }).createdOn);
    await Promise.all(jobs.map(async () => undefined));
  });
  stop = () => boss.stop({ graceful: false, wait: true });
} else if (system === 'graphile-worker') {
  const runner: Runner = await run({
    connectionString: url,
    concurrency,
    noHandleSignals: true,
    // LISTEN/NOTIFY wakes it on new jobs; the poll only covers future-dated jobs.
    pollInterval: 2_000,
    taskList: {
      noop: async (_payload, helpers) => {
        started(helpers.job.created_at);
      },
    },
    // Batching as in https://worker.graphile.org/docs/performance: a local queue of fetched jobs and group-completed jobs.
    preset: { worker: { localQueue: { size: concurrency * 4 }, completeJobBatchDelay: 0 } },
  });
  stop = () => runner.stop();
} else {
  throw new Error(`unknown system ${system}`);
}

process.on('message', (msg: unknown) => {
  if (msg === 'report') {
    process.send?.({ starts, latencies });
    starts = [];
    latencies = [];
  } else if (msg === 'stop') {
    void stop().finally(() => process.exit(0));
  }
});
process.send?.('ready');

// Renders many patterns' artifacts on worker threads (the export, import and `ow pattern render` of a
// directory, the render bench): a pool sized to the machine's cores takes chunks of patterns in
// turn; each pattern is rendered by the same pure function as one at a time, results in input order.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ArtifactOptions } from '../core/ows/artifacts';
import type { Pattern } from '../core/ows/schema';
import type { ChunkResult, RenderChunk } from './render-worker';

export interface RenderPoolOptions {
  /** Worker threads (default: `os.availableParallelism()`). */
  threads?: number;
  /** Patterns per hand-out (default 16): small enough to balance, large enough to amortise messages. */
  chunkSize?: number;
}

type Files = Record<string, string>;

/**
 * Starts a worker on the render-worker module. From TypeScript sources (tsx, `ow`, vitest) the
 * worker goes through a bootstrap that registers tsx's loader first; from compiled JavaScript the
 * entry starts directly.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  const fromSources = /\.[cm]?ts$/.test(new URL(here).pathname);
  // The worker starts from a file: `--input-type` inherited from a `node -e` parent would refuse it.
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
  return new Worker(new URL(fromSources ? './render-worker-tsx.mjs' : './render-worker.js', here), { execArgv });
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
}

export class RenderPool {
  readonly threads: number;
  private readonly chunkSize: number;
  private slots: Slot[] | undefined;
  private nextId = 0;

  constructor(options: RenderPoolOptions = {}) {
    this.threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
    this.chunkSize = Math.max(1, Math.floor(options.chunkSize ?? 16));
  }

  /** Starts the workers (idempotent); resolves once each has loaded the renderer. */
  async start(): Promise<void> {
    this.slots ??= Array.from({ length: this.threads }, () => {
      const worker = startWorker();
      // An idle pool must not keep the process alive.
      worker.unref();
      const ready = new Promise<void>((resolve, reject) => {
        const onMessage = (m: unknown) => {
          if ((m as { ready?: boolean }).ready !== true) return;
          worker.off('message', onMessage);
          worker.off('error', reject);
          resolve();
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
      });
      return { worker, ready };
    });
    await Promise.all(this.slots.map((s) => s.ready));
  }

  /** Every pattern's files, in the order given; a pattern that fails to render rejects the whole call. */
  async render(patterns: readonly Pattern[], options: ArtifactOptions): Promise<Files[]> {
    await this.start();
    const slots = this.slots as Slot[];
    const out: Files[] = new Array<Files>(patterns.length);
    let next = 0;
    const run = (slot: Slot): Promise<void> =>
      new Promise<void>((resolve, reject) => {
        const { worker } = slot;
        // Chunks handed to this worker and not yet answered, by id. Two in flight keep the worker busy
        // while the main thread takes in the previous chunk's files (one at a time left it idle ~10 %).
        const inFlight = new Map<number, number>();
        const handOut = () => {
          if (next >= patterns.length) return;
          const from = next;
          next = Math.min(patterns.length, next + this.chunkSize);
          const id = this.nextId++;
          inFlight.set(id, from);
          worker.postMessage({ id, patterns: patterns.slice(from, next), options } satisfies RenderChunk);
        };
        const onMessage = (result: ChunkResult) => {
          const from = inFlight.get(result.id);
          if (from === undefined) return;
          inFlight.delete(result.id);
          if ('error' in result) {
            cleanup();
            reject(new Error(`rendering patterns ${from}…: ${result.error}`));
            return;
          }
          result.files.forEach((files, i) => {
            out[from + i] = files;
          });
          handOut();
          if (inFlight.size === 0) {
            cleanup();
            resolve();
          }
        };
        const onError = (e: Error) => {
          cleanup();
          reject(e);
        };
        const cleanup = () => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.unref();
        };
        worker.ref();
        worker.on('message', onMessage);
        worker.on('error', onError);
        handOut();
        handOut();
        if (inFlight.size === 0) {
          cleanup();
          resolve();
        }
      });
    await Promise.all(slots.map(run));
    return out;
  }

  async close(): Promise<void> {
    const slots = this.slots ?? [];
    this.slots = undefined;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

/** Renders on a pool started for this call and closed after it. */
export async function renderInPool(patterns: readonly Pattern[], options: ArtifactOptions, poolOptions: RenderPoolOptions = {}): Promise<Files[]> {
  const pool = new RenderPool({ ...poolOptions, threads: Math.min(poolOptions.threads ?? availableParallelism(), Math.max(1, patterns.length)) });
  try {
    return await pool.render(patterns, options);
  } finally {
    await pool.close();
  }
}

// Keeps this process registered as a worker with a heartbeat, so others can see who is alive.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../store/db';
import { heartbeatWorker, listWorkers, registerWorker, stopWorker, type WorkerRecord } from '../store/workers-repo';
import type { Clock } from './clock';

export const HEARTBEAT_MS = 5_000;
/** A worker whose heartbeat is older than this is considered gone. */
export const WORKER_TTL_MS = 20_000;

export class WorkerRegistration {
  readonly id = `wrk_${randomBytes(6).toString('hex')}`;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    readonly kind: 'serve' | 'worker',
    readonly name: string = `${kind}@${hostname()}:${process.pid}`,
  ) {}

  async start(): Promise<void> {
    await registerWorker(this.db, { id: this.id, name: this.name, host: hostname(), pid: process.pid, kind: this.kind }, this.clock.now());
    this.timer = setInterval(() => {
      heartbeatWorker(this.db, this.id, this.clock.now()).catch(() => undefined);
    }, HEARTBEAT_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await stopWorker(this.db, this.id, this.clock.now()).catch(() => undefined);
  }
}

export function aliveWorkers(db: Db, clock: Clock): Promise<WorkerRecord[]> {
  return listWorkers(db, new Date(clock.now().getTime() - WORKER_TTL_MS));
}

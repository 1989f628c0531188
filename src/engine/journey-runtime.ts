// The journey engine of one process, as one field of the Runtime: definitions, journeys, tasks,
// handlers, timers and — in `ow serve` and `ow worker` — the task loop that runs them.
import type { Db } from '../store/db';
import type { StoredEvent } from '../store/events-repo';
import type { Clock } from './clock';
import { HandlerRegistry } from './handlers/handler-registry';
import { JourneyDefinitions } from './journey-definitions';
import { JourneyService } from './journey-service';
import { JourneyTimers } from './journey-timers';
import { JourneyViews } from './journey-views';
import { TaskService } from './task-service';
import { TaskWorker, workerOptionsFromEnv, type TaskWorkerOptions } from './task-worker';

export interface JourneyRuntimeOptions {
  db: Db;
  clock: Clock;
  /** serve and worker run the task loop; the CLI only reads and changes state. */
  kind: 'serve' | 'worker' | 'cli';
  onEvents: (events: StoredEvent[]) => void;
  worker?: Partial<TaskWorkerOptions>;
  env?: NodeJS.ProcessEnv;
}

export class JourneyRuntime {
  readonly handlers: HandlerRegistry;
  readonly definitions: JourneyDefinitions;
  readonly journeys: JourneyService;
  readonly views: JourneyViews;
  readonly tasks: TaskService;
  readonly timers: JourneyTimers;
  /** Present in processes that run tasks. */
  readonly worker: TaskWorker | undefined;

  constructor(opts: JourneyRuntimeOptions) {
    const { db, clock, onEvents } = opts;
    this.handlers = new HandlerRegistry(db);
    this.definitions = new JourneyDefinitions(db, clock, this.handlers, () => onEvents([]));
    this.journeys = new JourneyService(db, clock, this.definitions, this.handlers, onEvents);
    this.views = new JourneyViews(db, clock, this.definitions);
    this.tasks = new TaskService(db, clock, this.definitions, this.handlers, onEvents);
    this.timers = new JourneyTimers(db, clock, this.definitions, onEvents);
    this.worker = opts.kind === 'cli' ? undefined : new TaskWorker(db, clock, this.handlers, this.definitions, this.timers, workerOptionsFromEnv(opts.env ?? process.env, opts.worker), onEvents);
  }

  async start(): Promise<void> {
    await this.definitions.ensureBuiltins();
    await this.worker?.start();
  }

  async stop(): Promise<void> {
    await this.worker?.stop();
  }
}

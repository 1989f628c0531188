// The task loop every `ow serve` and `ow worker` runs: claim ready tasks in batches (SKIP LOCKED),
// run them through their handlers under a lease renewed by heartbeat, commit each result with its
// events; sweep leases of crashed workers; fire due timers. NOTIFY wakes it; a poll covers the rest.
import { TASK_TOPICS } from '../core/journey/topics';
import type { Db } from '../store/db';
import type { AuditEntry } from '../store/audit-repo';
import type { NewEvent, StoredEvent } from '../store/events-repo';
import { lockJourney } from '../store/journey-states-repo';
import { TASKS_CHANNEL } from '../store/task-plans';
import { claimTasksWithEvents, expiredLeases, lockTask, nextDueAt, notifyTasksReady, releaseLeases, releaseUnstarted, renewLeases, type TaskRecord } from '../store/task-repo';
import type { Clock } from './clock';
import type { HandlerRegistry } from './handlers/handler-registry';
import type { JourneyDefinitions } from './journey-definitions';
import type { JourneyTimers } from './journey-timers';
import { runAttempt } from './task-attempt';
import { CompletionBatcher, completesAlone } from './task-batch-complete';
import { timeOutOverdueHumanTasks } from './task-human-due';
import { commitEngineChange, retryOnConflict } from './task-commit';
import { commitFailure, commitSuccess, taskEventKey, taskEventPayload } from './task-outcomes';
import { recomputeUnits } from './task-units';
import type { TaskWorkerOptions } from './task-worker-options';

export { workerOptionsFromEnv, type TaskWorkerOptions } from './task-worker-options';

interface InFlight {
  task: TaskRecord;
  controller: AbortController;
  /** Set when the lease was lost or the worker stops: the result must not be committed. */
  abandoned: boolean;
  /** The handler finished and its result is being committed: the slot is free for the next task. */
  committing: boolean;
  done: Promise<void>;
}

/** Journeys whose expired leases one sweep takes back at the same time (one transaction each). */
const SWEEP_PARALLEL = 4;

/** A prefetched task: claimed under this worker's lease, waiting for a free slot. */
interface Buffered {
  task: TaskRecord;
  claimedAt: number;
}

export interface WorkerStats {
  claimed: number;
  /** Prefetched tasks given back unstarted (they waited longer than the prefetch TTL). */
  returned: number;
  completed: number;
  retried: number;
  deadLettered: number;
  leasesLost: number;
  swept: number;
  timersFired: number;
  humanTimedOut: number;
  errors: number;
}

export class TaskWorker {
  readonly stats: WorkerStats = { claimed: 0, returned: 0, completed: 0, retried: 0, deadLettered: 0, leasesLost: 0, swept: 0, timersFired: 0, humanTimedOut: 0, errors: 0 };
  private readonly inFlight = new Map<string, InFlight>();
  private buffer: Buffered[] = [];
  /** Handlers running now (inFlight also holds results being committed): what concurrency limits. */
  private handlersRunning = 0;
  /** Set when prefetched tasks went stale (slots stay busy): no prefetching until a handler ends. */
  private prefetchPaused = false;
  private running = false;
  private pumping: Promise<void> | undefined;
  private again = false;
  private timers: NodeJS.Timeout[] = [];
  private dueTimer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private sweeping = false;
  private readonly completions: CompletionBatcher;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly handlers: HandlerRegistry,
    private readonly defs: JourneyDefinitions,
    private readonly journeyTimers: JourneyTimers,
    readonly options: TaskWorkerOptions,
    private readonly onEvents: (events: StoredEvent[]) => void,
  ) {
    this.completions = new CompletionBatcher(db, clock, options.workerId, onEvents);
  }

  get id(): string {
    return this.options.workerId;
  }

  get busy(): number {
    return this.handlersRunning;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.unlisten = await this.db.listen(TASKS_CHANNEL, () => this.wake());
    const every = (ms: number, fn: () => void) => {
      const t = setInterval(fn, ms);
      t.unref();
      this.timers.push(t);
    };
    every(this.options.pollMs, () => this.wake());
    every(this.options.heartbeatMs, () => void this.heartbeat());
    every(this.options.sweepMs, () => void this.maintain());
    if (this.options.prefetch > 0) every(Math.max(20, Math.floor(this.options.prefetchTtlMs / 2)), () => void this.returnStale());
    this.wake();
    void this.maintain();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    if (this.dueTimer) clearTimeout(this.dueTimer);
    await this.unlisten?.().catch(() => undefined);
    await this.pumping;
    // Prefetched tasks never started here: other workers take them now, not after the grace period.
    await this.giveBack(this.buffer.splice(0), 'the worker stopped before starting the task').catch((err: unknown) => this.fail(err, 'release'));
    const all = () => Promise.allSettled([...this.inFlight.values()].map((f) => f.done));
    const graceful = await Promise.race([all().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), this.options.shutdownGraceMs).unref())]);
    if (!graceful) {
      for (const f of this.inFlight.values()) {
        f.abandoned = true;
        f.controller.abort(new Error('the worker is stopping'));
      }
      await all();
      await this.releaseHeld('the worker stopped before the task finished; it runs again elsewhere').catch((err: unknown) => this.fail(err, 'release'));
    }
  }

  /** Claims and runs as much as free capacity allows; safe to call any number of times. */
  wake(): void {
    if (!this.running) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private fail(err: unknown, where: string): void {
    this.stats.errors++;
    this.options.onError(err, where);
  }

  private async pump(): Promise<void> {
    const { concurrency } = this.options;
    while (this.running) {
      const prefetch = this.prefetchPaused ? 0 : this.options.prefetch;
      while (this.handlersRunning < concurrency && this.buffer.length > 0) this.launch(this.buffer.shift()!.task);
      // Results being committed hold no slot, so the next claim overlaps their commit; they still
      // count once more than a full load of them waits, so claims stay bounded when commits fall behind.
      const capacity = concurrency + prefetch;
      const committing = this.inFlight.size - this.handlersRunning;
      const held = this.handlersRunning + this.buffer.length + Math.max(0, committing - capacity);
      const room = capacity - held;
      // While busy, refill in batches (half of what may be held at a time): one claim per task would cost more than the tasks.
      if (room <= 0 || (held > 0 && room < Math.ceil(capacity / 2))) return;
      let claimed: TaskRecord[];
      try {
        claimed = await this.claim(room);
      } catch (err) {
        // The store may be restarting or unreachable: the next poll tries again.
        this.fail(err, 'claim');
        return;
      }
      const at = Date.now();
      for (const task of claimed) this.buffer.push({ task, claimedAt: at });
      if (claimed.length < room) {
        // A stop that came during the claim gives the buffer back instead.
        while (this.running && this.handlersRunning < concurrency && this.buffer.length > 0) this.launch(this.buffer.shift()!.task);
        if (claimed.length === 0) await this.scheduleNextDue();
        return;
      }
    }
  }

  /** Gives back prefetched tasks that waited longer than the TTL (slots stayed busy): another worker may be free. */
  private async returnStale(): Promise<void> {
    const limit = Date.now() - this.options.prefetchTtlMs;
    if (!this.buffer.some((b) => b.claimedAt < limit)) return;
    const stale = this.buffer.filter((b) => b.claimedAt < limit);
    this.buffer = this.buffer.filter((b) => b.claimedAt >= limit);
    // Claiming them again while the slots stay busy would only hold them from other workers once more.
    this.prefetchPaused = true;
    await this.giveBack(stale, `not started within ${this.options.prefetchTtlMs} ms of its claim (the worker's slots stayed busy); given back`).catch((err: unknown) => this.fail(err, 'release'));
  }

  private async giveBack(tasks: Buffered[], reason: string): Promise<void> {
    if (tasks.length === 0) return;
    const released = await commitEngineChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const back = await releaseUnstarted(tx, this.id, tasks.map((b) => b.task.id), reason, now);
        if (back.length > 0) await notifyTasksReady(tx);
        return { result: back, events: back.map((t) => ({ topic: 'task.released', key: taskEventKey(t), payload: taskEventPayload(t, { worker: this.id, reason }) })) };
      },
      this.onEvents,
    );
    this.stats.returned += released.result.length;
  }

  /** Claims up to `limit` ready tasks and marks them running under this worker's lease. */
  async claim(limit: number): Promise<TaskRecord[]> {
    // One statement claims the tasks and writes their task.started events (atomic without a transaction):
    // a claim is one round trip, not five.
    const now = this.clock.now();
    const rows = await retryOnConflict(() => claimTasksWithEvents(this.db, this.id, limit, now, this.options.leaseMs));
    const claimed = rows.map((r) => r.task);
    if (rows.length > 0) this.onEvents(rows.map((r) => ({ id: r.eventId, topic: TASK_TOPICS.started, key: taskEventKey(r.task), payload: taskEventPayload(r.task, { worker: this.id }), createdAt: now.toISOString() })));
    this.stats.claimed += claimed.length;
    const units = claimed.map((t) => t.unitId).filter((u): u is string => u !== null);
    // Units are updated in their own transaction: a claim holds task locks only (see task-outcomes' lock order).
    if (units.length > 0) {
      await commitEngineChange(this.db, this.clock, async (tx, now) => ({ result: undefined, events: await recomputeUnits(tx, units, now) }), this.onEvents).catch((err: unknown) => this.fail(err, 'unit status'));
    }
    return claimed;
  }

  private async scheduleNextDue(): Promise<void> {
    try {
      const next = await nextDueAt(this.db);
      if (!next || !this.running) return;
      const wait = next.getTime() - this.clock.now().getTime();
      if (wait <= 0 || wait >= this.options.pollMs) return;
      if (this.dueTimer) clearTimeout(this.dueTimer);
      this.dueTimer = setTimeout(() => this.wake(), wait + 1);
      this.dueTimer.unref();
    } catch (err) {
      this.fail(err, 'next due');
    }
  }

  private launch(task: TaskRecord): void {
    const controller = new AbortController();
    const flight: InFlight = { task, controller, abandoned: false, committing: false, done: Promise.resolve() };
    this.inFlight.set(task.id, flight);
    this.handlersRunning++;
    flight.done = this.execute(flight)
      .catch((err: unknown) => this.fail(err, `task ${task.id}`))
      .finally(() => {
        if (!flight.committing) this.handlersRunning--;
        this.inFlight.delete(task.id);
        this.wake();
      });
  }

  /**
   * Without the loop: claims ready tasks and runs them to their committed outcome until none is
   * ready (tools and tests drive time themselves). Returns how many ran.
   */
  async drain(options: { batch?: number; max?: number } = {}): Promise<number> {
    let ran = 0;
    const max = options.max ?? Number.POSITIVE_INFINITY;
    while (ran < max) {
      const claimed = await this.claim(Math.min(options.batch ?? this.options.concurrency, max - ran));
      if (claimed.length === 0) break;
      await Promise.all(claimed.map((task) => this.execute({ task, controller: new AbortController(), abandoned: false, committing: false, done: Promise.resolve() })));
      ran += claimed.length;
    }
    return ran;
  }

  /** Runs one claimed task to a committed outcome (unless its lease was lost meanwhile). */
  private async execute(flight: InFlight): Promise<void> {
    const { task, controller } = flight;
    const lease = { id: task.id, owner: this.id, attempt: task.attempt };
    const started = this.clock.now();
    const { output, error } = await runAttempt(task, this.handlers, controller, this.db, () => this.clock.now());
    if (this.inFlight.get(task.id) === flight) {
      // The slot frees as the handler ends; the commit rides along in the next batch meanwhile.
      flight.committing = true;
      this.handlersRunning--;
      this.prefetchPaused = false;
      this.wake();
    }
    if (flight.abandoned) return;
    if (error === undefined && completesAlone(task, output)) {
      const done = await this.completions.complete(task, output, started);
      if (done) this.stats.completed++;
      else this.stats.leasesLost++;
      return;
    }
    const random = this.options.random();
    const { result } = await commitEngineChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const out = error === undefined ? await commitSuccess(tx, this.defs, task, { lease }, output ?? {}, now) : await commitFailure(tx, task, lease, error, now, random);
        return { result: out, audits: out.audits, events: out.events };
      },
      this.onEvents,
    );
    if (!result.task) this.stats.leasesLost++;
    else if (result.task.status === 'completed') this.stats.completed++;
    else if (result.task.status === 'failed') this.stats.deadLettered++;
    else this.stats.retried++;
  }

  private async heartbeat(): Promise<void> {
    const ids = [...this.inFlight.keys(), ...this.buffer.map((b) => b.task.id)];
    if (ids.length === 0) return;
    try {
      const kept = new Set(await renewLeases(this.db, this.id, ids, new Date(this.clock.now().getTime() + this.options.leaseMs)));
      // A prefetched task whose lease was taken back belongs to another worker now: never start it here.
      this.buffer = this.buffer.filter((b) => kept.has(b.task.id));
      for (const id of ids) {
        const f = this.inFlight.get(id);
        if (!f || kept.has(id)) continue;
        // The sweep gave the task to another worker (this one was cut off too long): stop and drop the result.
        f.abandoned = true;
        f.controller.abort(new Error('the lease was lost'));
      }
    } catch (err) {
      this.fail(err, 'heartbeat');
    }
  }

  /** The sweep, the journey timers and overdue human tasks, one run at a time. */
  async maintain(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      this.stats.swept += await this.sweep();
      this.stats.timersFired += await this.journeyTimers.fireDue();
      this.stats.humanTimedOut += await timeOutOverdueHumanTasks(this.db, this.clock, this.onEvents);
    } catch (err) {
      this.fail(err, 'sweep');
    } finally {
      this.sweeping = false;
    }
  }

  /**
   * Takes back tasks whose lease expired: retried at once (or dead-lettered when out of retries). A
   * crashed worker leaves its running and prefetched tasks, often several of one journey: each journey's
   * are taken back in one transaction (its row locked once), and different journeys side by side
   * (SWEEP_PARALLEL transactions). A transaction per task made a fleet's sweep of ~90 orphans take 6 s.
   */
  async sweep(): Promise<number> {
    const expired = await expiredLeases(this.db, this.clock.now(), 100);
    // (Map.groupBy is not in Node 20.)
    const byJourney = new Map<string, typeof expired>();
    for (const c of expired) byJourney.set(c.journeyId ?? c.id, [...(byJourney.get(c.journeyId ?? c.id) ?? []), c]);
    const groups = [...byJourney.values()];
    let swept = 0;
    const takeBack = async (group: typeof expired): Promise<void> => {
      const { result } = await commitEngineChange(
        this.db,
        this.clock,
        async (tx, now) => {
          const journeyId = group[0]!.journeyId;
          if (journeyId) await lockJourney(tx, journeyId);
          let n = 0;
          const events: NewEvent[] = [];
          const audits: AuditEntry[] = [];
          for (const candidate of group) {
            const t = await lockTask(tx, candidate.id);
            // Renewed, completed or taken back by another sweeper since the read: not an orphan any more.
            if (!t || t.status !== 'running' || !t.leaseExpiresAt || Date.parse(t.leaseExpiresAt) >= now.getTime() || !t.leaseOwner) continue;
            const reason = `lease expired: worker ${t.leaseOwner} stopped renewing it (stopped, killed or cut off)`;
            const out = await commitFailure(tx, t, { id: t.id, owner: t.leaseOwner, attempt: t.attempt }, reason, now, this.options.random(), { immediate: true, journeyLocked: true });
            if (out.task === undefined) continue;
            n++;
            events.push(...out.events);
            audits.push(...out.audits);
          }
          return { result: n, audits, events };
        },
        this.onEvents,
      );
      swept += result;
    };
    const lanes = Array.from({ length: Math.min(SWEEP_PARALLEL, groups.length) }, async () => {
      for (let g = groups.shift(); g; g = groups.shift()) await takeBack(g);
    });
    await Promise.all(lanes);
    if (swept > 0) this.wake();
    return swept;
  }

  private async releaseHeld(reason: string): Promise<void> {
    await commitEngineChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const released = await releaseLeases(tx, this.id, reason, now);
        return { result: released, events: released.map((t) => ({ topic: 'task.released', key: taskEventKey(t), payload: taskEventPayload(t, { worker: this.id, reason }) })) };
      },
      this.onEvents,
    );
  }
}

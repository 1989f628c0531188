// The durable stabilization timer: the window's end is a column; a loop (serve and worker processes)
// and every read mark ended windows once, with `workspace.stabilized`, whichever process comes first.
import type { Db } from '../store/db';
import type { NewEvent } from '../store/events-repo';
import { appendHistory, claimEndedWindows, markStabilized, nextWindowEnd } from '../store/workspace-repo';
import { commitChange } from './change';
import type { Clock } from './clock';

/** The loop wakes at the next window end, and at least this often to see windows other processes opened. */
const MAX_SLEEP_MS = 60_000;
const BATCH = 50;

export class StabilizationTimer {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private tick: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly onEvents: () => void,
  ) {}

  /** Marks every window that has ended; returns how many this call marked. */
  async markEnded(): Promise<number> {
    const committed = await commitChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const ended = await claimEndedWindows(tx, now, BATCH);
        const events: NewEvent[] = [];
        for (const w of ended) {
          await markStabilized(tx, w.id, now);
          await appendHistory(tx, w.id, { step: 'stabilized', stage: 'production', at: now.toISOString(), actor: 'system:timer', note: `stabilization window ended at ${w.endsAt}; ready to measure` });
          events.push({ topic: 'workspace.stabilized', key: w.id, payload: { workspaceId: w.id, endedAt: w.endsAt } });
        }
        return { result: ended.length, events };
      },
      this.onEvents,
    );
    return committed.result;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Re-plans the next wake-up (after a step opened a window that may end sooner). */
  poke(): void {
    if (this.running) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.tick = this.run();
    }, ms);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    if (!this.running) return;
    let sleep = MAX_SLEEP_MS;
    try {
      while ((await this.markEnded()) === BATCH) {
        // A full batch: more may be due.
      }
      const next = await nextWindowEnd(this.db);
      if (next) sleep = Math.min(MAX_SLEEP_MS, Math.max(50, next.getTime() - this.clock.now().getTime()));
    } catch {
      // The store is closing or briefly unreachable: try again on the next wake-up.
    }
    if (this.running) this.schedule(sleep);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.tick;
  }
}

// A loop that sleeps until its next durable instant (the earliest next_check_at or next_attempt_at)
// instead of polling, and is woken early when a change schedules something sooner.
import type { Clock } from './clock';

/** Upper bound on a sleep: another process may schedule work this one cannot hear about (no NOTIFY for it). */
export const MAX_SLEEP_MS = 30_000;

export class WakeLoop {
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private wakeAt = Infinity;
  private resolveSleep: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly clock: Clock,
    private readonly work: () => Promise<unknown>,
    private readonly nextAt: () => Promise<Date | null>,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
  }

  /** Something is due at `at` (or now): wake up if that is earlier than the current sleep. */
  wake(at?: number): void {
    if (at !== undefined && at >= this.wakeAt) return;
    if (this.resolveSleep) {
      const delay = at === undefined ? 0 : at - this.clock.now().getTime();
      if (delay <= 0) return this.interrupt();
      this.sleepFor(delay);
    } else this.again = true;
  }

  private interrupt(): void {
    clearTimeout(this.timer);
    this.wakeAt = Infinity;
    const r = this.resolveSleep;
    this.resolveSleep = undefined;
    r?.();
  }

  private sleepFor(delay: number): void {
    clearTimeout(this.timer);
    this.wakeAt = this.clock.now().getTime() + delay;
    this.timer = setTimeout(() => this.interrupt(), delay);
    this.timer.unref?.();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.again = false;
      let delay = MAX_SLEEP_MS;
      try {
        await this.work();
        const next = await this.nextAt();
        if (next) delay = Math.min(MAX_SLEEP_MS, Math.max(0, next.getTime() - this.clock.now().getTime()));
      } catch (err) {
        if (!this.stopped) this.onError(err);
        delay = 1_000;
      }
      if (this.stopped) break;
      if (this.again) continue;
      await new Promise<void>((resolve) => {
        this.resolveSleep = resolve;
        this.sleepFor(delay);
      });
    }
  }
}

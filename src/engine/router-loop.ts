// The router's background loop (serve and worker processes): every few seconds, agents idle beyond the
// timeout go away and their tickets are re-routed, and the queue is drained as schedules open.
import type { Clock } from './clock';
import type { SupportAgentService } from './support-agent-service';

export class RouterLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly agents: SupportAgentService,
    private readonly clock: Clock,
    private readonly intervalMs: number = Number(process.env.OW_ROUTER_INTERVAL_MS ?? 5000),
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        this.schedule();
      });
    }, this.intervalMs);
    this.timer.unref();
  }

  /** One sweep now (also used by tests instead of waiting for the timer). */
  async tick(): Promise<void> {
    try {
      await this.agents.sweep(this.clock.now());
    } catch (err) {
      this.onError(err);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}

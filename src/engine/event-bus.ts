// Fans committed events out to in-process subscribers (WebSocket streams, the engine's loops) in id order,
// at least once, resumable from an event id. NOTIFY wakes it; a slow poll covers lost notifications.
// It reads only settled events (events-repo's horizon): an event committed later with a lower id is never skipped.
import { matchesAny } from '../core/events/topic-filter';
import type { Db } from '../store/db';
import { EVENTS_CHANNEL, lastEventId, lastSettledEventId, readEvents, type StoredEvent } from '../store/events-repo';

export interface Subscription {
  close(): void;
}

interface Subscriber {
  filters: string[];
  cursor: number;
  live: boolean;
  queue: StoredEvent[];
  onEvent: (e: StoredEvent) => void;
  closed: boolean;
}

const BATCH = 500;
/** First wait before reading again when committed events wait behind a running transaction (doubles up to the poll). */
const HELD_BACK_RETRY_MS = 2;

function prefixesOf(filters: ReadonlyArray<string>): string[] {
  if (filters.includes('*')) return [];
  return filters.map((f) => (f.endsWith('.*') ? f.slice(0, -1) : f));
}

export class EventBus {
  private readonly subs = new Set<Subscriber>();
  private cursor = 0;
  private pumping: Promise<void> | undefined;
  private again = false;
  private unlisten: (() => Promise<void>) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = HELD_BACK_RETRY_MS;

  constructor(private readonly db: Db, private readonly pollMs = 1_000) {}

  async start(): Promise<void> {
    this.cursor = await lastSettledEventId(this.db);
    this.started = true;
    this.unlisten = await this.db.listen(EVENTS_CHANNEL, () => this.poke());
    this.timer = setInterval(() => this.poke(), this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.unlisten) await this.unlisten();
    await this.pumping;
    this.subs.clear();
  }

  get position(): number {
    return this.cursor;
  }

  /** Reads what was committed since the last pump; safe to call any number of times. */
  poke(): void {
    if (!this.started) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
      if (this.again) {
        this.again = false;
        this.poke();
      }
    });
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const batch = await readEvents(this.db, { after: this.cursor, limit: BATCH, settled: true });
        for (const e of batch) {
          this.cursor = e.id;
          for (const s of this.subs) this.offer(s, e);
        }
        if (batch.length < BATCH) break;
      }
      // Committed events above the horizon wait for an older transaction that may commit nothing
      // (so no NOTIFY comes): look again soon, backing off, instead of waiting for the slow poll.
      if ((await lastEventId(this.db)) > this.cursor) this.retrySoon();
      else this.retryMs = HELD_BACK_RETRY_MS;
    } catch {
      // The store may be closing or briefly unreachable; the next poke or poll retries from the same cursor.
    }
  }

  private retrySoon(): void {
    if (this.retryTimer || !this.started) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.pollMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.poke();
    }, wait);
    this.retryTimer.unref();
  }

  private offer(s: Subscriber, e: StoredEvent): void {
    if (s.closed) return;
    if (!s.live) {
      s.queue.push(e);
      return;
    }
    this.deliver(s, e);
  }

  private deliver(s: Subscriber, e: StoredEvent): void {
    if (e.id <= s.cursor) return;
    s.cursor = e.id;
    if (matchesAny(s.filters, e.topic)) {
      try {
        s.onEvent(e);
      } catch {
        // A failing subscriber must not stop delivery to the others.
      }
    }
  }

  /** Subscribes to topics; with `after`, first replays every matching event committed after that id. */
  subscribe(filters: string[], onEvent: (e: StoredEvent) => void, after?: number): Subscription {
    const highWater = this.cursor;
    const s: Subscriber = { filters, cursor: after ?? highWater, live: after === undefined || after >= highWater, queue: [], onEvent, closed: false };
    this.subs.add(s);
    if (!s.live) void this.catchUp(s, highWater);
    return {
      close: () => {
        s.closed = true;
        this.subs.delete(s);
      },
    };
  }

  private async catchUp(s: Subscriber, highWater: number): Promise<void> {
    const prefixes = prefixesOf(s.filters);
    try {
      for (;;) {
        const batch = await readEvents(this.db, { after: s.cursor, topicPrefixes: prefixes, limit: BATCH, settled: true });
        const upTo = batch.filter((e) => e.id <= highWater);
        for (const e of upTo) this.deliver(s, e);
        if (batch.length < BATCH || upTo.length < batch.length || s.closed) break;
      }
    } finally {
      s.cursor = Math.max(s.cursor, highWater);
      s.live = true;
      const queued = s.queue;
      s.queue = [];
      for (const e of queued) this.deliver(s, e);
    }
  }
}

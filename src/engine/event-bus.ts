// Fans committed events out to in-process subscribers (WebSocket streams, the engine's loops) in id order,
// at least once, resumable from an event id. NOTIFY wakes it; a slow poll covers lost notifications.
// It reads only settled events (events-repo's horizon): an event committed later with a lower id is never skipped.
import { matchesAny, topicPrefixes, topicRoot, wantsAnyRoot } from '../core/events/topic-filter';
import type { Db } from '../store/db';
import { EVENTS_CHANNEL, lastSettledEventId, readEvents, readSettledTail, type StoredEvent } from '../store/events-repo';

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
  /** Bumped whenever the subscribers change: the topics the bus reads follow them. */
  private filtersVersion = 0;
  private prefixes: { version: number; value: string[] } = { version: -1, value: [] };

  constructor(private readonly db: Db, private readonly pollMs = 1_000) {}

  async start(): Promise<void> {
    this.cursor = await lastSettledEventId(this.db);
    this.started = true;
    // The NOTIFY names the roots of the topics written ("<max id> task journey"); one naming none (a
    // reconnect's wake-up) means anything may have been missed.
    this.unlisten = await this.db.listen(EVENTS_CHANNEL, (payload) => {
      const roots = payload.split(' ').slice(1).filter((r) => r.length > 0);
      if (roots.length === 0 || wantsAnyRoot(this.wanted(), roots)) this.poke();
    });
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

  /** After a local commit of these events: reads at once if a subscriber may want one (no events: unknown, so read). */
  committed(events: ReadonlyArray<{ topic: string }>): void {
    if (events.length === 0 || wantsAnyRoot(this.wanted(), events.map((e) => topicRoot(e.topic)))) this.poke();
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

  /** The topics the bus must read: only what some subscriber wants (a worker with no stream reads almost nothing). */
  private wanted(): string[] {
    if (this.prefixes.version !== this.filtersVersion) {
      const all = [...this.subs].map((s) => s.filters);
      // With no subscriber nothing is wanted: '#' starts no topic (see topic-filter), and the cursor still moves.
      this.prefixes = { version: this.filtersVersion, value: all.length === 0 ? ['#'] : all.some((f) => topicPrefixes(f).length === 0) ? [] : [...new Set(all.flatMap(topicPrefixes))] };
    }
    return this.prefixes.value;
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const version = this.filtersVersion;
        const tail = await readSettledTail(this.db, this.cursor, this.wanted(), BATCH);
        // A subscriber that came or left during the read may want topics the read skipped: read the same range again.
        if (version !== this.filtersVersion) continue;
        for (const e of tail.events) {
          this.cursor = e.id;
          for (const s of this.subs) this.offer(s, e);
        }
        if (tail.events.length === BATCH) continue;
        // Everything wanted below the horizon has been read: skip over what nobody wants.
        this.cursor = Math.max(this.cursor, tail.horizon - 1);
        // Wanted events above the horizon wait for an older transaction that may commit nothing
        // (so no NOTIFY comes): look again soon, backing off, instead of waiting for the slow poll.
        if (tail.heldBack) this.retrySoon();
        else this.retryMs = HELD_BACK_RETRY_MS;
        return;
      }
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
    this.filtersVersion++;
    if (!s.live) void this.catchUp(s, highWater);
    return {
      close: () => {
        s.closed = true;
        this.subs.delete(s);
        this.filtersVersion++;
      },
    };
  }

  private async catchUp(s: Subscriber, highWater: number): Promise<void> {
    const prefixes = topicPrefixes(s.filters);
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

// The simulator's future-event list: a binary min-heap on (time, insertion order), so events at the
// same instant run in the order they were scheduled and a run never depends on heap internals.
export class EventQueue<E> {
  private times: number[] = [];
  private seqs: number[] = [];
  private items: E[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  push(time: number, item: E): void {
    this.times.push(time);
    this.seqs.push(this.seq++);
    this.items.push(item);
    this.up(this.items.length - 1);
  }

  peekTime(): number | undefined {
    return this.times[0];
  }

  pop(): { time: number; item: E } | undefined {
    const n = this.items.length;
    if (n === 0) return undefined;
    const out = { time: this.times[0]!, item: this.items[0]! };
    const lastT = this.times.pop()!;
    const lastS = this.seqs.pop()!;
    const lastI = this.items.pop()!;
    if (n > 1) {
      this.times[0] = lastT;
      this.seqs[0] = lastS;
      this.items[0] = lastI;
      this.down(0);
    }
    return out;
  }

  /** Sifts with a hole instead of swaps: no temporary arrays, so the garbage collector stays idle. */
  private up(i: number): void {
    const t = this.times[i]!;
    const s = this.seqs[i]!;
    const item = this.items[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = this.times[p]!;
      if (pt < t || (pt === t && this.seqs[p]! < s)) break;
      this.times[i] = pt;
      this.seqs[i] = this.seqs[p]!;
      this.items[i] = this.items[p]!;
      i = p;
    }
    this.times[i] = t;
    this.seqs[i] = s;
    this.items[i] = item;
  }

  private down(i: number): void {
    const n = this.items.length;
    const t = this.times[i]!;
    const s = this.seqs[i]!;
    const item = this.items[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = l;
      if (r < n && (this.times[r]! < this.times[l]! || (this.times[r] === this.times[l] && this.seqs[r]! < this.seqs[l]!))) m = r;
      const mt = this.times[m]!;
      if (t < mt || (t === mt && s < this.seqs[m]!)) break;
      this.times[i] = mt;
      this.seqs[i] = this.seqs[m]!;
      this.items[i] = this.items[m]!;
      i = m;
    }
    this.times[i] = t;
    this.seqs[i] = s;
    this.items[i] = item;
  }
}

/** A min-heap of items under a comparator (the waiting queue of one tier, in queue order). */
export class Heap<T> {
  private readonly items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(item, a[p]!)) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = item;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  pop(): T | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const m = r < a.length && this.before(a[r]!, a[l]!) ? r : l;
        if (!this.before(a[m]!, last)) break;
        a[i] = a[m]!;
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}

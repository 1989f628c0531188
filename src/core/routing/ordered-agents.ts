// A set of agent indexes kept sorted by a strict "comes before" order that reads the pool's live state,
// so the best agent is at the front. Stored in one preallocated Int32Array moved with copyWithin (a memmove,
// no garbage): find an agent's place before its state changes, then settle it at its new place after.

export type Precedes = (a: number, b: number) => boolean;

export class OrderedAgents {
  readonly items: Int32Array;
  size = 0;

  constructor(
    capacity: number,
    private readonly precedes: Precedes,
  ) {
    this.items = new Int32Array(capacity);
  }

  /** First position in [lo, hi) whose agent does not come before `agent` (binary search; the order is total). */
  private lowerBound(agent: number, lo: number, hi: number): number {
    const items = this.items;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.precedes(items[mid] ?? 0, agent)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(agent: number): void {
    const p = this.lowerBound(agent, 0, this.size);
    this.items.copyWithin(p + 1, p, this.size);
    this.items[p] = agent;
    this.size++;
  }

  /** Where `agent` is, or -1; call while the state still orders it where it was filed. */
  find(agent: number): number {
    if (this.size > 0 && this.items[0] === agent) return 0; // the usual case: the agent just taken from the front
    const p = this.lowerBound(agent, 0, this.size);
    if (p < this.size && this.items[p] === agent) return p;
    // Only reachable if the state changed under the index: a linear search, so the index never corrupts.
    const q = this.items.subarray(0, this.size).indexOf(agent);
    return q;
  }

  removeAt(p: number): void {
    if (p < 0) return;
    this.items.copyWithin(p, p + 1, this.size);
    this.size--;
  }

  /** After the agent at p changed, moves it to where the order now puts it (usually a short way back). */
  settleAt(p: number): void {
    if (p < 0) return;
    const items = this.items;
    const agent = items[p] ?? 0;
    if (p + 1 < this.size && this.precedes(items[p + 1] ?? 0, agent)) {
      const q = this.lowerBound(agent, p + 1, this.size);
      items.copyWithin(p, p + 1, q);
      items[q - 1] = agent;
    } else if (p > 0 && this.precedes(agent, items[p - 1] ?? 0)) {
      const q = this.lowerBound(agent, 0, p);
      items.copyWithin(q + 1, q, p);
      items[q] = agent;
    }
  }
}

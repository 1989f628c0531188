// A set of agent indexes kept sorted by a strict "comes before" order that reads the pool's live state,
// so the best agent is at the front. An agent is removed before its state changes and re-inserted after.

export type Precedes = (a: number, b: number) => boolean;

export class OrderedAgents {
  readonly items: number[] = [];

  constructor(private readonly precedes: Precedes) {}

  /** First position whose agent does not come before `agent` (binary search; the order is total). */
  private lowerBound(agent: number): number {
    const items = this.items;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.precedes(items[mid] ?? 0, agent)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(agent: number): void {
    this.items.splice(this.lowerBound(agent), 0, agent);
  }

  /** Removes `agent`; must be called while the state still orders it where it was inserted. */
  remove(agent: number): void {
    const p = this.lowerBound(agent);
    if (this.items[p] === agent) this.items.splice(p, 1);
    else {
      // Only reachable if the state changed under the index: fall back to a linear search, never corrupt.
      const q = this.items.indexOf(agent);
      if (q >= 0) this.items.splice(q, 1);
    }
  }

  get size(): number {
    return this.items.length;
  }
}

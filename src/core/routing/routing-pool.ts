// The batch router (queue drain): agents are read once into flat typed arrays and kept in sorted indexes —
// per tier, and per tier × skill (skills-first: per tier × skill × level) — ordered by the strategy's score and
// the shared tie-breaks, holding only agents that can take a ticket now (available, spare > 0). A decision reads
// the front of one or a few indexes instead of judging every agent; the chosen agent is re-filed with load + 1.
// Chooses exactly what routeToOptimalAgent would, minus the per-candidate explanation (that path stays O(agents)).
import { getAgentCapacity } from './agent-capacity';
import { OrderedAgents } from './ordered-agents';
import { isOnSchedule } from './schedule';
import type { RoutableAgent, RoutableTicket, RoutingOptions } from './types';

const TIER_INDEX = { L1: 0, L2: 1, L3: 2 } as const;
const TIER_COUNT = 3;
// For a weight in this range, w × level keeps distinct levels distinct (no underflow to equal values, no overflow).
const SAFE_WEIGHT_MIN = 1e-200;
const SAFE_WEIGHT_MAX = 1e200;

export interface PoolDecision {
  agentId: string | null;
  score: number;
}

export class RoutingPool {
  private readonly ids: string[];
  private readonly max: Int32Array;
  private readonly load: Int32Array;
  /** max − load, kept with load so a comparison reads one number */
  private readonly spare: Float64Array;
  private readonly available: Uint8Array;
  private readonly tier: Uint8Array;
  private readonly lastAssigned: Float64Array;
  private readonly hasLast: Uint8Array;
  /** the tie-breaks after spare as one number: rank of lastAssigned (ascending) × n + rank of id */
  private readonly tieRank: Float64Array;
  /** tieRank's lastAssigned part for an agent assigned at `at` */
  private readonly atRank: number;
  private readonly levels: Float64Array;
  private readonly skillIndex = new Map<string, number>();
  private readonly skillCount: number;
  /** every agent index per tier, for the rare skills-first decisions that must judge each agent */
  private readonly byTier: Int32Array[];
  /** every index: 0–2 per tier, then per tier × skill, or for skills-first per tier × skill × level */
  private readonly indexes: OrderedAgents[];
  /** the indexes each agent is filed in (its tier's first) */
  private readonly filedIn: Int32Array[];
  /** skills-first: per skill, its distinct levels (descending) and the offset of its first level bucket in a tier */
  private readonly skillLevels: number[][] = [];
  private readonly bucketOffset: Int32Array;
  private readonly bucketsPerTier: number;
  /** every level finite and > 0 (the input schema's 1–5): otherwise skills-first scores may be negative or NaN, so it scans */
  private readonly levelsNormal: boolean;
  private readonly strategy: RoutingOptions['strategy'];
  private readonly at: number;
  /** scratch: the ticket's mandatory skills, and an agent's places while it is re-filed */
  private readonly mandatory: number[] = [];
  private readonly places: Int32Array;

  constructor(agents: ReadonlyArray<RoutableAgent>, opts: RoutingOptions) {
    const n = agents.length;
    this.strategy = opts.strategy;
    this.at = opts.at;
    this.ids = agents.map((a) => a.id);
    this.max = new Int32Array(n);
    this.load = new Int32Array(n);
    this.spare = new Float64Array(n);
    this.available = new Uint8Array(n);
    this.tier = new Uint8Array(n);
    this.lastAssigned = new Float64Array(n);
    this.hasLast = new Uint8Array(n);
    for (const a of agents) for (const s of a.skills) if (!this.skillIndex.has(s.skill)) this.skillIndex.set(s.skill, this.skillIndex.size);
    const S = (this.skillCount = this.skillIndex.size);
    this.levels = new Float64Array(n * Math.max(1, S));
    this.byTier = [0, 1, 2].map((t) => Int32Array.from(agents.flatMap((a, i) => (TIER_INDEX[a.tier] === t ? [i] : []))));
    const held: number[][] = [];
    let levelsNormal = true;
    agents.forEach((a, i) => {
      const cap = getAgentCapacity(a, opts.defaultMaxConcurrent);
      this.max[i] = cap.max;
      this.load[i] = cap.load;
      this.spare[i] = (this.max[i] ?? 0) - (this.load[i] ?? 0);
      this.available[i] = a.status === 'online' && isOnSchedule(a.schedule, opts.at) ? 1 : 0;
      this.tier[i] = TIER_INDEX[a.tier];
      this.hasLast[i] = a.lastAssignedAt === null ? 0 : 1;
      this.lastAssigned[i] = a.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
      const seen = new Set<number>();
      const mine: number[] = [];
      for (const s of a.skills) {
        const k = this.skillIndex.get(s.skill) ?? 0;
        if (!(Number.isFinite(s.level) && s.level > 0)) levelsNormal = false;
        // The first entry of a skill counts, as in skillLevel().
        if (seen.has(k)) continue;
        seen.add(k);
        this.levels[i * S + k] = s.level;
        if (!(s.level <= 0)) mine.push(k); // eligible unless <= 0, as in ineligibility()
      }
      held.push(mine);
    });
    this.levelsNormal = levelsNormal;

    const ranked = Array.from({ length: n }, (_, i) => i).sort((x, y) => {
      const a = this.ids[x] ?? '';
      const b = this.ids[y] ?? '';
      return a < b ? -1 : a > b ? 1 : x - y;
    });
    const idRank = new Int32Array(n);
    ranked.forEach((agent, r) => (idRank[agent] = r));
    const instants = [...new Set([...this.lastAssigned, this.at])].sort((x, y) => x - y);
    const instantRank = new Map(instants.map((v, r) => [v, r]));
    this.atRank = (instantRank.get(this.at) ?? 0) * n;
    this.tieRank = new Float64Array(n);
    for (let i = 0; i < n; i++) this.tieRank[i] = (instantRank.get(this.lastAssigned[i] ?? 0) ?? 0) * n + (idRank[i] ?? 0);

    // Skills-first files an agent by its level of each skill, so the best holder of a weighted skill is the
    // front of its highest non-empty level bucket and no second order by level is kept.
    const skillsFirst = this.strategy === 'skills-first';
    this.bucketOffset = new Int32Array(S + 1);
    if (skillsFirst && levelsNormal) {
      const distinct = Array.from({ length: S }, () => new Set<number>());
      held.forEach((mine, i) => mine.forEach((k) => distinct[k]?.add(this.levels[i * S + k] ?? 0)));
      distinct.forEach((set, k) => {
        this.skillLevels[k] = [...set].sort((x, y) => y - x);
        this.bucketOffset[k + 1] = (this.bucketOffset[k] ?? 0) + set.size;
      });
    } else for (let k = 0; k < S; k++) this.bucketOffset[k + 1] = skillsFirst ? 0 : k + 1;
    this.bucketsPerTier = this.bucketOffset[S] ?? 0;

    this.filedIn = held.map((mine, i) => {
      const t = this.tier[i] ?? 0;
      const where = [t];
      if (!skillsFirst || levelsNormal) {
        for (const k of mine) {
          const r = skillsFirst ? (this.skillLevels[k] ?? []).indexOf(this.levels[i * S + k] ?? 0) : 0;
          where.push(this.bucket(t, k, r));
        }
      }
      return Int32Array.from(where);
    });
    // Sized to their members: an index only ever loses agents.
    const sizes = new Int32Array(TIER_COUNT * (1 + this.bucketsPerTier));
    for (let i = 0; i < n; i++) if (this.canTake(i)) for (const x of this.filedIn[i] ?? []) sizes[x] = (sizes[x] ?? 0) + 1;
    const order = this.mainOrder();
    this.indexes = Array.from(sizes, (size) => new OrderedAgents(size, order));
    this.places = new Int32Array(1 + S);
    for (let i = 0; i < n; i++) if (this.canTake(i)) for (const x of this.filedIn[i] ?? []) this.indexes[x]?.insert(i);
  }

  /** Decides for one ticket and, when an agent is chosen, counts the ticket on that agent. */
  decide(ticket: RoutableTicket): PoolDecision {
    const mandatory = this.mandatory;
    mandatory.length = 0;
    let weighted = -1;
    let weight = 0;
    let weightedCount = 0;
    let weightsFinite = true;
    for (const r of ticket.requiredSkills) {
      const k = this.skillIndex.get(r.skill);
      if (r.mandatory && k === undefined) return { agentId: null, score: 0 };
      if (k !== undefined && r.mandatory) mandatory.push(k);
      if (!Number.isFinite(r.weight)) weightsFinite = false;
      if (k !== undefined && r.weight !== 0) {
        weightedCount++;
        weighted = k;
        weight = r.weight;
      }
    }
    const tier = TIER_INDEX[ticket.tier];
    let best = -1;
    if (this.strategy !== 'skills-first') best = this.firstHolding(this.indexes[this.candidates(tier, mandatory)], mandatory);
    else if (!this.levelsNormal || !weightsFinite || weightedCount > 1 || (weightedCount === 1 && !(weight >= SAFE_WEIGHT_MIN && weight <= SAFE_WEIGHT_MAX))) {
      best = this.scan(ticket, tier, mandatory);
    } else {
      // One positively weighted skill: its holders score weight × level > 0 and beat everyone else (score 0),
      // the highest level first; within a level the shared tie-breaks order the bucket.
      if (weightedCount === 1) {
        const levelCount = this.skillLevels[weighted]?.length ?? 0;
        for (let r = 0; r < levelCount && best < 0; r++) best = this.firstHolding(this.indexes[this.bucket(tier, weighted, r)], mandatory);
      }
      if (best < 0) best = mandatory.length === 0 ? this.firstHolding(this.indexes[tier], mandatory) : this.bestHolderAcrossLevels(tier, mandatory);
    }
    if (best < 0) return { agentId: null, score: 0 };
    const score = this.strategy === 'skills-first' ? this.skillsScore(best, ticket) : this.score(best);
    this.assign(best);
    return { agentId: this.ids[best] ?? null, score };
  }

  /** Current load of an agent in this pool (after the decisions made so far). */
  loadOf(agentId: string): number {
    const i = this.ids.indexOf(agentId);
    return i < 0 ? 0 : (this.load[i] ?? 0);
  }

  /** Index number of tier × skill (level rank r, skills-first) in `indexes`. */
  private bucket(t: number, k: number, r: number): number {
    return TIER_COUNT + t * this.bucketsPerTier + (this.bucketOffset[k] ?? 0) + r;
  }

  private canTake(i: number): boolean {
    return this.available[i] === 1 && (this.spare[i] ?? 0) > 0;
  }

  /** The strategy's score for the ticket-independent strategies (skills-first: 0, its weights live in the level buckets). */
  private score(i: number): number {
    const spare = this.spare[i] ?? 0;
    switch (this.strategy) {
      case 'spare-capacity':
        return spare;
      case 'percent-spare':
        return spare / (this.max[i] ?? 1);
      case 'round-robin':
        return this.hasLast[i] ? this.at - (this.lastAssigned[i] ?? 0) : this.at + 1; // as roundRobinScore
      case 'skills-first':
        return 0;
    }
  }

  /** The shared tie-breaks after an equal score, as in beats(): more spare, longer since assigned, smaller id. */
  private tieBefore(a: number, b: number): boolean {
    const sa = this.spare[a] ?? 0;
    const sb = this.spare[b] ?? 0;
    return sa !== sb ? sa > sb : (this.tieRank[a] ?? 0) < (this.tieRank[b] ?? 0);
  }

  /** The index to walk (not skills-first): the tier's, or for mandatory skills the smallest of their tier × skill indexes. */
  private candidates(tier: number, mandatory: number[]): number {
    let best = tier;
    for (let m = 0; m < mandatory.length; m++) {
      const x = this.bucket(tier, mandatory[m] ?? 0, 0);
      if (m === 0 || (this.indexes[x]?.size ?? 0) < (this.indexes[best]?.size ?? 0)) best = x;
    }
    return best;
  }

  /** Skills-first with mandatory skills: the best holder of all of them, from the level buckets of the rarest one. */
  private bestHolderAcrossLevels(tier: number, mandatory: number[]): number {
    let skill = -1;
    let fewest = Infinity;
    for (const k of mandatory) {
      let size = 0;
      const levelCount = this.skillLevels[k]?.length ?? 0;
      for (let r = 0; r < levelCount; r++) size += this.indexes[this.bucket(tier, k, r)]?.size ?? 0;
      if (size < fewest) {
        fewest = size;
        skill = k;
      }
    }
    // Each bucket is in tie-break order, so its first holder is its best; the best of those fronts wins.
    let best = -1;
    const levelCount = this.skillLevels[skill]?.length ?? 0;
    for (let r = 0; r < levelCount; r++) {
      const i = this.firstHolding(this.indexes[this.bucket(tier, skill, r)], mandatory);
      if (i >= 0 && (best < 0 || this.tieBefore(i, best))) best = i;
    }
    return best;
  }

  /** The first agent of an ordered index holding every mandatory skill (usually the very first). */
  private firstHolding(index: OrderedAgents | undefined, mandatory: number[]): number {
    if (!index) return -1;
    const S = this.skillCount;
    const levels = this.levels;
    const list = index.items;
    outer: for (let j = 0; j < index.size; j++) {
      const i = list[j] ?? 0;
      for (let m = 0; m < mandatory.length; m++) if ((levels[i * S + (mandatory[m] ?? 0)] ?? 0) <= 0) continue outer;
      return i;
    }
    return -1;
  }

  private holdsAll(i: number, mandatory: number[]): boolean {
    for (const k of mandatory) if ((this.levels[i * this.skillCount + k] ?? 0) <= 0) return false;
    return true;
  }

  private skillsScore(i: number, ticket: RoutableTicket): number {
    let score = 0;
    for (const r of ticket.requiredSkills) {
      const k = this.skillIndex.get(r.skill);
      score += r.weight * (k === undefined ? 0 : (this.levels[i * this.skillCount + k] ?? 0));
    }
    return score;
  }

  /** skills-first with several weighted skills (or unusual weights/levels): judge each agent of the tier. */
  private scan(ticket: RoutableTicket, tier: number, mandatory: number[]): number {
    const members = this.byTier[tier] ?? new Int32Array(0);
    let best = -1;
    let bestScore = 0;
    for (let j = 0; j < members.length; j++) {
      const i = members[j] ?? 0;
      if (!this.canTake(i) || !this.holdsAll(i, mandatory)) continue;
      const score = this.skillsScore(i, ticket);
      if (best < 0 || (score !== bestScore ? score > bestScore : this.tieBefore(i, best))) {
        best = i;
        bestScore = score;
      }
    }
    return best;
  }

  /** Counts a ticket on agent i, re-filing it in every index under its new load and last assignment. */
  private assign(i: number): void {
    const where = this.filedIn[i] ?? new Int32Array(0);
    // Places are looked up under the old state, then the agent is moved (or dropped when full) under the new one.
    const places = this.places;
    for (let c = 0; c < where.length; c++) places[c] = this.indexes[where[c] ?? 0]?.find(i) ?? -1;
    this.load[i] = (this.load[i] ?? 0) + 1;
    this.spare[i] = (this.spare[i] ?? 0) - 1;
    this.lastAssigned[i] = this.at;
    this.hasLast[i] = 1;
    this.tieRank[i] = this.atRank + ((this.tieRank[i] ?? 0) % this.ids.length);
    const full = !this.canTake(i);
    for (let c = 0; c < where.length; c++) {
      const index = this.indexes[where[c] ?? 0];
      if (!index) continue;
      if (full) index.removeAt(places[c] ?? -1);
      else index.settleAt(places[c] ?? -1);
    }
  }

  /** The strategy's order for every index: score (specialised per strategy, no switch per comparison), then tie-breaks. */
  private mainOrder(): (a: number, b: number) => boolean {
    const { max, spare, tieRank, lastAssigned, hasLast, at } = this;
    switch (this.strategy) {
      case 'spare-capacity':
      case 'skills-first': // every score 0 here (levels are the buckets), so spare decides first, as tieBefore does
        return (a, b) => {
          const sa = spare[a] ?? 0;
          const sb = spare[b] ?? 0;
          return sa !== sb ? sa > sb : (tieRank[a] ?? 0) < (tieRank[b] ?? 0);
        };
      case 'percent-spare':
        return (a, b) => {
          const sa = (spare[a] ?? 0) / (max[a] ?? 1);
          const sb = (spare[b] ?? 0) / (max[b] ?? 1);
          return sa !== sb ? sa > sb : this.tieBefore(a, b);
        };
      case 'round-robin':
        return (a, b) => {
          const sa = hasLast[a] ? at - (lastAssigned[a] ?? 0) : at + 1;
          const sb = hasLast[b] ? at - (lastAssigned[b] ?? 0) : at + 1;
          return sa !== sb ? sa > sb : this.tieBefore(a, b);
        };
    }
  }
}

// The batch router (queue drain): agents are read once into flat typed arrays and kept in sorted indexes —
// per tier, and per tier × skill for mandatory skills — ordered by the strategy's score and the shared
// tie-breaks, holding only agents that can take a ticket now (available, spare > 0). A decision reads the
// front of one index instead of judging every agent; the chosen agent is re-filed with load + 1.
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
  private readonly available: Uint8Array;
  private readonly tier: Uint8Array;
  private readonly lastAssigned: Float64Array;
  private readonly hasLast: Uint8Array;
  private readonly levels: Float64Array;
  private readonly skillIndex = new Map<string, number>();
  private readonly skillCount: number;
  /** every agent index per tier, for the rare skills-first decisions that must judge each agent */
  private readonly byTier: Int32Array[];
  /** position of each agent when sorted by id (then input position): the last tie-break as one number */
  private readonly idRank: Int32Array;
  /** the skills each agent holds (level > 0), as skill indexes */
  private readonly agentSkills: number[][];
  /** per tier: agents that can take a ticket, in strategy order (skills-first: as if every score were 0) */
  private readonly tierOrder: OrderedAgents[];
  /** per tier × skill: the same, restricted to holders of the skill (used for mandatory skills) */
  private readonly skillOrder: OrderedAgents[];
  /** skills-first only, per tier × skill: holders by level, then the shared tie-breaks */
  private readonly levelOrder: OrderedAgents[];
  /** every level finite and > 0 (the input schema's 1–5): otherwise skills-first scores may be negative or NaN, so it scans */
  private readonly levelsNormal: boolean;
  private readonly strategy: RoutingOptions['strategy'];
  private readonly at: number;

  constructor(agents: ReadonlyArray<RoutableAgent>, opts: RoutingOptions) {
    const n = agents.length;
    this.strategy = opts.strategy;
    this.at = opts.at;
    this.ids = agents.map((a) => a.id);
    this.max = new Int32Array(n);
    this.load = new Int32Array(n);
    this.available = new Uint8Array(n);
    this.tier = new Uint8Array(n);
    this.lastAssigned = new Float64Array(n);
    this.hasLast = new Uint8Array(n);
    for (const a of agents) for (const s of a.skills) if (!this.skillIndex.has(s.skill)) this.skillIndex.set(s.skill, this.skillIndex.size);
    const S = (this.skillCount = this.skillIndex.size);
    this.levels = new Float64Array(n * Math.max(1, S));
    this.byTier = [0, 1, 2].map((t) => Int32Array.from(agents.flatMap((a, i) => (TIER_INDEX[a.tier] === t ? [i] : []))));
    this.agentSkills = [];
    let levelsNormal = true;
    agents.forEach((a, i) => {
      const cap = getAgentCapacity(a, opts.defaultMaxConcurrent);
      this.max[i] = cap.max;
      this.load[i] = cap.load;
      this.available[i] = a.status === 'online' && isOnSchedule(a.schedule, opts.at) ? 1 : 0;
      this.tier[i] = TIER_INDEX[a.tier];
      this.hasLast[i] = a.lastAssignedAt === null ? 0 : 1;
      this.lastAssigned[i] = a.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
      const seen = new Set<number>();
      const held: number[] = [];
      for (const s of a.skills) {
        const k = this.skillIndex.get(s.skill) ?? 0;
        if (!(Number.isFinite(s.level) && s.level > 0)) levelsNormal = false;
        // The first entry of a skill counts, as in skillLevel().
        if (seen.has(k)) continue;
        seen.add(k);
        this.levels[i * S + k] = s.level;
        if (!(s.level <= 0)) held.push(k); // eligible unless <= 0, as in ineligibility()
      }
      this.agentSkills.push(held);
    });
    this.levelsNormal = levelsNormal;
    const ranked = Array.from({ length: n }, (_, i) => i).sort((x, y) => {
      const a = this.ids[x] ?? '';
      const b = this.ids[y] ?? '';
      return a < b ? -1 : a > b ? 1 : x - y;
    });
    this.idRank = new Int32Array(n);
    ranked.forEach((agent, r) => (this.idRank[agent] = r));

    this.places = new Int32Array(1 + 2 * S);
    const main = this.mainOrder();
    this.tierOrder = Array.from({ length: TIER_COUNT }, () => new OrderedAgents(n, main));
    this.skillOrder = Array.from({ length: TIER_COUNT * S }, () => new OrderedAgents(n, main));
    this.levelOrder =
      this.strategy === 'skills-first'
        ? Array.from({ length: TIER_COUNT * S }, (_, slot) => {
            const k = slot % S;
            const levels = this.levels;
            return new OrderedAgents(n, (a, b) => {
              const la = levels[a * S + k] ?? 0;
              const lb = levels[b * S + k] ?? 0;
              return la !== lb ? la > lb : this.tieBefore(a, b);
            });
          })
        : [];
    for (let i = 0; i < n; i++) if (this.canTake(i)) this.file(i);
  }

  /** Decides for one ticket and, when an agent is chosen, counts the ticket on that agent. */
  decide(ticket: RoutableTicket): PoolDecision {
    const mandatory: number[] = [];
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
    if (this.strategy !== 'skills-first') best = this.firstHolding(this.candidates(tier, mandatory), mandatory);
    else if (!this.levelsNormal || !weightsFinite || weightedCount > 1 || (weightedCount === 1 && !(weight >= SAFE_WEIGHT_MIN && weight <= SAFE_WEIGHT_MAX))) {
      best = this.scan(ticket, tier, mandatory);
    } else {
      // One positively weighted skill: its holders score weight × level > 0 and beat everyone else (score 0).
      const holders = this.levelOrder[tier * this.skillCount + weighted];
      if (weightedCount === 1 && holders) best = this.firstHolding(holders, mandatory);
      if (best < 0) best = this.firstHolding(this.candidates(tier, mandatory), mandatory);
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

  private canTake(i: number): boolean {
    return this.available[i] === 1 && (this.max[i] ?? 0) - (this.load[i] ?? 0) > 0;
  }

  /** The strategy's score for the ticket-independent strategies (skills-first: 0, its weights live in levelOrder). */
  private score(i: number): number {
    const spare = (this.max[i] ?? 0) - (this.load[i] ?? 0);
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
    const sa = (this.max[a] ?? 0) - (this.load[a] ?? 0);
    const sb = (this.max[b] ?? 0) - (this.load[b] ?? 0);
    if (sa !== sb) return sa > sb;
    const la = this.lastAssigned[a] ?? 0;
    const lb = this.lastAssigned[b] ?? 0;
    if (la !== lb) return la < lb;
    return (this.idRank[a] ?? 0) < (this.idRank[b] ?? 0);
  }

  /** The index to walk: the tier's, or for mandatory skills the smallest of their tier × skill indexes. */
  private candidates(tier: number, mandatory: number[]): OrderedAgents | undefined {
    let list = this.tierOrder[tier];
    for (let m = 0; m < mandatory.length; m++) {
      const l = this.skillOrder[tier * this.skillCount + (mandatory[m] ?? 0)];
      if (m === 0 || (l && list && l.size < list.size)) list = l;
    }
    return list;
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
    const t = this.tier[i] ?? 0;
    const S = this.skillCount;
    const skills = this.agentSkills[i] ?? [];
    // Places are looked up under the old state, then the agent is moved (or dropped when full) under the new one.
    const places = this.places;
    let c = 0;
    places[c++] = this.tierOrder[t]?.find(i) ?? -1;
    for (const k of skills) {
      places[c++] = this.skillOrder[t * S + k]?.find(i) ?? -1;
      places[c++] = this.levelOrder[t * S + k]?.find(i) ?? -1;
    }
    this.load[i] = (this.load[i] ?? 0) + 1;
    this.lastAssigned[i] = this.at;
    this.hasLast[i] = 1;
    const full = !this.canTake(i);
    c = 0;
    this.move(this.tierOrder[t], places[c++] ?? -1, full);
    for (const k of skills) {
      this.move(this.skillOrder[t * S + k], places[c++] ?? -1, full);
      this.move(this.levelOrder[t * S + k], places[c++] ?? -1, full);
    }
  }

  private move(index: OrderedAgents | undefined, p: number, full: boolean): void {
    if (!index) return;
    if (full) index.removeAt(p);
    else index.settleAt(p);
  }

  /** The strategy's order for the main indexes: score (specialised per strategy, no switch per comparison), then tie-breaks. */
  private mainOrder(): (a: number, b: number) => boolean {
    const { max, load, lastAssigned, hasLast, at } = this;
    const tie = (a: number, b: number) => this.tieBefore(a, b);
    switch (this.strategy) {
      case 'spare-capacity':
      case 'skills-first': // every score 0 here, so spare decides first, as tieBefore does
        return tie;
      case 'percent-spare':
        return (a, b) => {
          const sa = ((max[a] ?? 0) - (load[a] ?? 0)) / (max[a] ?? 1);
          const sb = ((max[b] ?? 0) - (load[b] ?? 0)) / (max[b] ?? 1);
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

  /** scratch for assign(): an agent's place in each of its indexes */
  private readonly places: Int32Array;

  private file(i: number): void {
    const t = this.tier[i] ?? 0;
    this.tierOrder[t]?.insert(i);
    for (const k of this.agentSkills[i] ?? []) {
      this.skillOrder[t * this.skillCount + k]?.insert(i);
      this.levelOrder[t * this.skillCount + k]?.insert(i);
    }
  }
}

// The batch router: agents are read once into flat typed arrays (capacity, availability, skill levels)
// and each decision is one allocation-free pass keeping the best, then applied (load + 1) so the next
// ticket sees it. Chooses exactly what routeToOptimalAgent would, minus the per-candidate explanation.
import { getAgentCapacity } from './agent-capacity';
import { isOnSchedule } from './schedule';
import type { RoutableAgent, RoutableTicket, RoutingOptions } from './types';

const TIER_INDEX = { L1: 0, L2: 1, L3: 2 } as const;

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
  /** agent indexes per tier, so a decision only walks the ticket's tier */
  private readonly byTier: Int32Array[];
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
    this.skillCount = this.skillIndex.size;
    this.levels = new Float64Array(n * Math.max(1, this.skillCount));
    this.byTier = [0, 1, 2].map((t) => Int32Array.from(agents.flatMap((a, i) => (TIER_INDEX[a.tier] === t ? [i] : []))));
    agents.forEach((a, i) => {
      const cap = getAgentCapacity(a, opts.defaultMaxConcurrent);
      this.max[i] = cap.max;
      this.load[i] = cap.load;
      this.available[i] = a.status === 'online' && isOnSchedule(a.schedule, opts.at) ? 1 : 0;
      this.tier[i] = TIER_INDEX[a.tier];
      this.hasLast[i] = a.lastAssignedAt === null ? 0 : 1;
      this.lastAssigned[i] = a.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
      for (const s of a.skills) {
        const k = this.skillIndex.get(s.skill) ?? 0;
        // The first entry of a skill counts, as in skillLevel().
        if (this.levels[i * this.skillCount + k] === 0) this.levels[i * this.skillCount + k] = s.level;
      }
    });
  }

  /** Decides for one ticket and, when an agent is chosen, counts the ticket on that agent. */
  decide(ticket: RoutableTicket): PoolDecision {
    const S = this.skillCount;
    const mandatory: number[] = [];
    const weighted: number[] = [];
    const weights: number[] = [];
    for (const r of ticket.requiredSkills) {
      const k = this.skillIndex.get(r.skill);
      if (r.mandatory && k === undefined) return { agentId: null, score: 0 };
      if (k !== undefined && r.mandatory) mandatory.push(k);
      // Unknown weighted skills add 0 for everyone; known ones keep the ticket's order so sums match exactly.
      weighted.push(k ?? -1);
      weights.push(r.weight);
    }
    const tier = TIER_INDEX[ticket.tier];
    const strategy = this.strategy;
    const at = this.at;
    const { max, load, available, lastAssigned, levels, ids } = this;
    let best = -1;
    let bestScore = 0;
    let bestSpare = 0;
    const members = this.byTier[tier] ?? new Int32Array(0);
    const hasLast = this.hasLast;
    for (let j = 0; j < members.length; j++) {
      const i = members[j] ?? 0;
      if (available[i] === 0) continue;
      const spare = (max[i] ?? 0) - (load[i] ?? 0);
      if (spare <= 0) continue;
      let ok = true;
      for (let m = 0; m < mandatory.length; m++) {
        if ((levels[i * S + (mandatory[m] ?? 0)] ?? 0) <= 0) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      let score: number;
      if (strategy === 'spare-capacity') score = spare;
      else if (strategy === 'percent-spare') score = spare / (max[i] ?? 1);
      else if (strategy === 'skills-first') {
        score = 0;
        for (let w = 0; w < weighted.length; w++) {
          const k = weighted[w] ?? -1;
          score += (weights[w] ?? 0) * (k < 0 ? 0 : (levels[i * S + k] ?? 0));
        }
      } else score = hasLast[i] ? at - (lastAssigned[i] ?? 0) : at + 1; // as roundRobinScore, without an object per agent
      if (best < 0) {
        best = i;
        bestScore = score;
        bestSpare = spare;
        continue;
      }
      if (score !== bestScore ? score > bestScore : spare !== bestSpare ? spare > bestSpare : (lastAssigned[i] ?? 0) !== (lastAssigned[best] ?? 0) ? (lastAssigned[i] ?? 0) < (lastAssigned[best] ?? 0) : (ids[i] ?? '') < (ids[best] ?? '')) {
        best = i;
        bestScore = score;
        bestSpare = spare;
      }
    }
    if (best < 0) return { agentId: null, score: 0 };
    load[best] = (load[best] ?? 0) + 1;
    lastAssigned[best] = at;
    this.hasLast[best] = 1;
    return { agentId: ids[best] ?? null, score: bestScore };
  }

  /** Current load of an agent in this pool (after the decisions made so far). */
  loadOf(agentId: string): number {
    const i = this.ids.indexOf(agentId);
    return i < 0 ? 0 : (this.load[i] ?? 0);
  }
}

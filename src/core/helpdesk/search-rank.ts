// Help-desk search: candidates of every kind (client, journey, ticket, support agent, task agent)
// scored against the query by how well their id or name matches, merged into one ranked list.
export const RESULT_TYPES = ['client', 'journey', 'ticket', 'support_agent', 'agent'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

export interface SearchCandidate {
  type: ResultType;
  id: string;
  name: string;
  /** Other text that may match (a client id, a status); scored lower than id and name. */
  extra?: readonly string[];
  detail: string;
  link: string;
}

export interface SearchResult extends SearchCandidate {
  score: number;
  matched: 'id' | 'name' | 'other';
}

function scoreText(q: string, text: string, exact: number): number {
  const t = text.toLowerCase();
  if (t === q) return exact;
  if (t.startsWith(q)) return exact - 20;
  if (t.split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(q))) return exact - 35;
  if (t.includes(q)) return exact - 50;
  return 0;
}

/** Scores a candidate: 0 means no match. An id match beats a name match of the same quality. */
export function scoreCandidate(query: string, c: SearchCandidate): { score: number; matched: SearchResult['matched'] } {
  const q = query.trim().toLowerCase();
  if (q === '') return { score: 0, matched: 'other' };
  const byId = scoreText(q, c.id, 100);
  const byName = scoreText(q, c.name, 95);
  const byExtra = Math.max(0, ...(c.extra ?? []).map((x) => scoreText(q, x, 60)));
  const best = Math.max(byId, byName, byExtra);
  return { score: best, matched: best === byId ? 'id' : best === byName ? 'name' : 'other' };
}

const TYPE_ORDER: Record<ResultType, number> = { client: 0, journey: 1, ticket: 2, support_agent: 3, agent: 4 };

/** Matching candidates, best first (ties: clients, journeys, tickets, agents; then by name), deduplicated by type and id. */
export function rankResults(query: string, candidates: readonly SearchCandidate[], limit = 50): SearchResult[] {
  const seen = new Set<string>();
  const out: SearchResult[] = [];
  for (const c of candidates) {
    const k = `${c.type}/${c.id}`;
    if (seen.has(k)) continue;
    const { score, matched } = scoreCandidate(query, c);
    if (score <= 0) continue;
    seen.add(k);
    out.push({ ...c, score, matched });
  }
  return out.sort((a, b) => b.score - a.score || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.name.localeCompare(b.name)).slice(0, limit);
}

// Exact-word and prefix scoring read straight from MiniSearch's inverted index into typed arrays,
// and top-k selection of a page: a word found in nearly every pattern no longer builds, sorts and
// discards one result object per match. The arithmetic and its order are MiniSearch.search's
// (BM25 per field, prefix weights, AND combination), so scores and tie order are bit-identical.
import type MiniSearch from 'minisearch';
import { BM25, postingsOf, type CompiledPostings, type MiniSearchInternals, type TermData } from './search-postings';

export interface ScoringOptions {
  /** Text fields in index order, with their boosts (1 when absent). */
  fields: readonly string[];
  boost: Readonly<Record<string, number>>;
  /** Whether a query term also matches the terms it starts. */
  prefix: (term: string) => boolean;
  tokenize: (text: string) => string[];
  processTerm: (term: string) => string | null;
  /** Typo tolerance per term, as MiniSearch's `fuzzy` option (fraction of the length, or edits), capped at `maxFuzzy` edits. */
  fuzzy?: (term: string) => number | false;
  maxFuzzy?: number;
}

// MiniSearch's weights of a prefix and a fuzzy match.
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

export interface ScoredText {
  /** Matching document ids in MiniSearch's result order before ranking (ties keep this order). */
  docs: Int32Array;
  /** Document id → final score (sum of the terms' scores × the number of distinct query terms). */
  score: Float64Array;
  /** The document's matched index terms, as MiniSearch lists them (`Object.keys` of its match). */
  terms(doc: number): string[];
}

interface Derived {
  term: string;
  data: TermData;
}

/**
 * Scores `q` (all words required, each word ≥ `prefix` also as a prefix) like `MiniSearch.search`,
 * or returns null when the index holds documents discarded but not vacuumed (MiniSearch would
 * drop them while scoring and change document frequencies: the caller then asks MiniSearch).
 * `postings` is the index's typed-array copy for `options.fields` (by default compiled once per
 * index state).
 */
export function scoreText(index: MiniSearch<unknown>, q: string, options: ScoringOptions, postings: CompiledPostings = postingsOf(index, options.fields)): ScoredText | null {
  if (!postings.complete) return null;
  const ms = index as unknown as MiniSearchInternals;
  const terms = options
    .tokenize(q)
    .map((t) => options.processTerm(t))
    .filter((t): t is string => !!t);
  const size = ms._nextId;
  const total = new Float64Array(size);
  const boosts = options.fields.map((field) => options.boost[field] || 1);
  let alive: Uint8Array | null = null;
  let order: number[] = [];
  const derivedPerTerm: Derived[][] = [];
  for (const term of terms) {
    const derived: Array<Derived & { weight: number }> = [];
    const exact = ms._index.get(term);
    if (exact) derived.push({ term, data: exact, weight: 1 });
    const fuzzy = options.fuzzy?.(term) ?? false;
    let fuzzyMatches: Map<string, [TermData, number]> | undefined;
    if (fuzzy !== false) {
      const maxDistance = fuzzy < 1 ? Math.min(options.maxFuzzy ?? 6, Math.round(term.length * fuzzy)) : fuzzy;
      if (maxDistance) fuzzyMatches = ms._index.fuzzyGet(term, maxDistance);
    }
    if (options.prefix(term)) {
      for (const [t, data] of ms._index.atPrefix(term)) {
        const distance = t.length - term.length;
        if (!distance) continue;
        // A term both prefix and fuzzy match is scored as a prefix match only.
        fuzzyMatches?.delete(t);
        derived.push({ term: t, data, weight: (PREFIX_WEIGHT * t.length) / (t.length + 0.3 * distance) });
      }
    }
    if (fuzzyMatches) {
      for (const [t, [data, distance]] of fuzzyMatches) {
        if (!distance) continue;
        derived.push({ term: t, data, weight: (FUZZY_WEIGHT * t.length) / (t.length + distance) });
      }
    }
    derivedPerTerm.push(derived);
    const score = new Float64Array(size);
    const seen = new Uint8Array(size);
    const seenOrder: number[] = [];
    for (const { term: t, data, weight } of derived) {
      const lists = postings.term(t, data);
      for (let f = 0; f < lists.length; f++) {
        const list = lists[f];
        if (!list) continue;
        const fieldBoost = boosts[f] as number;
        const norm = postings.norm[f] as Float64Array;
        const { docs, freqs, invDocFreq } = list;
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i] as number;
          const termFreq = freqs[i] as number;
          // MiniSearch's BM25, operation for operation (the length part precomputed per document).
          const raw = invDocFreq * (BM25.d + (termFreq * (BM25.k + 1)) / (termFreq + (norm[doc] as number)));
          const weighted = weight * 1 * fieldBoost * 1 * raw;
          if (seen[doc] === 1) score[doc] = (score[doc] as number) + weighted;
          else {
            seen[doc] = 1;
            score[doc] = weighted;
            seenOrder.push(doc);
          }
        }
      }
    }
    // AND: the combined order is this term's order, kept where every earlier term matched too.
    if (alive === null) {
      for (const doc of seenOrder) total[doc] = score[doc] as number;
      order = seenOrder;
    } else {
      const kept: number[] = [];
      for (const doc of seenOrder) {
        if (alive[doc] !== 1) continue;
        total[doc] = (total[doc] as number) + (score[doc] as number);
        kept.push(doc);
      }
      order = kept;
    }
    alive = new Uint8Array(size);
    for (const doc of order) alive[doc] = 1;
  }
  const quality = new Set(terms).size || 1;
  for (const doc of order) total[doc] = (total[doc] as number) * quality;
  return {
    docs: Int32Array.from(order),
    score: total,
    terms(doc) {
      // An object, so the engine orders the keys exactly as MiniSearch's `match` object does.
      const match: Record<string, true> = Object.create(null) as Record<string, true>;
      for (const derived of derivedPerTerm) {
        for (const { term, data } of derived) {
          if (Object.hasOwn(match, term)) continue;
          for (const field of options.fields) {
            if (data.get(ms._fieldIds[field] as number)?.has(doc)) {
              match[term] = true;
              break;
            }
          }
        }
      }
      return Object.keys(match);
    },
  };
}

/**
 * Positions `from` to `to` (exclusive) of `count` items ranked by `score` descending, ties in
 * position order: a bounded heap of the best `to`, not a sort of everything.
 */
export function topRanked(count: number, score: (i: number) => number, from: number, to: number): number[] {
  const k = Math.min(to, count);
  if (from >= k) return [];
  // `a` ranks before `b`.
  const before = (a: number, b: number): boolean => {
    const sa = score(a);
    const sb = score(b);
    return sa > sb || (sa === sb && a < b);
  };
  // Heap of the best k so far, the worst of them at the root.
  const heap: number[] = [];
  const siftDown = (at: number): void => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let worst = at;
      if (l < heap.length && before(heap[worst] as number, heap[l] as number)) worst = l;
      if (r < heap.length && before(heap[worst] as number, heap[r] as number)) worst = r;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst] as number, heap[at] as number];
      at = worst;
    }
  };
  for (let i = 0; i < count; i++) {
    if (heap.length < k) {
      heap.push(i);
      let at = heap.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!before(heap[parent] as number, heap[at] as number)) break;
        [heap[parent], heap[at]] = [heap[at] as number, heap[parent] as number];
        at = parent;
      }
    } else if (before(i, heap[0] as number)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  heap.sort((a, b) => (before(a, b) ? -1 : 1));
  return heap.slice(from, k);
}

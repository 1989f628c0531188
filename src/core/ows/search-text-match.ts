// Which patterns a query's words match and how well: the words as typed (the last ones also as
// prefixes), else typo-tolerant, scored from the snapshot's typed-array postings exactly as MiniSearch.
import type MiniSearch from 'minisearch';
import type { RecentCache } from './search-cache';
import type { SearchablePattern } from './search-pattern';
import { scoreText, type ScoredText, type ScoringOptions } from './search-scoring';
import type { Snapshot } from './search-snapshot';
import { processTerm, tokenize } from './search-text';

export const TEXT_FIELDS = ['title', 'problem', 'orchestrationShift', 'body'] as const;
export const BOOST = { title: 3, problem: 1.5, orchestrationShift: 1.5 };
export const prefixMatch = (term: string): boolean => term.length >= 3;
const SCORING: ScoringOptions = { fields: TEXT_FIELDS, boost: BOOST, prefix: prefixMatch, tokenize, processTerm };
// The fallback when no pattern has the words as typed: up to 1 edit from 4 letters, 20% from 5 (at most 2).
const typoTolerance = (term: string): number | false => (term.length >= 5 ? 0.2 : term.length >= 4 ? 1 : false);
const MAX_FUZZY = 2;
const FUZZY_SCORING: ScoringOptions = { ...SCORING, fuzzy: typoTolerance, maxFuzzy: MAX_FUZZY };

export interface TextMatches {
  /** Matching rows in MiniSearch's order before ranking: ranking is by score, ties in this order. */
  rows: Int32Array;
  /** Row → score (read for matching rows only). */
  score: Float64Array;
  /** A matching row's matched index terms. */
  terms(row: number): string[];
  approximate: boolean;
}

function fromScored(view: Snapshot, scored: ScoredText, approximate: boolean): TextMatches {
  const score = new Float64Array(view.entries.length);
  const rows = scored.docs.map((doc) => {
    const row = view.rowOfDoc[doc] as number;
    score[row] = scored.score[doc] as number;
    return row;
  });
  return { rows, score, terms: (row) => scored.terms(view.docOfRow[row] as number), approximate };
}

/** Text matches of the words (cached per words), scored without a result object per match. */
export function matchText(view: Snapshot, text: MiniSearch<SearchablePattern>, terms: readonly string[], cache: RecentCache<TextMatches>): TextMatches {
  const q = terms.join(' ');
  const cached = cache.get(q);
  if (cached) return cached;
  const index = text as unknown as MiniSearch<unknown>;
  const scored = scoreText(index, q, SCORING, view.postings);
  const typo = scored && scored.docs.length === 0 ? scoreText(index, q, FUZZY_SCORING, view.postings) : null;
  let matches: TextMatches;
  if (scored && scored.docs.length > 0) matches = fromScored(view, scored, false);
  else if (typo) matches = fromScored(view, typo, true);
  else {
    // An index holding discarded documents goes through MiniSearch itself.
    const exact = text.search(q);
    const approximate = exact.length === 0;
    const results = approximate ? text.search(q, { fuzzy: typoTolerance, maxFuzzy: MAX_FUZZY }) : exact;
    const rowOfSlug = new Map(view.entries.map((e) => [e.pattern.slug, e.row]));
    const score = new Float64Array(view.entries.length);
    const termsOf = new Map<number, string[]>();
    const rows = Int32Array.from(results, (r) => {
      const row = rowOfSlug.get(r.id as string) as number;
      score[row] = r.score;
      termsOf.set(row, r.terms);
      return row;
    });
    matches = { rows, score, terms: (row) => termsOf.get(row) ?? [], approximate };
  }
  cache.set(q, matches);
  return matches;
}

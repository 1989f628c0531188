// MiniSearch's postings copied into typed arrays once per index state (doc ids and term frequencies
// per term and field, and each document's BM25 length norm per field), so scoring a word found in
// most patterns walks flat arrays instead of iterating `Map`s and looking up field lengths.
import type MiniSearch from 'minisearch';

/** Term frequency per document id, for one term in one field. */
export type FieldPostings = Map<number, number>;
/** Field id → postings, for one term. */
export type TermData = Map<number, FieldPostings>;

/** The parts of MiniSearch 7's index the scorer reads (private fields, pinned by the golden search test). */
export interface MiniSearchInternals {
  _index: Iterable<[string, TermData]> & {
    get(term: string): TermData | undefined;
    atPrefix(term: string): Iterable<[string, TermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>;
  };
  _documentCount: number;
  _nextId: number;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentIds: Map<number, unknown>;
}

// MiniSearch's BM25 defaults.
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** One term in one field: documents in MiniSearch's posting order, and their term frequencies. */
export interface FieldList {
  docs: Int32Array;
  freqs: Int32Array;
  /** log(1 + (N − n + 0.5) / (n + 0.5)) for this term and field, as MiniSearch computes it. */
  invDocFreq: number;
}

/** Per text field (in the scorer's field order), the term's list, or null when absent from that field. */
export type CompiledTerm = ReadonlyArray<FieldList | null>;

export interface CompiledPostings {
  /** False when the index holds discarded documents not yet vacuumed: the caller must ask MiniSearch. */
  readonly complete: boolean;
  /** Per field (scorer order), document id → k·(1 − b + b·length/avgLength), the length part of BM25. */
  readonly norm: readonly Float64Array[];
  term(term: string, data: TermData): CompiledTerm;
}

function compileTerm(ms: MiniSearchInternals, fieldIds: readonly number[], data: TermData): CompiledTerm {
  return fieldIds.map((fieldId) => {
    const postings = data.get(fieldId);
    if (postings == null) return null;
    const docs = new Int32Array(postings.size);
    const freqs = new Int32Array(postings.size);
    let i = 0;
    for (const [doc, freq] of postings) {
      docs[i] = doc;
      freqs[i] = freq;
      i++;
    }
    const matching = postings.size;
    return { docs, freqs, invDocFreq: Math.log(1 + (ms._documentCount - matching + 0.5) / (matching + 0.5)) };
  });
}

/**
 * Copies every term of the index (read the index's current state: call again after a change).
 * The arithmetic kept here is MiniSearch's, operation for operation, so scores stay bit-identical.
 */
export function compilePostings(index: MiniSearch<unknown>, fields: readonly string[]): CompiledPostings {
  const ms = index as unknown as MiniSearchInternals;
  const fieldIds = fields.map((f) => ms._fieldIds[f] as number);
  const size = ms._nextId;
  const norm = fieldIds.map((fieldId) => {
    const out = new Float64Array(size);
    const avgFieldLength = ms._avgFieldLength[fieldId] as number;
    for (const [doc, lengths] of ms._fieldLength) {
      const fieldLength = lengths[fieldId] as number;
      out[doc] = BM25.k * (1 - BM25.b + (BM25.b * fieldLength) / avgFieldLength);
    }
    return out;
  });
  const terms = new Map<TermData, CompiledTerm>();
  for (const [, data] of ms._index) terms.set(data, compileTerm(ms, fieldIds, data));
  // Discarded documents stay in the postings until a vacuum; MiniSearch skips them while scoring.
  const complete = index.dirtCount === 0;
  return {
    complete,
    norm,
    // Keyed by MiniSearch's own term object, found by exact, prefix or fuzzy lookup alike.
    term: (_term, data) => terms.get(data) ?? compileTerm(ms, fieldIds, data),
  };
}

const compiled = new WeakMap<object, { state: string; postings: CompiledPostings; fields: string }>();

/**
 * The compiled postings of an index in its current state, reused while it has not changed: every
 * add bumps the next document id, every removal or discard lowers the document count, a vacuum
 * lowers the dirt count.
 */
export function postingsOf(index: MiniSearch<unknown>, fields: readonly string[]): CompiledPostings {
  const ms = index as unknown as MiniSearchInternals;
  const state = `${ms._nextId} ${ms._documentCount} ${index.dirtCount}`;
  const key = fields.join(' ');
  const hit = compiled.get(index);
  if (hit && hit.state === state && hit.fields === key) return hit.postings;
  const postings = compilePostings(index, fields);
  compiled.set(index, { state, postings, fields: key });
  return postings;
}

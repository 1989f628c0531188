// The white-label editor's rows and their place in the URL (`wf`/`wt` pairs, in row order), so a
// link reproduces a client's term map; which rows are sent, and which row a server error points at.

export interface TermPair {
  from: string;
  to: string;
}

export const MAX_TERM_ROWS = 50;

/** Pairs from the URL; a term without a replacement (or the reverse) keeps an empty side. */
export function readTermPairs(params: URLSearchParams): TermPair[] {
  const froms = params.getAll('wf');
  const tos = params.getAll('wt');
  const count = Math.min(MAX_TERM_ROWS, Math.max(froms.length, tos.length));
  return Array.from({ length: count }, (_, i) => ({ from: froms[i] ?? '', to: tos[i] ?? '' }));
}

/** Writes the rows into the URL, keeping every other parameter; blank rows are left out. */
export function writeTermPairs(params: URLSearchParams, pairs: readonly TermPair[]): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('wf');
  next.delete('wt');
  for (const pair of pairs) {
    if (pair.from.trim() === '' && pair.to.trim() === '') continue;
    next.append('wf', pair.from);
    next.append('wt', pair.to);
  }
  return next;
}

export interface TermRequest {
  terms: TermPair[];
  /** For each sent term, the index of its row in the editor. */
  rowOf: number[];
  /** Rows with only one side filled in: not sent, flagged in the editor. */
  incomplete: number[];
}

/** The rows worth sending: both sides filled in. */
export function termRequest(pairs: readonly TermPair[]): TermRequest {
  const terms: TermPair[] = [];
  const rowOf: number[] = [];
  const incomplete: number[] = [];
  pairs.forEach((pair, row) => {
    const hasFrom = pair.from.trim() !== '';
    const hasTo = pair.to.trim() !== '';
    if (hasFrom && hasTo) {
      terms.push({ from: pair.from, to: pair.to });
      rowOf.push(row);
    } else if (hasFrom || hasTo) {
      incomplete.push(row);
    }
  });
  return { terms, rowOf, incomplete };
}

/**
 * `/terms/2/from` in the request body (or `/2/from` in the term map) → row and side in the editor;
 * null when the pointer names no entry.
 */
export function rowOfPointer(pointer: string | undefined, rowOf: readonly number[]): { row: number; side: 'from' | 'to' } | null {
  const match = /^(?:\/terms)?\/(\d+)(?:\/(from|to))?$/.exec(pointer ?? '');
  if (match === null) return null;
  const row = rowOf[Number(match[1])];
  return row === undefined ? null : { row, side: match[2] === 'to' ? 'to' : 'from' };
}

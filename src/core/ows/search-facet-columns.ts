// Facet values as row bitsets (one bit per pattern for each facet value), so filtering and facet
// counting over ten thousand patterns is a few thousand word-wide ANDs and popcounts instead of a
// walk over every row. Counting follows the rule in search-facets.ts: a value's count is taken over
// the rows that pass every *other* facet's filter.
import type { FacetIds } from './search-facets';

/** Set bits in a 32-bit word (SWAR popcount). */
export function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

export class FacetColumns {
  /** 32-bit words per bitset. */
  readonly words: number;
  /** [facet][value id] → the rows having that value. */
  private readonly columns: Uint32Array[][];

  constructor(
    vocabularySizes: readonly number[],
    patterns: readonly FacetIds[],
    readonly rowCount = patterns.length,
  ) {
    this.words = Math.ceil(rowCount / 32);
    this.columns = vocabularySizes.map((n) => Array.from({ length: n }, () => new Uint32Array(this.words)));
    patterns.forEach((ids, row) => {
      ids.forEach((values, f) => {
        for (const id of values) {
          const column = this.columns[f]?.[id];
          if (column) column[row >>> 5] = (column[row >>> 5] as number) | (1 << (row & 31));
        }
      });
    });
  }

  /** Every row: the neutral element of the ANDs below. */
  all(): Uint32Array {
    const bits = new Uint32Array(this.words).fill(0xffffffff);
    const tail = this.rowCount & 31;
    if (tail !== 0) bits[this.words - 1] = (1 << tail) - 1;
    return bits;
  }

  /** The rows a facet's filter selects (any of the chosen value ids; none chosen selects nothing). */
  union(f: number, table: Uint8Array): Uint32Array {
    const bits = new Uint32Array(this.words);
    const columns = this.columns[f] ?? [];
    table.forEach((on, id) => {
      const column = columns[id];
      if (!on || !column) return;
      for (let w = 0; w < bits.length; w++) bits[w] = (bits[w] as number) | (column[w] as number);
    });
    return bits;
  }

  /** Rows from a list of row numbers (e.g. the text matches). */
  fromRows(rows: ArrayLike<number>): Uint32Array {
    const bits = new Uint32Array(this.words);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      bits[row >>> 5] = (bits[row >>> 5] as number) | (1 << (row & 31));
    }
    return bits;
  }

  /**
   * Filters and counts at once: returns the rows in `within` (every row when null) passing every
   * facet's selection (null: no filter on that facet), and fills `counts[f][id]` with the rows
   * having value `id` among those in `within` passing every facet's selection but f's.
   */
  select(selections: ReadonlyArray<Uint32Array | null>, within: Uint32Array | null, counts: readonly Int32Array[]): Uint32Array {
    const base = within ? within.slice() : this.all();
    for (let f = 0; f < this.columns.length; f++) {
      // Rows passing the other facets' filters.
      const others = base.slice();
      selections.forEach((selection, g) => {
        if (g === f || !selection) return;
        for (let w = 0; w < others.length; w++) others[w] = (others[w] as number) & (selection[w] as number);
      });
      const bucket = counts[f] as Int32Array;
      (this.columns[f] as Uint32Array[]).forEach((column, id) => {
        let n = 0;
        for (let w = 0; w < others.length; w++) {
          const bits = (column[w] as number) & (others[w] as number);
          if (bits !== 0) n += popcount(bits);
        }
        bucket[id] = n;
      });
    }
    selections.forEach((selection) => {
      if (!selection) return;
      for (let w = 0; w < base.length; w++) base[w] = (base[w] as number) & (selection[w] as number);
    });
    return base;
  }
}

/** Whether `row` is set in a bitset. */
export const hasRow = (bits: Uint32Array, row: number): boolean => (((bits[row >>> 5] as number) >>> (row & 31)) & 1) === 1;

/** The set rows in ascending order. */
export function rowsOf(bits: Uint32Array): Int32Array {
  let n = 0;
  for (const word of bits) if (word !== 0) n += popcount(word);
  const rows = new Int32Array(n);
  let i = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w] as number;
    while (word !== 0) {
      const low = word & -word;
      rows[i++] = w * 32 + 31 - Math.clz32(low);
      word ^= low;
    }
  }
  return rows;
}

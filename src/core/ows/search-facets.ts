// Facet values and counts. Counts follow the usual faceted-search rule: a value's count is the
// number of results the query would have if that value were selected alongside the other facets'
// filters, i.e. counted over the text matches with every *other* facet's filter applied. Selecting
// a value therefore never zeroes its siblings (several values of one facet are OR-ed).
import { FACETS, type FacetName } from './search-query';

/** Per facet (in `FACETS` order), the ids of a pattern's values. */
export type FacetIds = ReadonlyArray<readonly number[]>;

export type FacetCounts = Record<FacetName, Record<string, number>>;

interface Value {
  label: string;
  docs: number;
  known: boolean;
}

/** Value ids, spellings and ordering: known values first in their given order, then the rest alphabetically. */
export class FacetVocabulary {
  private readonly ids = FACETS.map(() => new Map<string, number>());
  private readonly values: Value[][] = FACETS.map(() => []);

  constructor(known: Partial<Record<FacetName, readonly string[]>>) {
    FACETS.forEach((facet, f) => {
      for (const label of known[facet] ?? []) this.intern(f, label).known = true;
    });
  }

  private intern(f: number, label: string): Value {
    const key = label.toLowerCase();
    const ids = this.ids[f] as Map<string, number>;
    const values = this.values[f] as Value[];
    const id = ids.get(key);
    if (id !== undefined) return values[id] as Value;
    ids.set(key, values.length);
    const value = { label, docs: 0, known: false };
    values.push(value);
    return value;
  }

  /** Ids for a pattern's values, registering new ones. */
  add(f: number, labels: readonly string[]): number[] {
    const out = new Set<number>();
    for (const label of labels) {
      const value = this.intern(f, label);
      const id = this.ids[f]?.get(label.toLowerCase()) as number;
      if (!out.has(id)) value.docs++;
      out.add(id);
    }
    return [...out];
  }

  remove(f: number, ids: readonly number[]): void {
    for (const id of ids) {
      const value = this.values[f]?.[id];
      if (value) value.docs--;
    }
  }

  size(f: number): number {
    return this.values[f]?.length ?? 0;
  }

  /** The selection table for a facet's filter values; unknown values select nothing. */
  select(f: number, labels: readonly string[]): Uint8Array {
    const table = new Uint8Array(this.size(f));
    for (const label of labels) {
      const id = this.ids[f]?.get(label.toLowerCase());
      if (id !== undefined) table[id] = 1;
    }
    return table;
  }

  /** Counts by label for one facet: values some pattern has, known values, and the selected ones. */
  report(f: number, counts: Int32Array, selected: readonly string[]): Record<string, number> {
    const values = this.values[f] ?? [];
    const shown = values.map((v, id) => ({ v, id })).filter(({ v }) => v.known || v.docs > 0);
    const known = shown.filter(({ v }) => v.known);
    const rest = shown.filter(({ v }) => !v.known).sort((a, b) => a.v.label.localeCompare(b.v.label));
    const out: Record<string, number> = {};
    for (const { v, id } of [...known, ...rest]) out[v.label] = counts[id] ?? 0;
    for (const label of selected) {
      const id = this.ids[f]?.get(label.toLowerCase());
      const existing = id === undefined ? undefined : values[id]?.label;
      if (existing === undefined || !(existing in out)) out[existing ?? label] = id === undefined ? 0 : (counts[id] ?? 0);
    }
    return out;
  }
}

/**
 * Every pattern's facet values as bitmasks in one flat array (a row per pattern, one or more
 * 32-bit words per facet), so a pass over ten thousand patterns reads a few hundred kilobytes
 * instead of chasing pointers through ten thousand objects.
 */
export class FacetMatrix {
  private readonly words: number[];
  private readonly offsets: number[];
  private readonly stride: number;
  private readonly rows: Uint32Array;

  constructor(vocabularySizes: readonly number[], patterns: readonly FacetIds[]) {
    this.words = vocabularySizes.map((n) => Math.max(1, Math.ceil(n / 32)));
    this.offsets = this.words.map((_, f) => this.words.slice(0, f).reduce((a, b) => a + b, 0));
    this.stride = this.words.reduce((a, b) => a + b, 0);
    this.rows = new Uint32Array(patterns.length * this.stride);
    patterns.forEach((ids, row) => {
      ids.forEach((values, f) => {
        const base = row * this.stride + (this.offsets[f] as number);
        for (const id of values) this.rows[base + (id >>> 5)] = (this.rows[base + (id >>> 5)] as number) | (1 << (id & 31));
      });
    });
  }

  /** The bitmask of selected value ids for one facet. */
  mask(f: number, table: Uint8Array): Uint32Array {
    const mask = new Uint32Array(this.words[f] as number);
    table.forEach((on, id) => {
      if (on && id >>> 5 < mask.length) mask[id >>> 5] = (mask[id >>> 5] as number) | (1 << (id & 31));
    });
    return mask;
  }

  private count(base: number, words: number, bucket: Int32Array): void {
    for (let w = 0; w < words; w++) {
      let bits = this.rows[base + w] as number;
      while (bits !== 0) {
        const low = bits & -bits;
        const id = w * 32 + 31 - Math.clz32(low);
        bucket[id] = (bucket[id] as number) + 1;
        bits ^= low;
      }
    }
  }

  /**
   * Adds one pattern to the counts and says whether it passes every filter. A pattern failing
   * exactly one facet still counts towards that facet's values; failing two, it counts nowhere.
   */
  tally(row: number, masks: ReadonlyArray<Uint32Array | null>, counts: readonly Int32Array[]): boolean {
    const base = row * this.stride;
    let failures = 0;
    let failed = -1;
    for (let f = 0; f < masks.length; f++) {
      const mask = masks[f];
      if (!mask) continue;
      const offset = base + (this.offsets[f] as number);
      let hit = false;
      for (let w = 0; w < mask.length; w++) {
        if (((this.rows[offset + w] as number) & (mask[w] as number)) !== 0) {
          hit = true;
          break;
        }
      }
      if (!hit) {
        failures++;
        failed = f;
        if (failures > 1) return false;
      }
    }
    if (failures === 1) {
      this.count(base + (this.offsets[failed] as number), this.words[failed] as number, counts[failed] as Int32Array);
      return false;
    }
    for (let f = 0; f < this.words.length; f++) this.count(base + (this.offsets[f] as number), this.words[f] as number, counts[f] as Int32Array);
    return true;
  }
}

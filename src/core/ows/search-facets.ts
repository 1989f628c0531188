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

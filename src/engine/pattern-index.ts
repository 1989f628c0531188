// The in-memory search index of the latest versions: built from the store on first search, then kept
// current by publications and references, made here or (through the event bus) in another process.
import { BROKEN_SIGNALS, INDUSTRIES, MATURITY_LEVELS, PROBLEM_TYPES } from '../core/ows/library-metadata';
import { toSearchablePattern } from '../core/ows/pattern-search-document';
import { createPatternIndex, type PatternIndex, type PatternQueryInput, type PatternSearchResult, type SearchablePattern } from '../core/ows/search-index';
import type { PatternVersionRecord } from '../store/pattern-versions-repo';

export interface IndexSource {
  /** The latest version of every pattern, and the references recorded per slug. */
  load(): Promise<{ records: PatternVersionRecord[]; references: Map<string, number> }>;
}

export type LibraryHit = PatternSearchResult['items'][number] & { version: number };
export type LibrarySearchResult = Omit<PatternSearchResult, 'items'> & { items: LibraryHit[] };

interface Indexed {
  version: number;
  searchable: SearchablePattern;
  /** The reference count the document carried when it was published. */
  baseline: number;
}

type Change = { kind: 'upsert'; record: PatternVersionRecord; recorded: number } | { kind: 'references'; slug: string; recorded: number };

/** Facet filters arrive repeated (`industry=A&industry=B`) or comma-separated (`industry=A,B`). */
export function splitFacets(query: Record<string, unknown>): PatternQueryInput {
  const out: Record<string, unknown> = { ...query };
  for (const facet of ['industry', 'problemType', 'brokenSignal', 'maturity']) {
    const value = out[facet];
    if (value === undefined) continue;
    const list = Array.isArray(value) ? value : [value];
    out[facet] = list.flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
  }
  return out as PatternQueryInput;
}

export class LibraryIndex {
  private index: PatternIndex | undefined;
  private building: Promise<PatternIndex> | undefined;
  private readonly indexed = new Map<string, Indexed>();
  /** Changes that arrived while the index was being built, applied once it is. */
  private queued: Change[] = [];
  /** Slug → recorded references not yet written into the index (applied before the next search). */
  private readonly pendingCounts = new Map<string, number>();

  constructor(private readonly source: IndexSource) {}

  get built(): boolean {
    return this.index !== undefined;
  }

  async search(query: PatternQueryInput): Promise<LibrarySearchResult> {
    const index = await this.ready();
    this.flushCounts(index);
    const result = index.search(query);
    return { ...result, items: result.items.map((hit) => ({ ...hit, version: this.indexed.get(hit.slug)?.version ?? 0 })) };
  }

  /** A version was published: index it unless a newer one is already there. */
  upsert(record: PatternVersionRecord, recorded: number): void {
    this.apply({ kind: 'upsert', record, recorded });
  }

  /** The slug's recorded references changed (views, downloads, exports; without the baseline). */
  references(slug: string, recorded: number): void {
    this.apply({ kind: 'references', slug, recorded });
  }

  /** The version the index holds for a slug, if any. */
  versionOf(slug: string): number | undefined {
    return this.indexed.get(slug)?.version;
  }

  private apply(change: Change): void {
    if (this.index) this.applyTo(this.index, change);
    else if (this.building) this.queued.push(change);
    // Not built and not building: the first search reads everything from the store.
  }

  private applyTo(index: PatternIndex, change: Change): void {
    if (change.kind === 'references') {
      const entry = this.indexed.get(change.slug);
      if (!entry) return;
      // Counts only grow; an event that arrives late from another process must not lower them.
      const known = Math.max(this.pendingCounts.get(change.slug) ?? 0, entry.searchable.referenceCount - entry.baseline);
      if (change.recorded > known) this.pendingCounts.set(change.slug, change.recorded);
      return;
    }
    const current = this.indexed.get(change.record.slug);
    if (current && current.version >= change.record.version) return;
    const entry = entryOf(change.record, change.recorded);
    this.indexed.set(change.record.slug, entry);
    this.pendingCounts.delete(change.record.slug);
    index.replace(entry.searchable);
  }

  /** Reference counts change often and matter only to ordering: they are written in batches, at search time. */
  private flushCounts(index: PatternIndex): void {
    if (this.pendingCounts.size === 0) return;
    for (const [slug, recorded] of this.pendingCounts) {
      const entry = this.indexed.get(slug);
      if (!entry) continue;
      const referenceCount = entry.baseline + recorded;
      if (referenceCount === entry.searchable.referenceCount) continue;
      entry.searchable = { ...entry.searchable, referenceCount };
      // Only the count: re-indexing the text would also drop every cached match.
      index.updateReferenceCount(slug, referenceCount);
    }
    this.pendingCounts.clear();
  }

  private ready(): Promise<PatternIndex> {
    if (this.index) return Promise.resolve(this.index);
    this.building ??= this.build().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  private async build(): Promise<PatternIndex> {
    try {
      const { records, references } = await this.source.load();
      const entries = records.map((r) => entryOf(r, references.get(r.slug) ?? 0));
      const index = createPatternIndex(
        entries.map((e) => e.searchable),
        { knownFacetValues: { industry: INDUSTRIES, problemType: PROBLEM_TYPES, brokenSignal: BROKEN_SIGNALS, maturity: MATURITY_LEVELS } },
      );
      this.indexed.clear();
      for (const e of entries) this.indexed.set(e.searchable.slug, e);
      const queued = this.queued;
      this.queued = [];
      for (const change of queued) this.applyTo(index, change);
      this.index = index;
      return index;
    } catch (err) {
      this.queued = [];
      throw err;
    }
  }
}

function entryOf(record: PatternVersionRecord, recorded: number): Indexed {
  const searchable = toSearchablePattern(record.document);
  const baseline = searchable.referenceCount;
  return { version: record.version, baseline, searchable: { ...searchable, referenceCount: baseline + recorded } };
}

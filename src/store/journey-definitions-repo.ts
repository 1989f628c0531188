// Journey definitions as stored: every registration of an id is a new, immutable version.
import type { Queryable } from './db';
import * as plan from './journey-plans';

export type DefinitionSource = 'builtin' | 'user' | 'sequence';

export interface StoredDefinition {
  id: string;
  version: number;
  name: string;
  source: DefinitionSource;
  /** The validated definition document (JSON); its `version` equals the stored version. */
  document: Record<string, unknown>;
  createdAt: string;
  createdBy: string;
}

export interface DefinitionVersionInfo {
  id: string;
  version: number;
  name: string;
  source: DefinitionSource;
  createdAt: string;
  createdBy: string;
}

interface DefinitionRow {
  id: string;
  version: number;
  name: string;
  source: DefinitionSource;
  document: Record<string, unknown>;
  created_at: Date;
  created_by: string;
}

function toDefinition(r: DefinitionRow): StoredDefinition {
  return { id: r.id, version: r.version, name: r.name, source: r.source, document: r.document, createdAt: r.created_at.toISOString(), createdBy: r.created_by };
}

export async function insertDefinition(tx: Queryable, d: Omit<StoredDefinition, 'createdAt'>, now: Date): Promise<void> {
  await tx.query(plan.insertDefinition, [d.id, d.version, d.name, d.source, JSON.stringify(d.document), now, d.createdBy]);
}

export async function latestDefinitionVersion(db: Queryable, id: string): Promise<number> {
  const rows = await db.query<{ v: number | null }>(plan.latestDefinitionVersion, [id]);
  return rows[0]?.v ?? 0;
}

export async function getDefinition(db: Queryable, id: string, version?: number): Promise<StoredDefinition | undefined> {
  const rows = version === undefined ? await db.query<DefinitionRow>(plan.getLatestDefinition, [id]) : await db.query<DefinitionRow>(plan.getDefinition, [id, version]);
  return rows[0] ? toDefinition(rows[0]) : undefined;
}

export async function listDefinitionVersions(db: Queryable, id: string): Promise<DefinitionVersionInfo[]> {
  const rows = await db.query<Omit<DefinitionRow, 'document'>>(plan.listDefinitionVersions, [id]);
  return rows.map((r) => ({ id: r.id, version: r.version, name: r.name, source: r.source, createdAt: r.created_at.toISOString(), createdBy: r.created_by }));
}

export async function listLatestDefinitions(db: Queryable): Promise<Array<StoredDefinition & { versions: number }>> {
  const rows = await db.query<DefinitionRow & { versions: number }>(plan.listLatestDefinitions);
  return rows.map((r) => ({ ...toDefinition(r), versions: r.versions }));
}

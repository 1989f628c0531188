// The journey definitions a journey can follow: the built-in client onboarding, definitions users
// register (validated, versioned; nothing stored on error) and those derived from sequences.
import { isDeepStrictEqual } from 'node:util';
import { clientOnboarding } from '../core/journey/client-onboarding';
import { validateDefinition, type JourneyDefinition } from '../core/journey/definition';
import { AppError, type ErrorLocation } from '../core/shared/error-codes';
import { isCycleMessage } from '../core/work/unit-template';
import type { Db, Queryable } from '../store/db';
import {
  getDefinition,
  insertDefinition,
  latestDefinitionVersion,
  listDefinitionVersions,
  listLatestDefinitions,
  type DefinitionSource,
  type StoredDefinition,
} from '../store/journey-definitions-repo';
import { commitChange } from './change';
import type { Clock } from './clock';
import type { HandlerRegistry } from './handlers/handler-registry';
import { handlerProblems } from './journey-handler-check';

export const BUILTIN_DEFINITIONS: readonly JourneyDefinition[] = [clientOnboarding];

export interface LoadedDefinition {
  definition: JourneyDefinition;
  source: DefinitionSource;
}

export class JourneyDefinitions {
  private readonly cache = new Map<string, LoadedDefinition>();
  private builtinsStored: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly handlers: HandlerRegistry,
    private readonly onEvents: () => void,
  ) {}

  /** Stores the built-in definitions once (journey rows reference a stored definition version). */
  ensureBuiltins(): Promise<void> {
    this.builtinsStored ??= (async () => {
      for (const def of BUILTIN_DEFINITIONS) {
        await this.db.transaction(async (tx) => {
          if ((await getDefinition(tx, def.id, def.version)) !== undefined) return;
          await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`journey-definition:${def.id}`]);
          if ((await getDefinition(tx, def.id, def.version)) !== undefined) return;
          await insertDefinition(tx, { id: def.id, version: def.version, name: def.name, source: 'builtin', document: def as unknown as Record<string, unknown>, createdBy: 'system' }, this.clock.now());
        });
      }
    })().catch((err: unknown) => {
      this.builtinsStored = undefined;
      throw err;
    });
    return this.builtinsStored;
  }

  /** The definition a journey follows; `q` is the open transaction when there is one. */
  async load(q: Queryable, id: string, version?: number): Promise<LoadedDefinition> {
    if (version !== undefined) {
      const hit = this.cache.get(`${id}@${version}`);
      if (hit) return hit;
    }
    const stored = await getDefinition(q, id, version);
    if (!stored) {
      throw new AppError('OW_NOT_FOUND', version === undefined ? `No journey definition '${id}'` : `No journey definition '${id}' version ${version}`, [{ field: 'definition', message: 'unknown definition' }]);
    }
    const checked = validateDefinition(stored.document);
    // A stored document was valid when stored; failing now means the schema moved on under it.
    if (!checked.ok) throw new Error(`stored journey definition ${id}@${stored.version} no longer validates: ${checked.errors.map((e) => `${e.pointer} ${e.message}`).join('; ')}`);
    const loaded = { definition: checked.definition, source: stored.source };
    this.cache.set(`${id}@${stored.version}`, loaded);
    return loaded;
  }

  async register(input: unknown, actor: string): Promise<StoredDefinition> {
    await this.ensureBuiltins();
    const checked = validateDefinition(input);
    if (!checked.ok) {
      const code = checked.errors.some((e) => isCycleMessage(e.message)) ? 'OW_DEPENDENCY_CYCLE' : 'OW_VALIDATION';
      throw new AppError(code, `The journey definition is not valid: ${checked.errors.length} problem(s)`, checked.errors);
    }
    const def = checked.definition;
    if (BUILTIN_DEFINITIONS.some((b) => b.id === def.id)) {
      throw new AppError('OW_CONFLICT', `'${def.id}' is a built-in journey definition; register yours under another id`, [{ pointer: '/id', message: 'reserved for a built-in definition' }]);
    }
    const unknown = handlerProblems(def, await this.handlers.names(), {});
    if (unknown.length > 0) throw new AppError('OW_UNKNOWN_HANDLER', `The journey definition names handlers that do not exist: ${unknown.length} problem(s)`, unknown);
    const explicit = typeof input === 'object' && input !== null && typeof (input as { version?: unknown }).version === 'number';
    const committed = await commitChange(
      this.db,
      this.clock,
      async (tx, now) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`journey-definition:${def.id}`]);
        const latest = await latestDefinitionVersion(tx, def.id);
        const version = latest + 1;
        if (explicit && def.version !== version) {
          const errors: ErrorLocation[] = [{ pointer: '/version', message: `the next version of '${def.id}' is ${version}` }];
          throw new AppError('OW_CONFLICT', `Journey definition '${def.id}' is at version ${latest}; version ${def.version} cannot be registered (omit version, or send ${version})`, errors);
        }
        const document = { ...def, version } as unknown as Record<string, unknown>;
        await insertDefinition(tx, { id: def.id, version, name: def.name, source: 'user', document, createdBy: actor }, now);
        const stored = { id: def.id, version, name: def.name, source: 'user' as const, document, createdAt: now.toISOString(), createdBy: actor };
        return {
          result: stored,
          audit: { actor, action: 'journey.definition.register', target: `${def.id}@${version}`, summary: `registered journey definition "${def.name}" (${def.id} version ${version})` },
          events: [{ topic: 'journey.definition.registered', key: def.id, payload: { id: def.id, version, name: def.name, stages: def.stages.map((s) => s.id) } }],
        };
      },
      this.onEvents,
    );
    return committed.result;
  }

  /**
   * Stores a definition derived from a sequence inside the caller's transaction: the latest
   * version is reused when identical, else a new version is added. Returns the version used.
   */
  async storeDerived(tx: Queryable, def: JourneyDefinition, actor: string, now: Date): Promise<JourneyDefinition> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`journey-definition:${def.id}`]);
    const latest = await getDefinition(tx, def.id);
    if (latest) {
      if (latest.source !== 'sequence') {
        throw new AppError('OW_CONFLICT', `A journey definition '${def.id}' that is not derived from a sequence exists; start the sequence with another definitionId`, [{ field: 'definitionId', message: 'already used' }]);
      }
      const { version: _v, ...rest } = latest.document;
      const { version: _w, ...mine } = def as unknown as Record<string, unknown>;
      if (isDeepStrictEqual(rest, JSON.parse(JSON.stringify(mine)))) return { ...def, version: latest.version };
    }
    const version = (latest?.version ?? 0) + 1;
    const stored = { ...def, version };
    await insertDefinition(tx, { id: def.id, version, name: def.name, source: 'sequence', document: stored as unknown as Record<string, unknown>, createdBy: actor }, now);
    return stored;
  }

  async list(): Promise<Array<{ id: string; version: number; name: string; source: DefinitionSource; versions: number; description: string | null; stages: string[]; events: string[]; createdAt: string }>> {
    await this.ensureBuiltins();
    const rows = await listLatestDefinitions(this.db);
    return rows.map((r) => {
      const doc = r.document as { description?: string; stages?: Array<{ id: string }>; events?: Array<{ name: string }> };
      return {
        id: r.id,
        version: r.version,
        name: r.name,
        source: r.source,
        versions: r.versions,
        description: doc.description ?? null,
        stages: (doc.stages ?? []).map((s) => s.id),
        events: (doc.events ?? []).map((e) => e.name),
        createdAt: r.createdAt,
      };
    });
  }

  async detail(id: string, version?: number): Promise<{ definition: StoredDefinition; versions: Awaited<ReturnType<typeof listDefinitionVersions>> }> {
    await this.ensureBuiltins();
    const stored = await getDefinition(this.db, id, version);
    if (!stored) throw new AppError('OW_NOT_FOUND', version === undefined ? `No journey definition '${id}'` : `No journey definition '${id}' version ${version}`);
    return { definition: stored, versions: await listDefinitionVersions(this.db, id) };
  }
}

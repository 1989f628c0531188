// Sequence documents: import (encoding repair, schema, consistency), publication as a new version
// with its audit entry and `sequence.published` event, reading versions back, rendering them as
// Markdown and standalone HTML, and loading the built-in sequences on first start.
import type { RepairGuess } from '../core/sequence/encoding-repair';
import { renderSequenceHtml } from '../core/sequence/html';
import { importSequenceText } from '../core/sequence/import-sequence';
import type { SequenceIssue } from '../core/sequence/issue';
import { renderSequenceMarkdown } from '../core/sequence/markdown';
import type { SequenceError } from '../core/sequence/schema';
import { summarizeSequence, type SequenceSummary } from '../core/sequence/summary';
import { AppError, type ErrorLocation } from '../core/shared/error-codes';
import type { Db } from '../store/db';
import {
  countSequenceVersions,
  findSequenceVersion,
  insertSequenceVersion,
  listLatestSequences,
  listSequenceVersions,
  type SequenceVersionInfo,
  type SequenceVersionRecord,
} from '../store/sequences-repo';
import { commitChange } from './change';
import type { Clock } from './clock';
import { BUILTIN_SEQUENCES_DIR, mermaidBrowserBundle, readSequenceContent } from './sequence-assets';
import type { Principal } from './token-service';

export interface PublishOptions {
  /** Path of the source JSON in its author's repository; the documents link it as the canonical reference. */
  sourcePath?: string;
}

export interface PublishedSequence {
  record: SequenceVersionRecord;
  summary: SequenceSummary;
  /** True when the text was UTF-8 mis-decoded as Windows-1252 and has been repaired. */
  repaired: boolean;
  guesses: RepairGuess[];
}

export interface SequenceDetail {
  record: SequenceVersionRecord;
  summary: SequenceSummary;
  versions: SequenceVersionInfo[];
}

export interface RenderOptions {
  version?: number;
  /** Base URL of the source JSON files; replaces the stored source path in the reference link. */
  sourceLink?: string;
}

const SEED_LOCK_KEY = 7_100_421_004;

/** Located errors for the client: JSON syntax errors by line and column, schema errors by pointer. */
function locate(errors: ReadonlyArray<SequenceError>): ErrorLocation[] {
  return errors.map((e) =>
    e.line !== undefined ? { line: e.line, ...(e.column !== undefined ? { column: e.column } : {}), message: e.message } : { pointer: e.pointer, message: e.message },
  );
}

function actorName(actor: Principal | 'system'): string {
  return actor === 'system' ? 'system' : actor.name;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export class SequenceService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly onEvents: () => void = () => undefined,
  ) {}

  /**
   * Imports sequence JSON text and stores it as the next version of its id. Schema and JSON errors
   * store nothing; consistency findings are kept with the version and reported.
   */
  async publishText(text: string, actor: Principal | 'system', options: PublishOptions = {}): Promise<PublishedSequence> {
    const imported = importSequenceText(text);
    if (!imported.ok) {
      const syntax = imported.errors.some((e) => e.line !== undefined);
      throw new AppError(
        syntax ? 'OW_MALFORMED_JSON' : 'OW_VALIDATION',
        syntax
          ? `The sequence is not valid JSON: ${imported.errors[0]?.message ?? 'unreadable'}; nothing was stored`
          : `The sequence does not match the musical-sequence schema (${plural(imported.errors.length, 'error')}); nothing was stored`,
        locate(imported.errors),
      );
    }
    const seq = imported.sequence;
    const summary = summarizeSequence(seq, imported.issues);
    const committed = await commitChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const record = await insertSequenceVersion(
          tx,
          {
            id: seq.id,
            name: seq.name,
            title: seq.title ?? null,
            document: seq,
            sourcePath: options.sourcePath ?? null,
            movements: summary.movements,
            beats: summary.beats,
            issues: imported.issues,
            createdBy: actorName(actor),
          },
          now,
        );
        const figures = `${plural(summary.movements, 'movement')}, ${plural(summary.beats, 'beat')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.errors, 'error')}`;
        return {
          result: record,
          audit: {
            actor: actorName(actor),
            action: 'sequence.publish',
            target: seq.id,
            summary: `published version ${record.version} of sequence "${seq.name}" (${figures})${imported.repaired ? '; encoding repaired' : ''}`,
          },
          events: [
            {
              topic: 'sequence.published',
              key: seq.id,
              payload: { id: seq.id, version: record.version, name: seq.name, movements: summary.movements, beats: summary.beats, warnings: summary.warnings, errors: summary.errors },
            },
          ],
        };
      },
      this.onEvents,
    );
    return { record: committed.result, summary, repaired: imported.repaired, guesses: imported.guesses };
  }

  list(): Promise<Array<SequenceVersionInfo & { versions: number }>> {
    return listLatestSequences(this.db);
  }

  private async version(id: string, version?: number): Promise<SequenceVersionRecord> {
    const record = await findSequenceVersion(this.db, id, version);
    if (!record) throw new AppError('OW_NOT_FOUND', version === undefined ? `No sequence with id "${id}"` : `Sequence "${id}" has no version ${version}`);
    return record;
  }

  async get(id: string, version?: number): Promise<SequenceDetail> {
    const record = await this.version(id, version);
    const versions = await listSequenceVersions(this.db, id);
    return { record, summary: summarizeSequence(record.document, record.issues), versions };
  }

  async markdown(id: string, options: RenderOptions = {}): Promise<string> {
    const record = await this.version(id, options.version);
    return renderSequenceMarkdown(record.document, this.linkOptions(record, options));
  }

  async html(id: string, options: RenderOptions = {}): Promise<string> {
    const record = await this.version(id, options.version);
    const mermaidScript = await mermaidBrowserBundle();
    return renderSequenceHtml(record.document, { mermaidScript, ...this.linkOptions(record, options) });
  }

  private linkOptions(record: SequenceVersionRecord, options: RenderOptions): { sourcePath?: string; sourceLink?: string } {
    return {
      ...(record.sourcePath !== null ? { sourcePath: record.sourcePath } : {}),
      ...(options.sourceLink !== undefined && options.sourceLink !== '' ? { sourceLink: options.sourceLink } : {}),
    };
  }

  /**
   * On first start (no sequence stored yet) publishes the built-in definitions as the system.
   * Processes starting together take turns on a lock, so the sequences are loaded once.
   * A built-in file that does not import is a packaging bug: it is reported, not skipped.
   */
  async seedOnFirstStart(dir: string = BUILTIN_SEQUENCES_DIR, sourcePrefix = 'content/sequences/'): Promise<PublishedSequence[]> {
    return this.db.withConnection(async (conn) => {
      await conn.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY]);
      try {
        if ((await countSequenceVersions(conn)) > 0) return [];
        const published: PublishedSequence[] = [];
        for (const file of await readSequenceContent(dir, sourcePrefix)) {
          try {
            published.push(await this.publishText(file.text, 'system', { sourcePath: file.sourcePath }));
          } catch (err) {
            const where = err instanceof AppError && err.errors.length > 0 ? `: ${err.errors.map((e) => `${e.pointer ?? `line ${e.line}`} ${e.message}`).join('; ')}` : '';
            throw new Error(`The built-in sequence ${file.sourcePath} could not be loaded: ${(err as Error).message}${where}`);
          }
        }
        return published;
      } finally {
        await conn.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK_KEY]);
      }
    });
  }
}

export type { SequenceIssue };

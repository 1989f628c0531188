// `ow pattern import|export`: pattern files in and out of the library, through a running server
// (--server) or the store opened directly; one verdict per file and a summary.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { exportOws } from '../../core/ows/ows-interchange';
import { parsePattern } from '../../core/ows/parse-pattern';
import { toPublication } from '../../core/ows/publication-format';
import type { GateFailure } from '../../core/ows/quality-gates';
import type { Pattern } from '../../core/ows/schema';
import { AppError } from '../../core/shared/error-codes';
import type { Runtime } from '../../engine/runtime';
import { apiRequest, type RemoteTarget } from '../api-client';
import { CliError } from '../cli-error';
import { localPrincipal } from '../context';
import { judgeText } from './pattern-files';

export type ImportStatus = 'published' | 'unchanged' | 'failed' | 'invalid';

export interface ImportVerdict {
  file: string;
  status: ImportStatus;
  slug?: string;
  version?: number;
  failures: GateFailure[];
}

interface ProblemBody {
  code?: string;
  detail?: string;
  errors?: Array<{ pointer?: string; line?: number; gate?: string; rule?: string; message: string }>;
}

function failuresOf(errors: ProblemBody['errors'], fallback: GateFailure['gate']): GateFailure[] {
  return (errors ?? []).map((e) => ({
    gate: (e.gate as GateFailure['gate'] | undefined) ?? fallback,
    rule: e.rule ?? (e.line !== undefined ? 'json' : 'structure'),
    message: e.line !== undefined ? `line ${e.line}: ${e.message}` : e.message,
    ...(e.pointer !== undefined ? { pointer: e.pointer } : {}),
  }));
}

/** Publishes one file's text on a server; 400 and 422 are verdicts, anything else stops the import. */
async function importRemote(target: RemoteTarget, file: string, text: string): Promise<ImportVerdict> {
  const url = new URL('api/patterns', target.server.endsWith('/') ? target.server : `${target.server}/`);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) },
      body: text,
    });
  } catch (err) {
    throw new CliError(`Cannot reach the server at ${url.origin}: ${(err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message}`, 1);
  }
  const body = (await res.json().catch(() => ({}))) as ProblemBody & { slug?: string; version?: number; status?: string };
  if (res.status === 200 || res.status === 201) {
    return { file, status: res.status === 201 ? 'published' : 'unchanged', ...(body.slug ? { slug: body.slug } : {}), ...(body.version ? { version: body.version } : {}), failures: [] };
  }
  if (res.status === 422) return { file, status: 'failed', failures: failuresOf(body.errors, 'hqo') };
  if (res.status === 400) return { file, status: 'invalid', failures: failuresOf(body.errors, 'schema') };
  throw new CliError(`${body.code ?? `HTTP ${res.status}`}: ${body.detail ?? res.statusText} (importing ${file})`, 1);
}

async function importLocal(runtime: Runtime, file: string, text: string): Promise<ImportVerdict> {
  try {
    const outcome = await runtime.patterns.publishText(text, localPrincipal());
    return { file, status: outcome.status, slug: outcome.record.slug, version: outcome.record.version, failures: [] };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'OW_GATE_FAILED') return { file, status: 'failed', failures: failuresOf(err.errors as ProblemBody['errors'], 'hqo') };
    if (err.code === 'OW_VALIDATION' || err.code === 'OW_MALFORMED_JSON') return { file, status: 'invalid', failures: failuresOf(err.errors, 'schema') };
    throw err;
  }
}

/** Imports each file in order; `onFile` is called after each (progress). */
export async function importFiles(
  files: readonly string[],
  via: { remote: RemoteTarget } | { runtime: Runtime },
  onFile: (file: string) => void = () => undefined,
): Promise<ImportVerdict[]> {
  const verdicts: ImportVerdict[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    // Invalid JSON is judged here, so the verdict carries its line and column either way.
    const local = judgeText(file, text);
    if (local.status === 'invalid' && local.failures.some((f) => f.rule === 'json')) verdicts.push({ file, status: 'invalid', failures: local.failures });
    else verdicts.push('remote' in via ? await importRemote(via.remote, file, text) : await importLocal(via.runtime, file, text));
    onFile(file);
  }
  return verdicts;
}

export const EXPORT_FORMATS = ['pattern', 'ows', 'publication'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function convert(pattern: Pattern, format: ExportFormat): unknown {
  if (format === 'ows') return exportOws(pattern);
  if (format === 'publication') return toPublication(pattern);
  return pattern;
}

/** The latest version of every pattern on a server (the version pages record no views). */
export async function fetchLatestRemote(target: RemoteTarget): Promise<Array<{ slug: string; version: number; pattern: Pattern }>> {
  const cards: Array<{ slug: string; version: number }> = [];
  for (let page = 1; ; page++) {
    const list = await apiRequest<{ items: Array<{ slug: string; version: number }>; pageCount: number }>(target, 'GET', `api/patterns?sort=newest&pageSize=100&page=${page}`);
    cards.push(...list.items.map((i) => ({ slug: i.slug, version: i.version })));
    if (page >= list.pageCount) break;
  }
  const out: Array<{ slug: string; version: number; pattern: Pattern }> = [];
  for (const card of cards.sort((a, b) => (a.slug < b.slug ? -1 : 1))) {
    const detail = await apiRequest<{ pattern: unknown }>(target, 'GET', `api/patterns/${encodeURIComponent(card.slug)}/versions/${card.version}`);
    const parsed = parsePattern(detail.pattern);
    if (!parsed.ok) throw new CliError(`The server sent pattern ${card.slug} version ${card.version} in a form this CLI does not read: ${parsed.errors[0]?.pointer} ${parsed.errors[0]?.message}`, 1);
    out.push({ ...card, pattern: parsed.value });
  }
  return out;
}

/** Writes <slug>.json per pattern in the chosen format; returns the file names. */
export async function writeExport(dir: string, patterns: ReadonlyArray<{ slug: string; pattern: Pattern }>, format: ExportFormat): Promise<{ outDir: string; files: string[] }> {
  const outDir = resolve(dir);
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  for (const { slug, pattern } of patterns) {
    const name = `${slug}.json`;
    await writeFile(join(outDir, name), `${JSON.stringify(convert(pattern, format), null, 2)}\n`);
    files.push(name);
  }
  return { outDir, files };
}

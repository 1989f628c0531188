// The file work behind `ow docs`: find the sequence files among the inputs, import each (encoding
// repair, schema, consistency), and write <id>.md / <id>.html for every valid one. No store, no server.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { renderSequenceHtml } from '../../core/sequence/html';
import { importSequenceText } from '../../core/sequence/import-sequence';
import type { SequenceIssue } from '../../core/sequence/issue';
import { renderSequenceMarkdown } from '../../core/sequence/markdown';
import { summarizeSequence, totalSummaries, type DocsTotals, type SequenceSummary } from '../../core/sequence/summary';
import { mermaidBrowserBundle } from '../../engine/sequence-assets';
import { CliError } from '../cli-error';

export const DOC_FORMATS = ['md', 'html'] as const;
export type DocFormat = (typeof DOC_FORMATS)[number];

/** Parses `--format md,html`; anything else is a usage error. */
export function parseFormats(value: string): DocFormat[] {
  const parts = value.split(',').map((p) => p.trim().toLowerCase()).filter((p) => p !== '');
  if (parts.length === 0) throw new CliError('--format needs at least one of: md, html', 2);
  const unknown = parts.filter((p) => !(DOC_FORMATS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new CliError(`unknown format ${unknown.map((u) => `"${u}"`).join(', ')} in --format; use md, html or md,html`, 2);
  return DOC_FORMATS.filter((f) => parts.includes(f));
}

/** A located problem that made an input invalid: JSON syntax (line, column) or schema (pointer). */
export interface InputError {
  pointer?: string;
  line?: number;
  column?: number;
  message: string;
}

export interface DocsFileReport {
  file: string;
  ok: boolean;
  id?: string;
  written: string[];
  summary?: SequenceSummary;
  /** Why the file is invalid; empty when it was rendered. */
  errors: InputError[];
  /** Findings in a valid file (consistency, encoding repair); the documents are written all the same. */
  issues: SequenceIssue[];
  repaired: boolean;
}

export interface DocsRun {
  files: DocsFileReport[];
  totals: DocsTotals;
  outDir: string;
}

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await jsonFilesUnder(path)));
    else if (e.isFile() && e.name.endsWith('.json')) out.push(path);
  }
  return out;
}

/** Every input file: files as given, directories searched for *.json; a missing path is a usage error. */
export async function collectInputs(inputs: ReadonlyArray<string>): Promise<string[]> {
  if (inputs.length === 0) throw new CliError('no input: give one or more sequence JSON files or directories', 2);
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new CliError(`${input}: no such file or directory`, 2);
    if (info.isDirectory()) {
      const found = await jsonFilesUnder(input);
      if (found.length === 0) throw new CliError(`${input}: the directory holds no .json files`, 2);
      files.push(...found);
    } else {
      files.push(input);
    }
  }
  // A file named twice (directly and through its directory) is rendered once.
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The path a document cites as its source: relative to the working directory when inside it. */
export function citedSourcePath(file: string, cwd: string): string {
  const abs = resolve(cwd, file);
  const rel = relative(cwd, abs);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return (inside ? rel : abs).split(sep).join('/');
}

export interface DocsOptions {
  outDir: string;
  formats: ReadonlyArray<DocFormat>;
  sourceLink?: string;
  cwd: string;
  /** Called after each file, for the progress bar. */
  onFile?: (file: string) => void;
}

export async function renderDocs(files: ReadonlyArray<string>, options: DocsOptions): Promise<DocsRun> {
  await mkdir(options.outDir, { recursive: true });
  const mermaidScript = options.formats.includes('html') ? await mermaidBrowserBundle() : '';
  const producedBy = new Map<string, string>();
  const reports: DocsFileReport[] = [];
  for (const file of files) {
    reports.push(await renderOne(file, options, mermaidScript, producedBy));
    options.onFile?.(file);
  }
  const totals = totalSummaries(
    reports.map((r) => (r.ok && r.summary ? { ok: true as const, summary: r.summary } : { ok: false as const, errors: r.errors.length, warnings: r.issues.length })),
  );
  return { files: reports, totals, outDir: options.outDir };
}

async function renderOne(file: string, options: DocsOptions, mermaidScript: string, producedBy: Map<string, string>): Promise<DocsFileReport> {
  const base = { file, written: [] as string[], issues: [] as SequenceIssue[], repaired: false };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { ...base, ok: false, errors: [{ message: `cannot read the file: ${(err as Error).message}` }] };
  }
  const imported = importSequenceText(text);
  if (!imported.ok) return { ...base, ok: false, errors: imported.errors, issues: imported.issues, repaired: imported.repaired };
  const seq = imported.sequence;
  const earlier = producedBy.get(seq.id);
  if (earlier !== undefined) {
    return { ...base, ok: false, id: seq.id, errors: [{ pointer: '/id', message: `id "${seq.id}" was already rendered from ${earlier}; this file was not written` }] };
  }
  producedBy.set(seq.id, file);
  const link = { sourcePath: citedSourcePath(file, options.cwd), ...(options.sourceLink ? { sourceLink: options.sourceLink } : {}) };
  const written: string[] = [];
  for (const format of options.formats) {
    const target = join(options.outDir, `${seq.id}.${format}`);
    const body = format === 'md' ? renderSequenceMarkdown(seq, link) : renderSequenceHtml(seq, { ...link, mermaidScript });
    await writeFile(target, body, 'utf8');
    written.push(target);
  }
  return { ...base, ok: true, id: seq.id, written, summary: summarizeSequence(seq, imported.issues), errors: [], issues: imported.issues, repaired: imported.repaired };
}

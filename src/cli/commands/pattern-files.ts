// The offline file work behind `ow pattern validate|render|lint-mermaid`: find pattern files,
// judge each against the gates, render a pattern's artifacts into a directory, lint Mermaid text.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { renderArtifacts } from '../../core/ows/artifacts';
import { lintMermaid, type BudgetCounts, type BudgetViolation } from '../../core/ows/diagram-budget';
import { parseJsonText } from '../../core/ows/parse-pattern';
import { evaluateGates, type GateFailure } from '../../core/ows/quality-gates';
import { parseSowOptions, type SowOptionsInput } from '../../core/ows/sow';
import { CliError } from '../cli-error';

export type FileStatus = 'passed' | 'failed' | 'invalid';

export interface FileVerdict {
  file: string;
  status: FileStatus;
  slug?: string;
  totalScore?: number;
  maxScore?: number;
  failures: GateFailure[];
}

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const sorted = entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of sorted) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await jsonFilesUnder(path)));
    else if (e.isFile() && e.name.endsWith('.json')) out.push(path);
  }
  return out;
}

/** Files as given, and the *.json files under each directory given; a missing path is a usage error. */
export async function collectPatternFiles(inputs: readonly string[]): Promise<string[]> {
  if (inputs.length === 0) throw new CliError('give at least one pattern file or directory', 2);
  const files: string[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      throw new CliError(`${input}: no such file or directory`, 2);
    }
    if (info.isDirectory()) files.push(...(await jsonFilesUnder(input)));
    else files.push(input);
  }
  return files;
}

/** A file's verdict: invalid (not JSON, or not the pattern schema), failed (a gate), or passed. */
export function judgeText(file: string, text: string): FileVerdict {
  const json = parseJsonText(text);
  if (!json.ok) return { file, status: 'invalid', failures: json.errors.map((e) => ({ gate: 'schema', rule: 'json', message: e.message, pointer: e.pointer })) };
  const report = evaluateGates(json.value);
  const base = { file, failures: report.failures, ...(report.pattern ? { slug: report.pattern.library.slug } : {}) };
  const score = report.scorecard ? { totalScore: report.scorecard.totalScore, maxScore: report.scorecard.maxScore } : {};
  if (report.failures.some((f) => f.gate === 'schema')) return { ...base, status: 'invalid' };
  return { ...base, ...score, status: report.passed ? 'passed' : 'failed' };
}

export async function judgeFile(file: string): Promise<FileVerdict> {
  return judgeText(file, await readFile(file, 'utf8'));
}

/** 2 when any input is not a valid pattern, else 1 when any failed a gate, else 0. */
export function exitCodeOf(verdicts: ReadonlyArray<{ status: FileStatus | 'published' | 'unchanged' }>): 0 | 1 | 2 {
  if (verdicts.some((v) => v.status === 'invalid')) return 2;
  return verdicts.some((v) => v.status === 'failed') ? 1 : 0;
}

/** One line per failure: `[gate rule] /pointer: message`. */
export function describeFailures(failures: ReadonlyArray<GateFailure>): string[] {
  return failures.map((f) => `  [${f.gate} ${f.rule}] ${f.pointer !== undefined ? `${f.pointer === '' ? '/' : f.pointer}: ` : ''}${f.message}`);
}

export interface RenderOptions {
  outDir: string;
  baseUrl: string;
  sow?: SowOptionsInput;
}

export interface RenderRun {
  verdict: FileVerdict;
  outDir: string;
  written: string[];
}

/** Writes every artifact of a schema-valid pattern; a gate failure is reported, the files are still written. */
export async function renderPatternFile(file: string, options: RenderOptions): Promise<RenderRun> {
  const text = await readFile(file, 'utf8');
  const verdict = judgeText(file, text);
  if (verdict.status === 'invalid') return { verdict, outDir: resolve(options.outDir), written: [] };
  if (options.sow !== undefined) {
    const sow = parseSowOptions(options.sow);
    if (!sow.ok) throw new CliError(`invalid statement-of-work options: ${sow.errors.map((e) => `${e.pointer} ${e.message}`).join('; ')}`, 2);
  }
  const report = evaluateGates(JSON.parse(text) as unknown);
  if (!report.pattern) return { verdict, outDir: resolve(options.outDir), written: [] };
  const files = renderArtifacts(report.pattern, { baseUrl: options.baseUrl, ...(options.sow !== undefined ? { sow: options.sow } : {}) });
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(outDir, name), content);
    written.push(name);
  }
  return { verdict, outDir, written };
}

export interface MermaidLintReport extends BudgetCounts {
  violations: BudgetViolation[];
  /** Present when the text is not a Mermaid sequence diagram the parser understands. */
  parseError?: { line: number; message: string; expected: string };
}

export function lintMermaidText(text: string): MermaidLintReport {
  const result = lintMermaid(text);
  return { ...result.counts, violations: result.violations, ...(result.parseError ? { parseError: result.parseError } : {}) };
}

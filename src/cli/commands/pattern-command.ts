// `ow pattern …`: validate, render and lint-mermaid offline; import, export and search through --server
// or the local store. Exit codes: 0 ok, 1 a gate or the budget failed, 2 invalid input.
import { Command, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import type { LibrarySearchResult } from '../../engine/pattern-index';
import { apiRequest } from '../api-client';
import { CliError } from '../cli-error';
import { globalsOf, outOf, remoteTarget, withLocalRuntime, type GlobalOptions } from '../context';
import { startProgress } from '../progress';
import { collectPatternFiles, describeFailures, exitCodeOf, judgeFile, lintMermaidText, renderPatternFile, type FileVerdict } from './pattern-files';
import { EXPORT_FORMATS, fetchLatestRemote, importFiles, writeExport, type ExportFormat } from './pattern-transfer';
import type { Runtime } from '../../engine/runtime';

const DEFAULT_BASE_URL = 'http://localhost:4400';
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function positiveNumber(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new CliError(`${flag} must be a number greater than 0 (got "${value}")`, 2);
    return n;
  };
}

function verdictLine(v: FileVerdict | { file: string; status: string; slug?: string; version?: number; totalScore?: number; maxScore?: number }): string {
  const score = 'totalScore' in v && v.totalScore !== undefined ? ` (HQO ${v.totalScore}/${v.maxScore})` : '';
  const version = 'version' in v && v.version !== undefined ? ` version ${v.version}` : '';
  return `${v.file}: ${v.status}${v.slug ? ` ${v.slug}` : ''}${version}${score}`;
}

/** The local store with the built-in catalog loaded, as a server's first start would leave it. */
function withLibrary<T>(g: GlobalOptions, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  return withLocalRuntime(g, 'pattern', async (rt) => {
    const report = await rt.patterns.loadCatalog();
    for (const s of report.skipped) process.stderr.write(`catalog pattern ${s.file} skipped: ${s.failures.map((f) => `${f.pointer ?? ''} ${f.message}`.trim()).join('; ')}\n`);
    return fn(rt);
  });
}

function summary(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
}

function tally(statuses: ReadonlyArray<{ status: string }>, order: readonly string[]): Record<string, number> {
  return Object.fromEntries(order.map((s) => [s, statuses.filter((v) => v.status === s).length]));
}

export function patternCommand(): Command {
  const pattern = new Command('pattern').description('the pattern library: validate, render, lint, import, export and search patterns');

  pattern
    .command('validate')
    .description('check pattern files against the schema, the diagram budget and the HQO gate (offline)')
    .argument('<files...>', 'pattern JSON files, or directories searched for *.json')
    .addHelpText('after', '\nExit codes: 0 every file passes; 1 some file fails a gate; 2 some file is not valid JSON or breaks the schema.')
    .action(async (inputs: string[], _opts: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const files = await collectPatternFiles(inputs);
      const progress = startProgress({ total: files.length, unit: 'files', json: Boolean(g.json) });
      const verdicts: FileVerdict[] = [];
      try {
        for (const file of files) {
          verdicts.push(await judgeFile(file));
          progress.tick(file);
        }
      } finally {
        progress.stop();
      }
      const totals = { files: files.length, ...tally(verdicts, ['passed', 'failed', 'invalid']) };
      out.data({ files: verdicts, totals }, () => {
        for (const v of verdicts) {
          out.line(verdictLine(v));
          for (const line of describeFailures(v.failures)) out.line(line);
        }
        out.line(`${files.length} file${files.length === 1 ? '' : 's'}: ${summary(tally(verdicts, ['passed', 'failed', 'invalid']))}`);
      });
      const code = exitCodeOf(verdicts);
      if (code !== 0) throw new CliError(code === 2 ? 'some files are not valid patterns' : 'some patterns fail the quality gates', code);
    });

  pattern
    .command('render')
    .description('write ARTICLE.md, as-is.mmd, orchestrated.mmd, checklist.(md|csv|json), scorecard.json and, with rates, sow.(md|csv) (offline)')
    .argument('<file>', 'a pattern JSON file')
    .option('--out <dir>', 'directory the artifacts are written to')
    .option('--base-url <url>', 'where the library is served; checklists and the article link <url>/library/<slug>', DEFAULT_BASE_URL)
    .option('--day-rate <n>', 'day rate for the statement of work', positiveNumber('--day-rate'))
    .option('--fte <n>', 'people working on it, for the statement of work', positiveNumber('--fte'))
    .option('--buffer <percent>', 'buffer on the effort, in percent (default 25)', Number)
    .option('--currency <code>', 'ISO 4217 currency of the statement of work (default USD)')
    .addHelpText('after', '\nExit codes: 0 written; 1 written, but the pattern fails a gate; 2 invalid input (nothing written).')
    .action(async (file: string, opts: { out?: string; baseUrl: string; dayRate?: number; fte?: number; buffer?: number; currency?: string }, cmd: Command) => {
      const out = outOf(cmd);
      if (!opts.out) throw new CliError('missing --out DIR: say where the artifacts go', 2);
      if ((opts.dayRate === undefined) !== (opts.fte === undefined)) throw new CliError('a statement of work needs both --day-rate and --fte', 2);
      const sow =
        opts.dayRate !== undefined && opts.fte !== undefined
          ? { dayRate: opts.dayRate, fteCount: opts.fte, ...(opts.buffer !== undefined ? { bufferPercent: opts.buffer } : {}), ...(opts.currency !== undefined ? { currency: opts.currency } : {}) }
          : undefined;
      const run = await renderPatternFile(file, { outDir: opts.out, baseUrl: opts.baseUrl, ...(sow ? { sow } : {}) });
      out.data(run, () => {
        if (run.written.length > 0) out.line(`Wrote ${run.written.join(', ')} to ${run.outDir}.`);
        if (!sow && run.written.length > 0) out.line('No statement of work: give --day-rate and --fte to write sow.md and sow.csv.');
        if (run.verdict.status !== 'passed') {
          out.line(verdictLine(run.verdict));
          for (const line of describeFailures(run.verdict.failures)) out.line(line);
        }
      });
      if (run.verdict.status === 'invalid') throw new CliError(`${file} is not a valid pattern; nothing was written`, 2);
      if (run.verdict.status === 'failed') throw new CliError(`${file} fails the quality gates (the artifacts were written all the same)`, 1);
    });

  pattern
    .command('lint-mermaid')
    .description('check a Mermaid sequence diagram against the diagram budget (offline)')
    .argument('<file>', 'a .mmd file')
    .addHelpText('after', '\nExit codes: 0 within budget; 1 over budget; 2 the text cannot be parsed (line and what was expected are printed).')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const out = outOf(cmd);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        throw new CliError(`${file}: cannot read the file`, 2);
      }
      const report = lintMermaidText(text);
      out.data(report, () => {
        if (report.parseError) return;
        out.line(`${file}: ${report.actors} actors, ${report.steps} steps, ${report.altBlocks} alt blocks, ${report.notes} notes, longest message ${report.maxMessageChars} chars, longest note ${report.maxNoteChars} chars`);
        for (const v of report.violations) out.line(`  line ${v.line} [${v.rule}] ${v.message}`);
      });
      if (report.parseError) {
        const { line, message, expected } = report.parseError;
        throw new CliError(`${file}, line ${line}: ${message} (expected ${expected})`, 2);
      }
      if (report.violations.length > 0) throw new CliError(`${file} is over the diagram budget (${report.violations.length} violation${report.violations.length === 1 ? '' : 's'})`, 1);
    });

  pattern
    .command('import')
    .description('publish every pattern file of a directory (each passes the gates or is reported)')
    .argument('<dir>', 'directory of pattern JSON files (searched recursively)')
    .addHelpText('after', '\nExit codes: 0 every file published or unchanged; 1 some file failed a gate; 2 some file is not a valid pattern.')
    .action(async (dir: string, _opts: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const files = await collectPatternFiles([dir]);
      const progress = startProgress({ total: files.length, unit: 'files', json: Boolean(g.json) });
      const remote = remoteTarget(g);
      const verdicts = await (remote
        ? importFiles(files, { remote }, (f) => progress.tick(f))
        : withLibrary(g, (runtime) => importFiles(files, { runtime }, (f) => progress.tick(f)))
      ).finally(() => progress.stop());
      const totals = { files: files.length, ...tally(verdicts, ['published', 'unchanged', 'failed', 'invalid']) };
      out.data({ files: verdicts, totals }, () => {
        for (const v of verdicts) {
          out.line(verdictLine(v));
          for (const line of describeFailures(v.failures)) out.line(line);
        }
        out.line(`${files.length} file${files.length === 1 ? '' : 's'}: ${summary(tally(verdicts, ['published', 'unchanged', 'failed', 'invalid'])) || 'nothing to do'}`);
      });
      const code = exitCodeOf(verdicts);
      if (code !== 0) throw new CliError(code === 2 ? 'some files are not valid patterns and were not published' : 'some patterns failed the quality gates and were not published', code);
    });

  pattern
    .command('export')
    .description('write the latest version of every pattern as <slug>.json')
    .argument('<dir>', 'directory the files are written to')
    .addOption(new Option('--format <format>', 'pattern (our file), ows (the OWS 1.1 document) or publication (pattern.schema.json)').choices([...EXPORT_FORMATS]).default('pattern'))
    .action(async (dir: string, opts: { format: ExportFormat }, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const remote = remoteTarget(g);
      const patterns = remote
        ? await fetchLatestRemote(remote)
        : await withLibrary(g, async (rt) => (await rt.patterns.exportLatest()).map((p) => ({ slug: p.record.slug, version: p.record.version, pattern: p.pattern })));
      const written = await writeExport(dir, patterns, opts.format);
      out.data({ format: opts.format, ...written }, () => out.line(`Wrote ${written.files.length} pattern${written.files.length === 1 ? '' : 's'} (${opts.format} format) to ${written.outDir}.`));
    });

  pattern
    .command('search')
    .description('search the library: ranked full text with facet filters')
    .argument('[query]', 'words to search for', '')
    .option('--industry <value>', 'filter by industry (repeatable)', collect)
    .option('--problem-type <value>', 'filter by problem type (repeatable)', collect)
    .option('--broken-signal <value>', 'filter by broken signal (repeatable)', collect)
    .option('--maturity <value>', 'filter by maturity (repeatable)', collect)
    .option('--sort <sort>', 'relevance, referenced, newest or clarity')
    .option('--page <n>', 'page number')
    .option('--page-size <n>', 'results per page (1–100)')
    .action(async (q: string, opts: { industry?: string[]; problemType?: string[]; brokenSignal?: string[]; maturity?: string[]; sort?: string; page?: string; pageSize?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const query: Record<string, string | string[]> = {};
      if (q !== '') query.q = q;
      for (const key of ['industry', 'problemType', 'brokenSignal', 'maturity', 'sort', 'page', 'pageSize'] as const) {
        const value = opts[key];
        if (value !== undefined) query[key] = value;
      }
      const remote = remoteTarget(g);
      let result: LibrarySearchResult;
      if (remote) {
        const params = new URLSearchParams();
        for (const [k, v] of Object.entries(query)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
        result = await apiRequest<LibrarySearchResult>(remote, 'GET', `api/patterns?${params.toString()}`);
      } else {
        result = await withLibrary(g, (rt) => rt.patterns.search(query));
      }
      out.data(result, () => {
        out.table(
          result.items.map((i) => ({ slug: i.slug, title: i.title, industries: i.industries.join(', '), types: i.problemTypes.join(', '), maturity: i.maturity, refs: i.referenceCount, v: i.version })),
          ['slug', 'title', 'industries', 'types', 'maturity', 'refs', 'v'],
        );
        out.line(`${result.total} pattern${result.total === 1 ? '' : 's'} (page ${result.page} of ${Math.max(1, result.pageCount)}, sorted by ${result.sort}${result.approximate ? ', approximate matches' : ''})`);
        for (const [facet, counts] of Object.entries(result.facets)) {
          const shown = Object.entries(counts).filter(([, n]) => n > 0);
          if (shown.length > 0) out.line(`  ${facet}: ${shown.map(([v, n]) => `${v} (${n})`).join(', ')}`);
        }
      });
    });

  return pattern;
}

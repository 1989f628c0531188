// `ow docs FILE_OR_DIR… --out DIR`: sequence JSON → Markdown and standalone HTML documentation, and
// `ow docs repair-encoding FILE`. Pure file work: works offline, with no store and no server.
import { Command } from 'commander';
import { formatTotals } from '../../core/sequence/summary';
import { CliError } from '../cli-error';
import { globalsOf, outOf } from '../context';
import { startProgress } from '../progress';
import { collectInputs, parseFormats, renderDocs, type DocsFileReport, type InputError } from './docs-render';
import { repairEncodingFile } from './docs-repair';

interface DocsOptions {
  out?: string;
  format: string;
  sourceLink?: string;
}

function where(e: InputError): string {
  if (e.line !== undefined) return `line ${e.line}${e.column !== undefined ? `, column ${e.column}` : ''}`;
  if (e.pointer !== undefined) return e.pointer === '' ? '/' : e.pointer;
  return '';
}

/** The findings of one file, for stderr: invalid inputs with their errors, valid ones with their issues. */
function describeFile(r: DocsFileReport): string[] {
  const lines: string[] = [];
  if (!r.ok) {
    lines.push(`${r.file}: invalid, not written (${r.errors.length} error${r.errors.length === 1 ? '' : 's'})`);
    for (const e of r.errors) lines.push(`  error    ${where(e) ? `${where(e)}: ` : ''}${e.message}`);
  } else if (r.issues.length > 0) {
    lines.push(`${r.file}: ${r.id ?? ''} written with ${r.summary?.errors ?? 0} consistency error(s) and ${r.summary?.warnings ?? 0} warning(s)`);
  }
  for (const i of r.issues) lines.push(`  ${i.severity.padEnd(8)} ${i.pointer === '' ? '/' : i.pointer}: ${i.message}`);
  return lines;
}

export function docsCommand(): Command {
  const docs = new Command('docs')
    .description('generate Markdown and standalone HTML documentation from sequence JSON files (offline)')
    .argument('[inputs...]', 'sequence JSON files, or directories searched for *.json')
    .option('--out <dir>', 'directory the documents are written to (<id>.md, <id>.html)')
    .option('--format <list>', 'formats to write: md, html or md,html', 'md,html')
    .option('--source-link <base>', 'base URL of the source JSON files, for the canonical-reference link')
    .addHelpText(
      'after',
      '\nExit codes: 0 all inputs valid; 1 some input was invalid JSON or broke the schema (the valid ones are still written);\n' +
        '2 usage error. Consistency findings (undeclared events, a wrong beat count, diagram warnings) are reported,\n' +
        'and the documents are written all the same.',
    )
    .action(async (inputs: string[], opts: DocsOptions, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      if (opts.out === undefined || opts.out === '') throw new CliError('missing --out DIR: say where the documents go', 2);
      const formats = parseFormats(opts.format);
      const files = await collectInputs(inputs);

      const progress = startProgress({ total: files.length, unit: 'files', json: Boolean(g.json) });
      const run = await renderDocs(files, {
        outDir: opts.out,
        formats,
        cwd: process.cwd(),
        ...(opts.sourceLink !== undefined ? { sourceLink: opts.sourceLink } : {}),
        onFile: (file) => progress.tick(file),
      }).finally(() => progress.stop());

      const { totals } = run;
      out.data(run, () => {
        for (const r of run.files) for (const line of describeFile(r)) process.stderr.write(`${line}\n`);
        const written = run.files.reduce((n, r) => n + r.written.length, 0);
        out.line(`Wrote ${written} document${written === 1 ? '' : 's'} (${formats.join(', ')}) to ${run.outDir}.`);
        out.line(formatTotals(totals));
        if (totals.valid > 0 && run.files.some((r) => r.ok && (r.summary?.errors ?? 0) > 0)) {
          out.line('Consistency errors were found (listed above); those documents were written all the same.');
        }
      });
      if (totals.invalid > 0) {
        throw new CliError(`${totals.invalid} of ${totals.files} input${totals.files === 1 ? ' was' : 's were'} invalid and not written`, 1);
      }
    });

  docs
    .command('repair-encoding')
    .description('repair a Markdown or JSON file that was UTF-8 read as Windows-1252 (mojibake such as "â€”" for "—")')
    .argument('<file>', 'the damaged file')
    .option('--out <file>', 'write the repaired text here instead of printing it')
    .action(async (file: string, _opts: { out?: string }, cmd: Command) => {
      // The parent `docs` also has --out and commander lets it take the flag wherever it appears
      // on the line, so the value is read from the command chain.
      const { out } = cmd.optsWithGlobals<{ out?: string }>();
      await repairEncodingFile(file, out !== undefined ? { out } : {}, outOf(cmd));
    });

  return docs;
}

// `ow docs repair-encoding FILE [--out F]`: repairs a Markdown or JSON file that was UTF-8 read as
// Windows-1252, printing the text (or writing F) and reporting every guessed character on stderr.
import { readFile, writeFile } from 'node:fs/promises';
import { repairEncoding, type RepairGuess } from '../../core/sequence/encoding-repair';
import { CliError } from '../cli-error';
import type { Out } from '../output';

export interface RepairReport {
  file: string;
  changed: boolean;
  out?: string;
  guesses: RepairGuess[];
  warnings: string[];
  /** The repaired text, in the JSON report only when it was not written to a file. */
  text?: string;
}

function codePoint(ch: string): string {
  return 'U+' + (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

/** One stderr line per guess: where, what was chosen, what else would have fitted. */
export function describeGuess(g: RepairGuess): string {
  const alternatives = g.alternatives.map((a) => `"${a}" (${codePoint(a)})`).join(', ');
  return `line ${g.line}: guessed "${g.chosen}" (${codePoint(g.chosen)}) for a character that lost a byte; alternatives: ${alternatives || 'none'}`;
}

export async function repairEncodingFile(
  file: string,
  options: { out?: string },
  out: Out,
  stderr: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<RepairReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CliError(`${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 2);
  }
  const result = repairEncoding(text);
  if (options.out !== undefined) await writeFile(options.out, result.text, 'utf8');
  const report: RepairReport = {
    file,
    changed: result.changed,
    ...(options.out !== undefined ? { out: options.out } : { text: result.text }),
    guesses: result.guesses,
    warnings: result.warnings,
  };
  if (out.json) {
    out.data(report, () => undefined);
    return report;
  }
  if (options.out === undefined) process.stdout.write(result.text);
  if (!result.changed) {
    stderr(`${file} does not look like UTF-8 read as Windows-1252; ${options.out !== undefined ? `copied unchanged to ${options.out}` : 'printed unchanged'}.`);
    return report;
  }
  const restored = result.warnings[0] ?? 'repaired';
  stderr(`${file}: ${restored}${options.out !== undefined ? `; written to ${options.out}` : ''}.`);
  for (const g of result.guesses) stderr(describeGuess(g));
  for (const w of result.warnings.slice(1)) if (!/guessed/.test(w)) stderr(w);
  return report;
}

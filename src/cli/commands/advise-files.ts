// Input files of `ow advise`: read as text, JSON parsed with the line and column of any mistake,
// and the one output format a command was asked for.
import { readFile } from 'node:fs/promises';
import { AppError } from '../../core/shared/error-codes';
import { parseJsonText } from '../../core/shared/json-text';
import { CliError } from '../cli-error';

export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new CliError(`Cannot read ${path}: ${why}`, 2);
  }
}

export async function readJsonFile(path: string): Promise<unknown> {
  const text = await readText(path);
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    throw new AppError('OW_MALFORMED_JSON', `${path} is not valid JSON: ${parsed.message} at line ${parsed.line}, column ${parsed.column}`, [
      { line: parsed.line, column: parsed.column, message: parsed.message },
    ]);
  }
  return parsed.value;
}

export type OutputFormat = 'human' | 'json' | 'md' | 'csv';

/** --json (global), --md and --csv exclude each other; none means the human report. */
export function outputFormat(flags: { json?: boolean; md?: boolean; csv?: boolean }): OutputFormat {
  const chosen = (['json', 'md', 'csv'] as const).filter((f) => flags[f]);
  if (chosen.length > 1) throw new CliError(`Choose one output format: ${chosen.map((f) => `--${f}`).join(' and ')} were both given`, 2);
  return chosen[0] ?? 'human';
}

/** A number option with its own message, so `--people two` says what is wrong. */
export function numberOption(name: string, raw: string | undefined, rule: { integer?: boolean; min?: number; max?: number; above?: number; below?: number } = {}): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  const fail = (why: string) => new CliError(`--${name} ${raw}: ${why}`, 2);
  if (raw.trim() === '' || !Number.isFinite(value)) throw fail('not a number');
  if (rule.integer && !Number.isInteger(value)) throw fail('must be a whole number');
  if (rule.min !== undefined && value < rule.min) throw fail(`must be at least ${rule.min}`);
  if (rule.max !== undefined && value > rule.max) throw fail(`must be at most ${rule.max}`);
  if (rule.above !== undefined && value <= rule.above) throw fail(`must be above ${rule.above}`);
  if (rule.below !== undefined && value >= rule.below) throw fail(`must be below ${rule.below}`);
  return value;
}

// Playbooks are Markdown files with a front matter (id, title, applies-to finding kinds) and
// numbered steps; parsing checks all of it and names the line of anything wrong.
import { z } from 'zod';
import { FINDING_KINDS } from './finding';

export interface Playbook {
  id: string;
  title: string;
  appliesTo: string[];
  summary: string;
  steps: string[];
  /** The Markdown after the front matter. */
  body: string;
}

export interface PlaybookProblem {
  line: number;
  message: string;
}

export class PlaybookError extends Error {
  constructor(
    readonly source: string,
    readonly problems: PlaybookProblem[],
  ) {
    super(`${source}: ${problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
    this.name = 'PlaybookError';
  }
}

const frontSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lowercase letters, digits and -'),
  title: z.string().min(1),
  'applies-to': z.array(z.enum(FINDING_KINDS)).min(1, 'name at least one finding kind'),
  summary: z.string().default(''),
});

function value(raw: string): string | string[] {
  const v = raw.trim();
  if (v.startsWith('[') && v.endsWith(']')) return v.slice(1, -1).split(',').map((x) => x.trim()).filter((x) => x !== '');
  return v.replace(/^(['"])(.*)\1$/, '$2');
}

export function parsePlaybook(source: string, text: string): Playbook {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') throw new PlaybookError(source, [{ line: 1, message: 'a playbook starts with a front matter between --- lines' }]);
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) throw new PlaybookError(source, [{ line: lines.length, message: 'the front matter is not closed by a --- line' }]);
  const problems: PlaybookProblem[] = [];
  const fields: Record<string, string | string[]> = {};
  const lineOf: Record<string, number> = {};
  for (let i = 1; i < end; i++) {
    const l = lines[i]!;
    if (l.trim() === '') continue;
    const m = /^([a-z-]+):(.*)$/.exec(l);
    if (!m) {
      problems.push({ line: i + 1, message: `expected "key: value", found "${l.trim()}"` });
      continue;
    }
    fields[m[1]!] = value(m[2]!);
    lineOf[m[1]!] = i + 1;
  }
  const parsed = frontSchema.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      problems.push({ line: lineOf[key] ?? 1, message: `${key || 'front matter'}: ${issue.message}` });
    }
  }
  const bodyLines = lines.slice(end + 1);
  const steps: string[] = [];
  bodyLines.forEach((l) => {
    const m = /^\d+\.\s+(.*)$/.exec(l);
    if (m) steps.push(m[1]!.trim());
  });
  if (steps.length === 0) problems.push({ line: end + 2, message: 'a playbook needs numbered steps ("1. ...")' });
  if (problems.length > 0 || !parsed.success) throw new PlaybookError(source, problems);
  return { id: parsed.data.id, title: parsed.data.title, appliesTo: parsed.data['applies-to'], summary: parsed.data.summary, steps, body: bodyLines.join('\n').trim() };
}

// The playbook library: the Markdown playbooks in content/playbooks, parsed (front matter and
// numbered steps checked) and rendered to safe HTML once, on first use.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlaybook, type Playbook } from '../core/helpdesk/playbook';
import { createSafeMarkdown } from '../core/sequence/safe-markdown';
import { AppError } from '../core/shared/error-codes';

export const PLAYBOOKS_DIR = fileURLToPath(new URL('../../content/playbooks/', import.meta.url));

export interface PlaybookSummary {
  id: string;
  title: string;
  appliesTo: string[];
  summary: string;
  stepCount: number;
}

export interface PlaybookPage extends PlaybookSummary {
  steps: string[];
  markdown: string;
  /** Rendered with the project's safe Markdown: raw HTML shown as text, unsafe links dropped. */
  html: string;
}

const summaryOf = (p: Playbook): PlaybookSummary => ({ id: p.id, title: p.title, appliesTo: p.appliesTo, summary: p.summary, stepCount: p.steps.length });

export async function loadPlaybooks(dir: string = PLAYBOOKS_DIR): Promise<PlaybookPage[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
  const pages: PlaybookPage[] = [];
  for (const f of files) {
    const p = parsePlaybook(`content/playbooks/${f}`, await readFile(join(dir, f), 'utf8'));
    if (`${p.id}.md` !== f) throw new Error(`content/playbooks/${f}: the id "${p.id}" must match the file name`);
    pages.push({ ...summaryOf(p), steps: p.steps, markdown: p.body, html: createSafeMarkdown()(p.body) });
  }
  return pages;
}

export class PlaybookLibrary {
  private loaded: Promise<PlaybookPage[]> | undefined;

  constructor(private readonly dir: string = PLAYBOOKS_DIR) {}

  private all(): Promise<PlaybookPage[]> {
    this.loaded ??= loadPlaybooks(this.dir);
    return this.loaded;
  }

  async list(kind?: string): Promise<PlaybookSummary[]> {
    return (await this.all()).filter((p) => kind === undefined || p.appliesTo.includes(kind)).map(({ id, title, appliesTo, summary, stepCount }) => ({ id, title, appliesTo, summary, stepCount }));
  }

  async get(id: string): Promise<PlaybookPage> {
    const p = (await this.all()).find((x) => x.id === id);
    if (!p) throw new AppError('OW_NOT_FOUND', `No playbook with id ${id}`);
    return p;
  }
}

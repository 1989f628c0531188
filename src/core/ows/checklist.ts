// The implementation checklist as Markdown (print-friendly), JSON, and CSV for Jira's importer:
// Summary first, then Description, Issue Type, Labels, Priority; every row carries the pattern URL
// and one epic label that links the tickets together.
import { stringify } from 'csv-stringify/sync';
import { invalidInput } from './input-error';
import type { ChecklistItem } from './library-metadata';
import { formatNumber, mdInline, personWeeks } from './markdown-text';
import type { Pattern } from './schema';

export const JIRA_CSV_COLUMNS = ['Summary', 'Description', 'Issue Type', 'Labels', 'Priority'] as const;

export interface ChecklistOptions {
  /** Where the library is served, e.g. https://patterns.example.com; the pattern's page is /library/<slug>. */
  baseUrl: string;
}

export interface ChecklistEntry {
  id: string;
  summary: string;
  /** The item's own description. */
  details: string;
  /** Details plus done-when, owner, effort and pattern URL: the Jira description. */
  description: string;
  issueType: ChecklistItem['issueType'];
  priority: ChecklistItem['priority'];
  labels: string[];
  owner: string;
  component?: string;
  effortPersonWeeks: number;
  doneWhen: Array<{ checkId: string; statement: string; doneDefinition?: string }>;
  patternUrl: string;
}

export interface ChecklistExport {
  pattern: { slug: string; title: string; version: number; url: string };
  epicLabel: string;
  totalEffortPersonWeeks: number;
  items: ChecklistEntry[];
}

/**
 * Where the portal shows a pattern, under the library's base URL. Links written before this
 * pointed at `/patterns/<slug>`; the server still redirects those here.
 */
export const PATTERN_PAGE_PATH = '/library';

/** The pattern's page in the portal; the base must be an absolute http(s) URL without query or fragment. */
export function patternUrl(baseUrl: string, slug: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw invalidInput('checklist options', [{ pointer: '/baseUrl', message: `must be an absolute URL such as https://patterns.example.com (got "${baseUrl}")` }]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidInput('checklist options', [{ pointer: '/baseUrl', message: `must use http or https (got "${url.protocol}")` }]);
  }
  if (url.search !== '' || url.hash !== '') {
    throw invalidInput('checklist options', [{ pointer: '/baseUrl', message: 'must not contain a query string or fragment' }]);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}${PATTERN_PAGE_PATH}/${slug}`;
}

/** Jira labels cannot contain spaces; one label per pattern groups its tickets under an epic. */
export function epicLabel(slug: string): string {
  return `ows-${slug}`;
}

function jiraDescription(entry: Omit<ChecklistEntry, 'description'>, item: ChecklistItem): string {
  const lines = [item.description, ''];
  if (entry.doneWhen.length > 0) {
    lines.push('Done when:');
    for (const check of entry.doneWhen) lines.push(`- ${check.checkId}: ${check.doneDefinition ?? check.statement}`);
    lines.push('');
  }
  lines.push(`Owner: ${item.owner}`);
  lines.push(`Effort: ${personWeeks(item.effortPersonWeeks)}`);
  if (item.component !== undefined) lines.push(`Component: ${item.component}`);
  lines.push(`Pattern: ${entry.patternUrl}`);
  return lines.join('\n');
}

export function checklistJson(pattern: Pattern, options: ChecklistOptions): ChecklistExport {
  const { library, ows } = pattern;
  const url = patternUrl(options.baseUrl, library.slug);
  const label = epicLabel(library.slug);
  const checks = new Map(ows.outputs.checklist.items.map((c) => [c.id, c]));
  const items = library.checklist.map((item): ChecklistEntry => {
    const doneWhen = item.checks.flatMap((id) => {
      const check = checks.get(id);
      if (!check) return [];
      return [{ checkId: id, statement: check.statement, ...(check.doneDefinition !== undefined ? { doneDefinition: check.doneDefinition } : {}) }];
    });
    const entry = {
      id: item.id,
      summary: item.summary,
      details: item.description,
      issueType: item.issueType,
      priority: item.priority,
      labels: [label],
      owner: item.owner,
      ...(item.component !== undefined ? { component: item.component } : {}),
      effortPersonWeeks: item.effortPersonWeeks,
      doneWhen,
      patternUrl: url,
    };
    return { ...entry, description: jiraDescription(entry, item) };
  });
  const total = library.checklist.reduce((sum, item) => sum + item.effortPersonWeeks, 0);
  return {
    pattern: { slug: library.slug, title: ows.meta.title, version: library.version, url },
    epicLabel: label,
    totalEffortPersonWeeks: Math.round(total * 100) / 100,
    items,
  };
}

export function checklistCsv(pattern: Pattern, options: ChecklistOptions): string {
  return checklistCsvOf(checklistJson(pattern, options));
}

/** The Jira CSV of a checklist export already built (rendering builds it once for all three files). */
export function checklistCsvOf({ items }: ChecklistExport): string {
  return stringify(
    items.map((item) => [item.summary, item.description, item.issueType, item.labels.join(' '), item.priority]),
    // Cells starting with = + - @ are prefixed so spreadsheets opening the file never run them.
    { header: true, columns: [...JIRA_CSV_COLUMNS], escape_formulas: true },
  );
}

/** The checklist as a Markdown task list; shared by the article and the checklist file. */
export function checklistTaskList(pattern: Pattern): string {
  const checks = new Map(pattern.ows.outputs.checklist.items.map((c) => [c.id, c]));
  return pattern.library.checklist
    .map((item) => {
      const facts = [`Owner: ${mdInline(item.owner)}`, `Effort: ${personWeeks(item.effortPersonWeeks)}`, `Priority: ${item.priority}`];
      if (item.component !== undefined) facts.push(`Component: ${mdInline(item.component)}`);
      const lines = [`- [ ] **${item.id} · ${mdInline(item.summary)}**  `, `  ${mdInline(item.description)}  `, `  ${facts.join(' · ')}`];
      for (const id of item.checks) {
        const check = checks.get(id);
        if (check) lines.push(`  - Done when (${id}): ${mdInline(check.doneDefinition ?? check.statement)}`);
      }
      return lines.join('\n');
    })
    .join('\n');
}

export function checklistMarkdown(pattern: Pattern, options: ChecklistOptions): string {
  return checklistMarkdownOf(pattern, checklistJson(pattern, options));
}

/** The Markdown checklist of a pattern from its export already built. */
export function checklistMarkdownOf(pattern: Pattern, exported: ChecklistExport, taskList = checklistTaskList(pattern)): string {
  return [
    `# Implementation checklist: ${mdInline(exported.pattern.title)}`,
    '',
    `Pattern: <${exported.pattern.url}> · Version ${exported.pattern.version} · Epic label: \`${exported.epicLabel}\` · ` +
      `Total effort: ${personWeeks(exported.totalEffortPersonWeeks)} (${formatNumber(exported.items.length)} items)`,
    '',
    taskList,
    '',
  ].join('\n');
}

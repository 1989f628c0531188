// Every artifact of a pattern under its file name, as `ow pattern render` writes them and the API
// serves them: one call, one lint and one scoring pass, deterministic bytes.
import { generateArticle } from './article';
import { checklistCsvOf, checklistJson, checklistMarkdownOf, checklistTaskList } from './checklist';
import { diagramSizeScorecard, lintPatternDiagrams } from './diagram-lint';
import { scorePattern } from './hqo-scorecard';
import type { Pattern } from './schema';
import type { SowOptionsInput } from './sow';
import { buildSow, sowCsv, sowMarkdown } from './sow';

export interface ArtifactOptions {
  /** Base URL of the library; the pattern's page is <baseUrl>/library/<slug>. */
  baseUrl: string;
  /** Rates for the statement of work; without them no SOW files are produced. */
  sow?: SowOptionsInput;
}

/** File name → content. JSON files end with a newline like the text files. */
export function renderArtifacts(pattern: Pattern, options: ArtifactOptions): Record<string, string> {
  const diagrams = lintPatternDiagrams(pattern);
  const scorecard = scorePattern(pattern, diagrams);
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  // One checklist export serves the JSON, CSV and Markdown files (each built it anew before).
  const checklist = checklistJson(pattern, options);
  const taskList = checklistTaskList(pattern);
  const files: Record<string, string> = {
    'ARTICLE.md': generateArticle(pattern, { baseUrl: options.baseUrl }, diagrams, scorecard, taskList),
    'as-is.mmd': diagrams[0].diagram.text,
    'orchestrated.mmd': diagrams[1].diagram.text,
    'checklist.md': checklistMarkdownOf(pattern, checklist, taskList),
    'checklist.csv': checklistCsvOf(checklist),
    'checklist.json': json(checklist),
    'scorecard.json': json({ ...scorecard, diagramSize: diagramSizeScorecard(pattern, diagrams) }),
  };
  if (options.sow !== undefined) {
    const sow = buildSow(pattern, options.sow);
    files['sow.md'] = sowMarkdown(sow);
    files['sow.csv'] = sowCsv(sow);
  }
  return files;
}

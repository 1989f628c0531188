// The toolkit's shipped examples in content/advisor (each explained by the .md note beside it),
// saved as documents on first start so the portal has data to show.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdvisorDocumentKind } from '../store/advisor-documents-repo';

export const ADVISOR_CONTENT_DIR = fileURLToPath(new URL('../../content/advisor/', import.meta.url));

export interface AdvisorExample {
  id: string;
  kind: AdvisorDocumentKind;
  name: string;
  file: string;
  /** Settings saved with a work breakdown read from CSV (the CSV holds only the tasks). */
  settings?: Record<string, unknown>;
}

export const ADVISOR_EXAMPLES: readonly AdvisorExample[] = [
  // Seed 002's two developers; the estimates are story points (see epic-5.1.md).
  { id: 'epic-5.1-plan', kind: 'work-breakdown', name: 'Epic 5.1 – Operational Portal plan', file: 'epic-5.1.csv', settings: { people: 2, unit: 'points' } },
  { id: 'epic-5.1-risks', kind: 'risk-register', name: 'Epic 5.1 – risk register', file: 'risks-epic-5.1.json' },
  { id: 'epic-5.1-kpis', kind: 'kpi-set', name: 'Epic 5.1 – success metrics', file: 'kpis-epic-5.1.json' },
  { id: 'escalation-okrs', kind: 'kpi-set', name: 'Escalation OKRs (seed 000)', file: 'okrs-escalation.json' },
  { id: 'escalation-value-stream', kind: 'value-stream', name: 'Support ticket escalation value stream', file: 'value-stream-escalation.json' },
];

/** The example's content as a save request takes it: CSV wrapped with its settings, JSON parsed. */
export async function readExampleContent(example: AdvisorExample, dir: string = ADVISOR_CONTENT_DIR): Promise<unknown> {
  const text = await readFile(join(dir, example.file), 'utf8');
  if (example.file.endsWith('.csv')) return { tasks: text, ...example.settings };
  return JSON.parse(text) as unknown;
}

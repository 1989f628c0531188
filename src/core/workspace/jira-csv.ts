// The workspace's checklist as Jira CSV: the pattern library's columns plus Assignee, the owner the
// team named for each item, with the client's tool names when the workspace has a white-label map.
import { stringify } from 'csv-stringify/sync';
import { JIRA_CSV_COLUMNS, type ChecklistExport } from '../ows/checklist';
import { requireTermMap, whiteLabelPlain } from '../ows/white-label';
import type { Workspace } from './workspace-schema';

export const WORKSPACE_CSV_COLUMNS = [...JIRA_CSV_COLUMNS, 'Assignee'] as const;

export function workspaceChecklistCsv(w: Workspace, checklist: ChecklistExport): string {
  const map = w.client && w.client.terms.length > 0 ? requireTermMap(w.client.terms) : null;
  const plain = (t: string) => (map ? whiteLabelPlain(t, map).text : t);
  const owners = new Map(w.items.map((i) => [i.id, i.owner ?? '']));
  const rows = checklist.items.map((item) => [plain(item.summary), plain(item.description), item.issueType, item.labels.join(' '), item.priority, owners.get(item.id) ?? '']);
  // Cells starting with = + - @ are prefixed so spreadsheets opening the file never run them.
  return stringify(rows, { header: true, columns: [...WORKSPACE_CSV_COLUMNS], escape_formulas: true });
}

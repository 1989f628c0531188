// Writes a saved work breakdown back as the CSV the schedule form takes (id,name,estimate,depends_on),
// so the shipped example can be read, edited and re-planned like an uploaded file.

interface SavedDependency {
  id: string;
  type?: string;
  lag?: number;
}

interface SavedTask {
  id: string;
  name: string;
  estimate: number;
  dependsOn?: readonly (SavedDependency | string)[];
}

function cell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function dependency(d: SavedDependency | string): string {
  if (typeof d === 'string') return d;
  const type = d.type ?? 'FS';
  const lag = d.lag ?? 0;
  if (type === 'FS' && lag === 0) return d.id;
  return lag === 0 ? `${d.id}:${type}` : `${d.id}:${type}+${lag}`;
}

function isTask(value: unknown): value is SavedTask {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  return typeof t.id === 'string' && typeof t.name === 'string' && typeof t.estimate === 'number';
}

/** The CSV of a saved work breakdown's `tasks`, or null when the content has none. */
export function workBreakdownCsv(content: unknown): string | null {
  const tasks = typeof content === 'object' && content !== null ? (content as { tasks?: unknown }).tasks : undefined;
  if (!Array.isArray(tasks) || !tasks.every(isTask)) return null;
  const rows = tasks.map((t) => [t.id, t.name, String(t.estimate), (t.dependsOn ?? []).map(dependency).join(';')].map(cell).join(','));
  return ['id,name,estimate,depends_on', ...rows].join('\n') + '\n';
}

// The metrics form's text: one `name=value` per line, as `ow journey metrics ID key=value…` takes
// them. Parsing names every bad line by number, so nothing is sent until all lines are right.

const METRIC_NAME = /^[a-z][a-z0-9_]*$/;
// Computed from the journey's clock by the server; it refuses them, so say so before sending.
const COMPUTED = new Set(['days_in_stage', 'days_in_journey']);

export interface LineError {
  line: number;
  message: string;
}

export type ParsedMetrics = { ok: true; metrics: Record<string, number> } | { ok: false; errors: LineError[] };

export function parseMetricLines(text: string): ParsedMetrics {
  const metrics: Record<string, number> = {};
  const errors: LineError[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const body = raw.replace(/#.*$/, '').trim();
    if (body === '') return;
    const eq = body.indexOf('=');
    if (eq < 0) {
      errors.push({ line, message: `"${body}" is not name=value` });
      return;
    }
    const name = body.slice(0, eq).trim();
    const rawValue = body.slice(eq + 1).trim();
    if (!METRIC_NAME.test(name)) errors.push({ line, message: `"${name}" is not a metric name (snake_case, for example search_precision)` });
    else if (COMPUTED.has(name)) errors.push({ line, message: `${name} is computed from the journey's clock; it cannot be reported` });
    const value = rawValue === '' ? Number.NaN : Number(rawValue);
    if (!Number.isFinite(value)) errors.push({ line, message: rawValue === '' ? `${name || 'the metric'} has no value` : `"${rawValue}" is not a number` });
    const earlier = seen.get(name);
    if (earlier !== undefined) errors.push({ line, message: `${name} is already given on line ${earlier}` });
    seen.set(name, line);
    if (Number.isFinite(value) && METRIC_NAME.test(name)) metrics[name] = value;
  });
  if (errors.length > 0) return { ok: false, errors };
  if (Object.keys(metrics).length === 0) return { ok: false, errors: [{ line: 1, message: 'write at least one name=value line' }] };
  return { ok: true, metrics };
}

/** Appends `name=` lines for the metrics a gate reads that the text does not mention yet. */
export function withMissingNames(text: string, names: readonly string[]): string {
  const present = new Set(
    text
      .split(/\r?\n/)
      .map((l) => l.split('=')[0]?.trim() ?? '')
      .filter((n) => n !== ''),
  );
  const missing = [...new Set(names)].filter((n) => !present.has(n) && !COMPUTED.has(n));
  if (missing.length === 0) return text;
  const base = text.trimEnd();
  return `${base === '' ? '' : `${base}\n`}${missing.map((n) => `${n}=`).join('\n')}`;
}

// How the CLI prints: JSON with --json, aligned tables and plain lines for people.
export interface Out {
  json: boolean;
  line(text: string): void;
  data(value: unknown, human: () => void): void;
  table(rows: ReadonlyArray<Record<string, string | number | null | undefined>>, columns: ReadonlyArray<string>): void;
}

export function createOut(json: boolean, write: (s: string) => void = (s) => process.stdout.write(s)): Out {
  return {
    json,
    line(text: string) {
      write(`${text}\n`);
    },
    data(value: unknown, human: () => void) {
      if (json) write(`${JSON.stringify(value, null, 2)}\n`);
      else human();
    },
    table(rows, columns) {
      if (rows.length === 0) {
        write('(none)\n');
        return;
      }
      const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? '-' : String(v));
      const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
      const fmt = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
      write(`${fmt(columns.map((c) => c.toUpperCase()))}\n`);
      for (const r of rows) write(`${fmt(columns.map((c) => cell(r[c])))}\n`);
    },
  };
}

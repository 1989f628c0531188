// CPU profile of the portal-load server process over one phase (the inspector's profiler, which is what
// `node --cpu-prof` writes, but started and stopped around the phase), summarised by self time per function
// and per file so the bench says where the server's CPU goes.
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
interface Profile { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[]; timeDeltas?: number[] }

export class PhaseProfiler {
  private session: Session | undefined;

  async start(): Promise<void> {
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: 500 });
    await this.session.post('Profiler.start');
  }

  /** Stops, writes the raw .cpuprofile (open it in Chrome DevTools) and returns the summary. */
  async stop(file: string | undefined, top = 25) {
    if (!this.session) throw new Error('profiler not started');
    const { profile } = (await this.session.post('Profiler.stop')) as unknown as { profile: Profile };
    this.session.disconnect();
    this.session = undefined;
    if (file) await writeFile(file, JSON.stringify(profile));
    return summariseProfile(profile, top);
  }
}

const shortFile = (url: string) => {
  if (!url) return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) return path.slice(nm + 'node_modules/'.length);
  const src = path.search(/\/(src|bench)\//);
  return src >= 0 ? path.slice(src + 1) : path;
};

/** Self time per function and per file (package for node_modules), in ms and as a share of the samples. */
export function summariseProfile(profile: Profile, top: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i] ?? 0) / 1000);
  // Idle samples are the event loop waiting: not CPU.
  for (const [id] of self) if (byId.get(id)?.callFrame.functionName === '(idle)') self.delete(id);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName || '(anonymous)';
    // (program) and (garbage collector) have no file: they are their own line.
    const f = name.startsWith('(') && !n.callFrame.url ? name : shortFile(n.callFrame.url);
    fn.set(`${name} ${f}:${n.callFrame.lineNumber + 1}`, (fn.get(`${name} ${f}:${n.callFrame.lineNumber + 1}`) ?? 0) + ms);
    file.set(f, (file.get(f) ?? 0) + ms);
    const p = /^(@[^/]+\/[^/]+|[^/(]+)\//.exec(f)?.[1] ?? f;
    pkg.set(p, (pkg.get(p) ?? 0) + ms);
  }
  const rank = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, ms]) => ({ name: k, ms: Math.round(ms), share: Math.round((ms / total) * 1000) / 10 }));
  return { sampledMs: Math.round(total), byFunction: rank(fn), byFile: rank(file), byPackage: rank(pkg) };
}

/**
 * Counts the server's SQL by statement (whitespace folded, first 140 characters) with its wall time, so
 * the profile's database share can be traced to the queries that cause it. Opt-in: it wraps db.query.
 */
export function countQueries(db: import('../src/store/db').Db) {
  const stats = new Map<string, { n: number; ms: number }>();
  const wrap = (q: import('../src/store/db').Queryable) => {
    const original = q.query.bind(q);
    q.query = (async (sql: string, params?: ReadonlyArray<import('../src/store/db').SqlParam>) => {
      const key = sql.replace(/\s+/g, ' ').trim().slice(0, 140);
      const s = performance.now();
      try {
        return await original(sql, params);
      } finally {
        const e = stats.get(key) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - s;
        stats.set(key, e);
      }
    }) as typeof q.query;
  };
  wrap(db);
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (tx: import('../src/store/db').Queryable) => Promise<unknown>) => transaction(async (tx) => {
    wrap(tx);
    return fn(tx);
  })) as typeof db.transaction;
  return {
    reset: () => stats.clear(),
    top: (n = 25) => {
      const total = [...stats.values()].reduce((a, b) => a + b.n, 0);
      return { queries: total, top: [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, n).map(([sql, v]) => ({ sql, n: v.n, ms: Math.round(v.ms) })) };
    },
  };
}

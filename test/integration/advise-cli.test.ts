// `ow advise` as a user runs it: the Epic 5.1 example, located errors with exit 2, an unreachable
// deadline with exit 1, Markdown/CSV output, the other four analyses, and --server.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOw } from '../helpers/cli';
import { startTestServer, type TestServer } from '../helpers/server';
import { createToken } from '../helpers/tokens';

const example = (file: string) => fileURLToPath(new URL(`../../content/advisor/${file}`, import.meta.url));
const EPIC = example('epic-5.1.csv');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ow-advise-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

interface ScheduleTask {
  id: string;
  start: number;
  finish: number;
  slack: number;
  assignee: string | null;
}

describe('ow advise schedule', () => {
  it('prints exactly {criticalPath, duration, tasks[{id,start,finish,slack,assignee}]} for Epic 5.1 with 2 people, reproducing seed 002', async () => {
    const r = await runOw(['advise', 'schedule', EPIC, '--people', '2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { criticalPath: string[]; duration: number; tasks: ScheduleTask[] };
    expect(Object.keys(json).sort()).toEqual(['criticalPath', 'duration', 'tasks']);
    for (const t of json.tasks) expect(Object.keys(t).sort()).toEqual(['assignee', 'finish', 'id', 'slack', 'start']);
    const t = Object.fromEntries(json.tasks.map((x) => [x.id, x]));
    // 5.1.0 first and alone; 5.1.7 and 5.1.8 in parallel on two people; 5.1.9 after 5.1.8; 5.1.10 and 5.1.11 overlap; 5.1.12 last.
    expect(t['5.1.0']).toMatchObject({ start: 0, finish: 13 });
    expect(json.tasks.filter((x) => x.start < 13)).toHaveLength(1);
    expect(t['5.1.7']!.start).toBe(13);
    expect(t['5.1.8']!.start).toBe(13);
    expect(t['5.1.7']!.assignee).not.toBe(t['5.1.8']!.assignee);
    expect(t['5.1.9']!.start).toBe(t['5.1.8']!.finish);
    expect(t['5.1.10']!.start).toBeLessThan(t['5.1.11']!.finish);
    expect(t['5.1.11']!.start).toBeLessThan(t['5.1.10']!.finish);
    expect(t['5.1.12']!.start).toBe(Math.max(...json.tasks.filter((x) => x.id !== '5.1.12').map((x) => x.finish)));
    expect(json.duration).toBe(t['5.1.12']!.finish);
    // 144 new points, one person's effort each.
    expect(json.tasks.reduce((s, x) => s + x.finish - x.start, 0)).toBe(144);
    expect(json.criticalPath[0]).toBe('5.1.0');
    expect(json.criticalPath.at(-1)).toBe('5.1.12');
    expect(t['5.1.7']!.slack).toBeGreaterThan(0);
    for (const id of json.criticalPath) expect(t[id]!.slack).toBe(0);
  });

  it('prints a readable report: task table, critical path, text Gantt, milestones and the explanation', async () => {
    const r = await runOw(['advise', 'schedule', EPIC, '--people', '2', '--unit', 'points']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Critical path: 5.1.0 → 5.1.8 → 5.1.9 → 5.1.10 → 5.1.11 → 5.1.12');
    expect(r.stdout).toMatch(/^ID\s+NAME\s+ESTIMATE\s+START\s+FINISH\s+SLACK\s+ASSIGNEE\s+CRITICAL$/m);
    expect(r.stdout).toMatch(/^ {2}5\.1\.0 {2}\|#+ +\| Person 1$/m);
    expect(r.stdout).toMatch(/^ {2}5\.1\.7 {2}\| +=+ +\| Person 2$/m);
    expect(r.stdout).toContain('Milestones:');
    expect(r.stdout).toContain('Why:');
    expect(r.stdout).toContain('With 2 people the schedule takes 102 points');
  });

  it('names the cycle of a cyclic CSV, with its line and column, and exits 2', async () => {
    const path = await file('cyclic.csv', 'id,name,estimate,depends_on\na,Design,3,\nb,Build,5,a;d\nc,Test,2,b\nd,Review,1,c\n');
    const r = await runOw(['advise', 'schedule', path, '--people', '2']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/line \d, column 4: depends_on: dependency cycle: (b → c → d → b|c → d → b → c|d → b → c → d)/);
    // Printed once, not repeated after the message.
    expect(r.stderr.match(/dependency cycle/g)).toHaveLength(1);
  });

  it('locates every bad row by line and column and exits 2', async () => {
    const path = await file('bad.csv', 'id,name,estimate,depends_on\na,Design,3,\nb,Build,five,a\nc,,2,b\nd,Deploy,1,b:XX\n');
    const r = await runOw(['advise', 'schedule', path, '--people', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 3, column 3: estimate: "five" is not a number');
    expect(r.stderr).toContain('line 4, column 2: name: a task needs a name');
    expect(r.stderr).toMatch(/line 5, column 4: depends_on: .*XX/);
  });

  it('explains a deadline that cannot be met, prints the schedule, and exits 1', async () => {
    const r = await runOw(['advise', 'schedule', EPIC, '--people', '1', '--deadline', '110']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Deadline 110: NOT met.');
    expect(r.stderr).toContain('cannot be met with 1 person');
    expect(r.stderr).toContain('With 2 people the schedule fits the deadline.');
    const never = await runOw(['advise', 'schedule', EPIC, '--people', '5', '--deadline', '90', '--json']);
    expect(never.code).toBe(1);
    expect(JSON.parse(never.stdout).duration).toBe(102);
    expect(never.stderr).toContain('cannot be met with any number of people');
  });

  it('exports Markdown, and CSV that reads back as the same work breakdown', async () => {
    const md = await runOw(['advise', 'schedule', EPIC, '--people', '2', '--md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Schedule\n/);
    expect(md.stdout).toContain('| 5.1.12 | Technical Help Desk |');
    const csv = await runOw(['advise', 'schedule', EPIC, '--people', '2', '--csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe('id,name,estimate,depends_on,start,finish,slack,assignee,critical');
    const again = await runOw(['advise', 'schedule', await file('export.csv', csv.stdout), '--people', '2', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).duration).toBe(102);
  });

  it('refuses usage mistakes with exit 2', async () => {
    const noPeople = await runOw(['advise', 'schedule', EPIC]);
    expect(noPeople.code).toBe(2);
    expect(noPeople.stderr).toContain("required option '--people <n>' not specified");
    const badPeople = await runOw(['advise', 'schedule', EPIC, '--people', '1.5']);
    expect(badPeople.code).toBe(2);
    expect(badPeople.stderr).toContain('--people 1.5: must be a whole number');
    const twoFormats = await runOw(['advise', 'schedule', EPIC, '--people', '2', '--json', '--md']);
    expect(twoFormats.code).toBe(2);
    const missing = await runOw(['advise', 'schedule', join(dir, 'nope.csv'), '--people', '2']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});

describe('ow advise route, process, risk, kpi', () => {
  it('routes a problem: scores with matched phrases, questions, plan, problem types', async () => {
    const r = await runOw(['advise', 'route', 'Our escalation backlog keeps growing and the project has a hard deadline with milestones']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Route to Project Management\./);
    expect(r.stdout).toContain('"deadline" +3');
    expect(r.stdout).toContain('Questions to answer:');
    expect(r.stdout).toMatch(/Library problem types:\n {2}.*Backlog/);
    const json = await runOw(['advise', 'route', 'What could go wrong with our vendor migration?', '--json']);
    const parsed = JSON.parse(json.stdout) as { chosen: string; scores: Array<{ skill: string; matches: unknown[] }>; explanation: string[] };
    expect(parsed.chosen).toBe('risk-management');
    expect(parsed.explanation.length).toBeGreaterThan(3);
  });

  it('analyses the escalation value stream with a DMAIC target from --target-reduction', async () => {
    const r = await runOw(['advise', 'process', example('value-stream-escalation.json'), '--target-reduction', '0.3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout) as { valueStream: { leadTime: number; bottleneck: { step: string } }; dmaic: { targets: Array<{ metric: string; target: number }> } };
    expect(a.valueStream.leadTime).toBe(2880);
    expect(a.valueStream.bottleneck.step).toBe('L2 diagnosis');
    expect(a.dmaic.targets[0]!.metric).toBe('Lead time');
    expect(a.dmaic.targets[0]!.target).toBeCloseTo(2016, 6);
    const bad = await runOw(['advise', 'process', await file('stream.json', '{"steps": [{"name": "a", "processTime": -1, "waitTime": 0, "volume": 1}]}')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('/steps/0/processTime: processTime must not be negative');
    const malformed = await runOw(['advise', 'process', await file('broken.json', '{\n  "steps": [\n    {"name": "a",,}\n  ]\n}')]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/line 3, column \d+/);
  });

  it('shows the risk heat map with counts and the register by score', async () => {
    const r = await runOw(['advise', 'risk', example('risks-epic-5.1.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {7}4 {5}· {3}· {3}1 {3}· {3}·$/m);
    expect(r.stdout).toMatch(/^ {7}3 {5}· {3}· {3}2 {3}· {3}·$/m);
    expect(r.stdout.indexOf('R1 ')).toBeLessThan(r.stdout.indexOf('R4 '));
    const csv = await runOw(['advise', 'risk', example('risks-epic-5.1.json'), '--csv']);
    expect(csv.stdout.split('\n')[1]).toMatch(/^R1,Story 5\.1\.0 delay,3,4,12,high,mitigate,/);
  });

  it('checks KPIs and OKRs, and says live bindings cannot be resolved from files', async () => {
    const r = await runOw(['advise', 'kpi', example('kpis-epic-5.1.json'), '--as-of', '2026-02-01', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout) as { smart: { checks: unknown[] }; scorecard: { gaps: string[] }; bindings: Array<{ status: string; value: null }> };
    expect(a.smart.checks).toHaveLength(8);
    expect(a.scorecard.gaps).toEqual(['Learning & Growth']);
    expect(a.bindings.length).toBeGreaterThan(0);
    for (const b of a.bindings) expect(b).toMatchObject({ status: 'not yet resolvable', value: null });
    const okr = await runOw(['advise', 'kpi', example('okrs-escalation.json')]);
    expect(okr.code).toBe(0);
    expect(okr.stdout).toContain('O1 Resolve escalations faster and right the first time: 100% (achieved)');
    const badDate = await runOw(['advise', 'kpi', example('okrs-escalation.json'), '--as-of', '2026-02-30']);
    expect(badDate.code).toBe(2);
  });
});

describe('ow advise --server', () => {
  let server: TestServer;
  let viewer: string;
  beforeAll(async () => {
    server = await startTestServer();
    viewer = await createToken(server, 'viewer');
  });
  afterAll(async () => {
    await server.close();
  });

  it('asks the server, which resolves bindings against its event log', async () => {
    const r = await runOw(['advise', 'kpi', example('kpis-epic-5.1.json'), '--json', '--server', server.url, '--token', viewer]);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout) as { bindings: Array<{ source: string; detail: string }> };
    expect(a.bindings.map((b) => b.source)).toEqual(['escalation', 'escalation']);
    expect(a.bindings[0]!.detail).toContain('the escalation runtime holds no tickets yet');
    const bad = await runOw(['advise', 'risk', await file('r.json', '{"risks": [{"id": "X"}]}'), '--server', server.url, '--token', viewer]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('/risks/0/title');
  });
});

// `ow docs` and `ow docs repair-encoding` run as a user runs them: files written, the summary,
// exit codes 0/1/2, and the repair of seed 000 against the reference Markdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOw } from '../helpers/cli';
import { startProgress } from '../../src/cli/progress';
import { fixtureText, referenceIds, referenceSourcePath, seedFor } from '../core/sequence/fixtures';

const fixtures = fileURLToPath(new URL('../fixtures/sequences/', import.meta.url));
const fixture = (name: string) => join(fixtures, name);
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ow-docs-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function sequenceJson(id: string, name = `Sequence ${id}`): string {
  return JSON.stringify({
    domainId: 'ops',
    id,
    name,
    userStory: {},
    diagram: 'sequenceDiagram',
    movements: [{ name: 'M', userStory: {}, diagram: 'sequenceDiagram', beats: [{ event: 'e', testFile: 'e.test.ts', userStory: {}, acceptanceCriteria: [], diagram: 'sequenceDiagram' }] }],
  });
}

function figuresOf(file: string): { movements: number; beats: number } {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { movements: Array<{ beats: unknown[] }> };
  return { movements: doc.movements.length, beats: doc.movements.reduce((n, m) => n + m.beats.length, 0) };
}

describe('ow docs', () => {
  it('writes <id>.md and <id>.html for each input, cites the source file, and prints the summary', async () => {
    const out = join(dir, 'docs');
    const inputs = referenceIds.map((id) => fixture(`${id}.json`));
    const r = await runOw(['docs', ...inputs, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['msp-domain-expert.html', 'msp-domain-expert.md', 'operator-implementation.html', 'operator-implementation.md']);
    for (const id of referenceIds) {
      const cited = relative(process.cwd(), fixture(`${id}.json`));
      const expected = fixtureText(`${id}.md`).split(`../../${referenceSourcePath(id)}`).join(`../../${cited}`);
      expect(readFileSync(join(out, `${id}.md`), 'utf8')).toBe(expected);
      const html = readFileSync(join(out, `${id}.html`), 'utf8');
      expect(html).toMatch(/^<!DOCTYPE html>/);
      expect(html).toContain('<pre class="mermaid">');
    }
    const totals = inputs.map(figuresOf).reduce((a, b) => ({ movements: a.movements + b.movements, beats: a.beats + b.beats }));
    expect(r.stdout).toContain(`Wrote 4 documents (md, html) to ${out}.`);
    expect(r.stdout).toMatch(new RegExp(`^2 files \\(2 valid\\), ${totals.movements} movements, ${totals.beats} beats, \\d+ warnings, \\d+ errors$`, 'm'));
    // The reference sequences contradict themselves (events, beat count): reported, written all the same.
    expect(r.stdout).toContain('those documents were written all the same');
    expect(r.stderr).toMatch(/^ {2}error {4}\/beats: declares 12 beats but its movements hold 14$/m);
  });

  it('builds the canonical-reference link from --source-link and writes only the formats asked for', async () => {
    const out = join(dir, 'linked');
    const r = await runOw(['docs', fixture('operator-implementation.json'), '--out', out, '--format', 'md', '--source-link', 'https://git.example.org/seq/']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['operator-implementation.md']);
    const expected = fixtureText('operator-implementation.md')
      .split(`../../${referenceSourcePath('operator-implementation')}`)
      .join('https://git.example.org/seq/operator-implementation.json');
    expect(readFileSync(join(out, 'operator-implementation.md'), 'utf8')).toBe(expected);
  });

  it('exits 1 when an input is invalid, still writing the valid ones, and says where each error is', async () => {
    const inputs = join(dir, 'mixed');
    const out = join(dir, 'mixed-out');
    rmSync(inputs, { recursive: true, force: true });
    const nested = join(inputs, 'nested');
    mkdirSync(nested, { recursive: true });
    writeFileSync(join(inputs, 'a-good.json'), sequenceJson('good'));
    writeFileSync(join(inputs, 'b-schema.json'), JSON.stringify({ ...JSON.parse(sequenceJson('bad')), id: 'has space', movements: 'none' }));
    writeFileSync(join(nested, 'c-syntax.json'), '{\n  "id": "x",\n  "name": "y"\n  "movements": []\n}');
    writeFileSync(join(nested, 'd-duplicate.json'), sequenceJson('good', 'Same id again'));
    writeFileSync(join(inputs, 'notes.txt'), 'not a sequence');

    const r = await runOw(['docs', inputs, '--out', out]);
    expect(r.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['good.html', 'good.md']);
    expect(readFileSync(join(out, 'good.md'), 'utf8')).toContain('# Sequence good');
    expect(r.stdout).toMatch(/^4 files \(1 valid, 3 invalid\), 1 movement, 1 beat, /m);
    expect(r.stderr).toContain(`${join(inputs, 'b-schema.json')}: invalid, not written (2 errors)`);
    expect(r.stderr).toMatch(/error {4}\/id: /);
    expect(r.stderr).toMatch(/error {4}\/movements: expected array/);
    expect(r.stderr).toMatch(/error {4}line 4, column 3: /);
    expect(r.stderr).toContain('id "good" was already rendered from');
    expect(r.stderr).toContain('3 of 4 inputs were invalid and not written');
  });

  it('prints a machine-readable report with --json and no progress bar when stderr is not a terminal', async () => {
    const inputs = join(dir, 'many');
    mkdirSync(inputs, { recursive: true });
    for (let i = 0; i < 8; i++) writeFileSync(join(inputs, `s${i}.json`), sequenceJson(`s${i}`));
    const plain = await runOw(['docs', inputs, '--out', join(dir, 'many-out'), '--format', 'md']);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe('');
    const r = await runOw(['--json', 'docs', inputs, '--out', join(dir, 'many-json'), '--format', 'html']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { totals: Record<string, number>; files: Array<{ id: string; written: string[] }> };
    expect(report.totals).toMatchObject({ files: 8, valid: 8, invalid: 0, movements: 8, beats: 8 });
    expect(report.files.map((f) => f.written.map((w) => relative(join(dir, 'many-json'), w))).flat()).toEqual([...Array(8).keys()].map((i) => `s${i}.html`));
  });

  it('exits 2 on usage errors and writes nothing', async () => {
    const out = join(dir, 'never');
    const cases: Array<[string[], RegExp]> = [
      [['docs', '--out', out], /no input/],
      [['docs', fixture('operator-implementation.json')], /missing --out/],
      [['docs', fixture('operator-implementation.json'), '--out', out, '--format', 'md,pdf'], /unknown format "pdf"/],
      [['docs', join(dir, 'does-not-exist.json'), '--out', out], /no such file or directory/],
    ];
    for (const [args, message] of cases) {
      const r = await runOw(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe('ow docs repair-encoding', () => {
  it.each(referenceIds)('repairs seed for %s to the reference Markdown except on the lines it reports as guesses', async (id) => {
    const out = join(dir, `${id}.repaired.md`);
    const r = await runOw(['docs', 'repair-encoding', fixture(seedFor[id]), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('text was UTF-8 mis-decoded as Windows-1252 and has been repaired');
    const guessedLines = [...r.stderr.matchAll(/^line (\d+): guessed "(.+?)" \(U\+[0-9A-F]+\) for a character that lost a byte; alternatives: (.+)$/gm)].map((m) => Number(m[1]));
    const repaired = readFileSync(out, 'utf8').split('\n');
    const reference = fixtureText(`${id}.md`).split('\n');
    expect(repaired).toHaveLength(reference.length);
    const differing = reference.flatMap((line, i) => (repaired[i] === line ? [] : [i + 1]));
    expect(differing.length).toBeLessThanOrEqual(3);
    for (const line of differing) expect(guessedLines).toContain(line);
  });

  it('prints the repaired text without --out, and a JSON report of every guess with --json', async () => {
    const seed = fixture(seedFor['operator-implementation']);
    const printed = await runOw(['docs', 'repair-encoding', seed]);
    expect(printed.code).toBe(0);
    expect(printed.stdout.split('\n')[0]).toBe('# Operator Pattern Implementation Journey');
    expect(printed.stdout).toContain('participant Manager as 👨‍💼 Support Manager');
    const json = await runOw(['--json', 'docs', 'repair-encoding', seed]);
    const report = JSON.parse(json.stdout) as { changed: boolean; text: string; guesses: Array<{ line: number; chosen: string; alternatives: string[] }> };
    expect(report.changed).toBe(true);
    expect(report.text).toBe(printed.stdout);
    for (const g of report.guesses) {
      expect(g.line).toBeGreaterThan(0);
      expect(g.alternatives.length).toBeGreaterThan(0);
      expect(printed.stderr).toContain(`line ${g.line}: guessed "${g.chosen}"`);
    }
  });

  it('leaves correct text alone and exits 2 for a missing file', async () => {
    const clean = await runOw(['docs', 'repair-encoding', fixture('operator-implementation.md')]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe(fixtureText('operator-implementation.md'));
    expect(clean.stderr).toContain('does not look like UTF-8 read as Windows-1252');
    const missing = await runOw(['docs', 'repair-encoding', join(dir, 'nope.md')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.md: cannot read it (ENOENT)');
  });
});

describe('progress bar helper', () => {
  /** A writable that claims to be a terminal, recording what a bar draws on it. */
  function fakeTerminal(isTTY: boolean): { stream: NodeJS.WriteStream; written: () => string } {
    let text = '';
    const stream = {
      isTTY,
      columns: 120,
      write(chunk: string | Uint8Array) {
        text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        return true;
      },
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
      clearScreenDown: () => true,
      on: () => stream,
      removeListener: () => stream,
    };
    return { stream: stream as unknown as NodeJS.WriteStream, written: () => text };
  }

  it('draws on a terminal and stays quiet off a terminal, with --json, or for a few items', () => {
    const tty = fakeTerminal(true);
    const bar = startProgress({ total: 6, unit: 'files', stream: tty.stream });
    expect(bar.active).toBe(true);
    for (let i = 0; i < 6; i++) bar.tick(`f${i}.json`);
    bar.stop();
    expect(tty.written()).toMatch(/\d\/6 files/);
    for (const [stream, options] of [
      [fakeTerminal(false), {}],
      [fakeTerminal(true), { json: true }],
      [fakeTerminal(true), { total: 2 }],
    ] as const) {
      const quiet = startProgress({ total: 6, unit: 'files', stream: stream.stream, ...options });
      quiet.tick('x');
      quiet.stop();
      expect(quiet.active).toBe(false);
      expect(stream.written()).toBe('');
    }
  });
});

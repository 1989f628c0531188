// `ow pattern …` run as a user runs it: validate (exit 0/1/2 and every failure with its pointer and
// rule), render (the files written), lint-mermaid (exit codes and the --json shape), and import,
// search and export on a local store and through a running server.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDiagrams } from '../../src/core/ows/mermaid-generator';
import { evaluateGates } from '../../src/core/ows/quality-gates';
import { validateReferenceOws, validateReferencePublication } from '../core/ows/pattern-fixtures';
import { runOw } from '../helpers/cli';
import { startTestServer } from '../helpers/server';
import { createToken } from '../helpers/tokens';
import { CATALOG_DIR, catalogJson, failingBothGates, FLAGSHIP_SLUG, patternJson } from '../engine/pattern-fixtures';

let dir: string;
const flagshipFile = join(CATALOG_DIR, `${FLAGSHIP_SLUG}.json`);
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ow-pattern-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('ow pattern validate', () => {
  it('exits 0 when every file passes, naming each with its HQO total', async () => {
    const res = await runOw(['pattern', 'validate', flagshipFile, file('second.json', patternJson('second-one', 'Second pattern here'))]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`${FLAGSHIP_SLUG}\\.json: passed ${FLAGSHIP_SLUG} \\(HQO \\d+/40\\)`));
    expect(res.stdout).toContain('2 files: 2 passed');
  });

  it('exits 1 when a file fails a gate, listing every failure with its rule and pointer', async () => {
    const failing = failingBothGates('gate-failure');
    const res = await runOw(['pattern', 'validate', flagshipFile, file('failing.json', failing)]);
    expect(res.code).toBe(1);
    const failures = evaluateGates(failing).failures;
    for (const f of failures) expect(res.stdout).toContain(`[${f.gate} ${f.rule}] ${f.pointer !== undefined ? `${f.pointer}: ` : ''}${f.message}`);
    expect(res.stdout).toContain('1 passed, 1 failed');
  });

  it('exits 2 when a file is not JSON or breaks the schema, and reports --json', async () => {
    const notJson = file('broken.json', '{\n  "ows": [1, 2,\n}');
    const schema = catalogJson();
    (schema.library as Record<string, unknown>).maturity = 'Expert';
    const res = await runOw(['--json', 'pattern', 'validate', notJson, file('schema.json', schema), file('failing2.json', failingBothGates('other-failure'))]);
    expect(res.code).toBe(2);
    const out = JSON.parse(res.stdout) as { files: Array<{ status: string; failures: Array<{ pointer?: string; message: string }> }>; totals: Record<string, number> };
    expect(out.files.map((f) => f.status)).toEqual(['invalid', 'invalid', 'failed']);
    expect(out.files[0]?.failures[0]?.message).toMatch(/line 3, column 1/);
    expect(out.files[1]?.failures).toEqual([expect.objectContaining({ pointer: '/library/maturity' })]);
    expect(out.totals).toEqual({ files: 3, passed: 0, failed: 1, invalid: 2 });
  });
});

describe('ow pattern render', () => {
  it('writes the article, both diagrams, the checklist, the scorecard and, with rates, the statement of work', async () => {
    const out = join(dir, 'render');
    const res = await runOw(['pattern', 'render', flagshipFile, '--out', out, '--base-url', 'https://lib.example.com', '--day-rate', '1100', '--fte', '2']);
    expect(res.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['ARTICLE.md', 'as-is.mmd', 'checklist.csv', 'checklist.json', 'checklist.md', 'orchestrated.mmd', 'scorecard.json', 'sow.csv', 'sow.md']);
    const pattern = evaluateGates(catalogJson()).pattern;
    if (!pattern) throw new Error('the flagship does not parse');
    const diagrams = generateDiagrams(pattern);
    expect(readFileSync(join(out, 'as-is.mmd'), 'utf8')).toBe(diagrams[0].text);
    expect(readFileSync(join(out, 'orchestrated.mmd'), 'utf8')).toBe(diagrams[1].text);
    expect(readFileSync(join(out, 'ARTICLE.md'), 'utf8')).toContain(`<https://lib.example.com/library/${FLAGSHIP_SLUG}>`);
    expect(readFileSync(join(out, 'checklist.csv'), 'utf8').split('\n')[0]).toBe('Summary,Description,Issue Type,Labels,Priority');
    expect(JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8'))).toMatchObject({ passed: true });
    expect(readFileSync(join(out, 'sow.md'), 'utf8')).toContain('$1,100');
  });

  it('says what is wrong with the usage or the file, and writes nothing for an invalid file', async () => {
    expect((await runOw(['pattern', 'render', flagshipFile])).code).toBe(2);
    const half = await runOw(['pattern', 'render', flagshipFile, '--out', join(dir, 'half'), '--day-rate', '900']);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('needs both --day-rate and --fte');
    const out = join(dir, 'invalid-render');
    const invalid = await runOw(['pattern', 'render', file('invalid.json', { ows: {} }), '--out', out]);
    expect(invalid.code).toBe(2);
    expect(() => readdirSync(out)).toThrow();
  });
});

describe('ow pattern lint-mermaid', () => {
  it('exits 0 within budget and prints the counts as JSON', async () => {
    const res = await runOw(['--json', 'pattern', 'lint-mermaid', file('ok.mmd', 'sequenceDiagram\n  participant A\n  participant B\n  A->>B: hello\n  Note over A,B: a short note\n  B-->>A: done\n')]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ actors: 2, steps: 2, altBlocks: 0, notes: 1, maxMessageChars: 5, maxNoteChars: 12, violations: [] });
  });

  it('exits 1 over budget with each violation and its line', async () => {
    const actors = Array.from({ length: 8 }, (_, i) => `  participant P${i}`).join('\n');
    const text = `sequenceDiagram\n${actors}\n  P0->>P1: ${'x'.repeat(60)}\n`;
    const res = await runOw(['--json', 'pattern', 'lint-mermaid', file('over.mmd', text)]);
    expect(res.code).toBe(1);
    const out = JSON.parse(res.stdout) as { actors: number; violations: Array<{ rule: string; line: number; message: string }> };
    expect(out.actors).toBe(8);
    expect(out.violations.map((v) => [v.rule, v.line])).toEqual([
      ['max-actors', 9],
      ['max-message-chars', 10],
    ]);
    const human = await runOw(['pattern', 'lint-mermaid', join(dir, 'over.mmd')]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('line 10 [max-message-chars]');
  });

  it('exits 2 when the text cannot be parsed, with the line and what was expected', async () => {
    const res = await runOw(['pattern', 'lint-mermaid', file('broken.mmd', 'sequenceDiagram\n  participant A\n  A->>: hi\n')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/broken\.mmd, line 3: .+ \(expected .+\)/);
  });
});

// A fresh store loads the catalog first, and each run starts the CLI: minutes on a busy machine.
describe('ow pattern import, search and export', () => {
  it('imports a directory into the local store, then searches and exports it', async () => {
    const dataDir = join(dir, 'store');
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'a-flagship.json'), readFileSync(flagshipFile));
    writeFileSync(join(inbox, 'b-new.json'), JSON.stringify(patternJson('imported-locally', 'Imported from a directory')));
    writeFileSync(join(inbox, 'c-failing.json'), JSON.stringify(failingBothGates('import-failure')));
    const imported = await runOw(['--data-dir', dataDir, 'pattern', 'import', inbox], {}, 180_000);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toContain(`a-flagship.json: unchanged ${FLAGSHIP_SLUG} version 1`);
    expect(imported.stdout).toContain('b-new.json: published imported-locally version 1');
    expect(imported.stdout).toMatch(/c-failing\.json: failed\n {2}\[budget max-message-chars\]/);
    expect(imported.stdout).toContain('3 files: 1 published, 1 unchanged, 1 failed');

    const search = await runOw(['--json', '--data-dir', dataDir, 'pattern', 'search', 'Imported from a directory']);
    expect(search.code).toBe(0);
    expect((JSON.parse(search.stdout) as { items: Array<{ slug: string }> }).items[0]?.slug).toBe('imported-locally');

    const catalog = readdirSync(CATALOG_DIR).filter((f) => f.endsWith('.json')).length;
    const owsDir = join(dir, 'export-ows');
    const ows = await runOw(['--data-dir', dataDir, 'pattern', 'export', owsDir, '--format', 'ows']);
    expect(ows.code).toBe(0);
    const owsFiles = readdirSync(owsDir);
    expect(owsFiles).toHaveLength(catalog + 1);
    for (const name of owsFiles) expect(validateReferenceOws(JSON.parse(readFileSync(join(owsDir, name), 'utf8'))), name).toBe(true);
    expect(JSON.parse(readFileSync(join(owsDir, `${FLAGSHIP_SLUG}.json`), 'utf8'))).toEqual(catalogJson().ows);

    const pubDir = join(dir, 'export-publication');
    expect((await runOw(['--data-dir', dataDir, 'pattern', 'export', pubDir, '--format', 'publication'])).code).toBe(0);
    const publication = JSON.parse(readFileSync(join(pubDir, 'imported-locally.json'), 'utf8')) as unknown;
    expect(validateReferencePublication(publication)).toBe(true);
  }, 300_000);

  it('imports and searches through a running server', async () => {
    const server = await startTestServer();
    try {
      const operator = await createToken(server, 'operator');
      const inbox = join(dir, 'remote-inbox');
      mkdirSync(inbox);
      writeFileSync(join(inbox, 'new.json'), JSON.stringify(patternJson('imported-remotely', 'Imported through the server')));
      writeFileSync(join(inbox, 'not-json.json'), '{ "library": ');
      const res = await runOw(['--server', server.url, '--token', operator, 'pattern', 'import', inbox]);
      expect(res.code).toBe(2);
      expect(res.stdout).toContain('new.json: published imported-remotely version 1');
      expect(res.stdout).toContain('not-json.json: invalid');
      const viewer = await createToken(server, 'viewer');
      const denied = await runOw(['--server', server.url, '--token', viewer, 'pattern', 'import', inbox]);
      expect(denied.code).toBe(1);
      expect(denied.stderr).toContain('OW_FORBIDDEN');
      const search = await runOw(['--server', server.url, '--token', viewer, 'pattern', 'search', 'Imported through the server', '--industry', 'Technology']);
      expect(search.code).toBe(0);
      expect(search.stdout).toMatch(/^SLUG .*\nimported-remotely /);
    } finally {
      await server.close();
    }
  }, 300_000);
});

// Search ranking (id beats name, exact beats prefix beats word beats substring) and playbook parsing
// with line-numbered problems; every shipped playbook parses.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlaybook, PlaybookError } from '../../../src/core/helpdesk/playbook';
import { rankResults, type SearchCandidate } from '../../../src/core/helpdesk/search-rank';

const c = (type: SearchCandidate['type'], id: string, name: string, extra: string[] = []): SearchCandidate => ({ type, id, name, extra, detail: '', link: `/${id}` });

describe('search ranking', () => {
  it('ranks exact id, then exact name, prefix, word and substring; drops non-matches and duplicates', () => {
    const r = rankResults('acme', [c('ticket', 't1', 'Billing for Big acme'), c('journey', 'j1', 'onboarding', ['acme']), c('client', 'acme', 'Acme Corp'), c('agent', 'acmebot', 'bot'), c('ticket', 't2', 'xacmex'), c('ticket', 't3', 'none'), c('client', 'acme', 'dup')]);
    expect(r.map((x) => x.id)).toEqual(['acme', 'acmebot', 'j1', 't1', 't2']);
    expect(r[0]).toMatchObject({ id: 'acme', matched: 'id', score: 100 });
    expect(r[1]).toMatchObject({ id: 'acmebot', score: 80 });
    expect(r.at(-1)).toMatchObject({ id: 't2' });
    expect(r.map((x) => x.id)).not.toContain('t3');
    expect(r.filter((x) => x.id === 'acme')).toHaveLength(1);
    expect(rankResults('  ', [c('client', 'a', 'a')])).toEqual([]);
  });
});

describe('playbook parsing', () => {
  const good = '---\nid: x-y\ntitle: T\napplies-to: [failed_gate, sla_breach]\n---\nIntro\n\n1. First\n2. Second\n';
  it('reads front matter and numbered steps', () => {
    expect(parsePlaybook('x.md', good)).toMatchObject({ id: 'x-y', title: 'T', appliesTo: ['failed_gate', 'sla_breach'], steps: ['First', 'Second'] });
  });
  it('names the line of each problem', () => {
    const bad = '---\nid: X Y\ntitle: T\napplies-to: [nonsense]\noops\n---\nno steps\n';
    try {
      parsePlaybook('bad.md', bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PlaybookError);
      const lines = (e as PlaybookError).problems.map((p) => p.line).sort();
      expect(lines).toEqual([2, 4, 5, 7]);
    }
    expect(() => parsePlaybook('n.md', 'no front matter')).toThrow(/line 1/);
  });
  it('parses every shipped playbook, at least six, ids matching file names', () => {
    const dir = new URL('../../../content/playbooks/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) expect(parsePlaybook(f, readFileSync(new URL(f, dir), 'utf8')).id).toBe(f.replace(/\.md$/, ''));
  });
});

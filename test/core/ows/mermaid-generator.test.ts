import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lintMermaid } from '../../../src/core/ows/diagram-budget';
import { decodeMermaidEntities } from '../../../src/core/ows/diagram-import';
import { escapeMermaidText, generateAsIsDiagram, generateDiagrams, generateOrchestratedDiagram } from '../../../src/core/ows/mermaid-generator';
import { parseMermaidSequence } from '../../../src/core/ows/mermaid-parser';
import { flagship, mustParse } from './pattern-fixtures';

const lines = (text: string) => text.trimEnd().split('\n');

describe('Mermaid generator', () => {
  it('produces the same bytes for the same pattern, and for a copy of it', () => {
    const a = generateDiagrams(flagship());
    const b = generateDiagrams(structuredClone(flagship()));
    expect(b.map((d) => d.text)).toEqual(a.map((d) => d.text));
  });

  it('declares only the actors a flow uses, with their labels, in declaration order', () => {
    const p = flagship();
    const asIs = lines(generateAsIsDiagram(p).text).filter((l) => l.trim().startsWith('participant'));
    expect(asIs).toEqual([
      '  participant Customer as 👤 Customer',
      '  participant L1 as 🎧 L1 Agent',
      '  participant Queue as 📥 L2 Queue',
      '  participant L2 as 🔧 L2 Engineer',
      '  participant Lead as 🧭 Duty Manager',
    ]);
    const orchestrated = lines(generateOrchestratedDiagram(p).text).filter((l) => l.includes('participant'));
    expect(orchestrated.map((l) => l.trim().split(' ')[1])).toEqual(['Customer', 'L1', 'Router', 'Monitor', 'L2', 'Lead']);
  });

  it('maps each step kind to its arrow or note', () => {
    const p = flagship();
    p.ows.flows.asIs.steps = [
      { from: 'Customer', to: 'L1', action: 'asks', kind: 'message' },
      { from: 'L1', to: 'Customer', action: 'answers', kind: 'return' },
      { from: 'L1', to: 'L1', action: 'thinks', kind: 'internal' },
      { from: 'Note', to: 'L1', action: 'over one', kind: 'note' },
      { from: 'Note', to: 'L1', action: 'over two', kind: 'note', noteOver: ['Customer', 'L1'] },
    ];
    const body = lines(generateAsIsDiagram(mustParse(p)).text).slice(-5);
    expect(body).toEqual([
      '  Customer->>L1: asks',
      '  L1-->>Customer: answers',
      '  L1->>L1: thinks',
      '  Note over L1: over one',
      '  Note over Customer,L1: over two',
    ]);
  });

  it('draws each decision point as alt/else/end after its placed step', () => {
    const text = generateOrchestratedDiagram(flagship()).text;
    const l = lines(text);
    const check = l.indexOf('  Router->>Router: Checks skills and open load per engineer');
    expect(l.slice(check + 1, check + 8)).toEqual([
      '  alt Engineer has capacity',
      '    Router->>L2: Assigns to the least-loaded skilled engineer',
      '    L2-->>Router: Accepts within 15 min',
      '  else All engineers at capacity',
      '    Router->>Lead: Flags the capacity gap with queue depth',
      '    Lead->>L2: Frees an engineer, who takes ownership',
      '  end',
    ]);
    expect(l.filter((x) => x.trim().startsWith('alt ')).length).toBe(2);
  });

  it('appends decision points without a placement after the last step', () => {
    const p = flagship();
    delete p.library.diagram;
    const l = lines(generateOrchestratedDiagram(p).text);
    expect(l.at(-1)).toBe('  end');
    expect(l.findIndex((x) => x.includes('Confirms the fix'))).toBeLessThan(l.findIndex((x) => x.startsWith('  alt')));
  });

  it('honours autonumber and includeNotes', () => {
    const p = flagship();
    p.ows.outputs.mermaid.autonumber = false;
    p.ows.outputs.mermaid.includeNotes = false;
    const text = generateAsIsDiagram(p).text;
    expect(text).not.toContain('autonumber');
    expect(text).not.toContain('Note over');
  });

  it('maps every line back to the pattern value that produced it', () => {
    const d = generateOrchestratedDiagram(flagship());
    const l = lines(d.text);
    const at = (needle: string) => d.lineSources[l.findIndex((x) => x.includes(needle)) + 1];
    expect(at('Frees an engineer')).toBe('/ows/flows/altDecisionPoints/0/branches/1/steps/1');
    expect(at('Confirms the fix')).toBe('/ows/flows/toBe/steps/7');
    expect(at('participant Monitor')).toBe('/ows/actors/4');
  });

  it('escapes statement separators and comment marks, so any text stays one message', () => {
    expect(escapeMermaidText('a;b #c\nd')).toBe('a#59;b #35;c d');
    expect(escapeMermaidText('Wrap: the incident')).toBe('Wrap#58; the incident');
    const tricky = fc.constantFrom('wrap:x', 'nowrap: y', ';', '#', '#59;', 'a --> b', 'end', 'x\ny', '%% c');
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ minLength: 1, maxLength: 50 })), (action) => {
        fc.pre(action.trim().length > 0);
        const p = flagship();
        p.ows.flows.asIs.steps[0]!.action = action;
        const text = generateAsIsDiagram(p).text;
        const parsed = parseMermaidSequence(text);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const first = parsed.diagram.statements.find((s) => s.kind === 'message');
        expect(first?.kind === 'message' && decodeMermaidEntities(first.text.text)).toBe(action.replace(/[\r\n]+/g, ' ').trim());
      }),
      { numRuns: 100 },
    );
  });

  it('generates diagrams the budget lint parses, for the flagship within budget', () => {
    for (const d of generateDiagrams(flagship())) {
      const lint = lintMermaid(d.text);
      expect(lint.parseError).toBeUndefined();
      expect(lint.violations).toEqual([]);
    }
  });
});

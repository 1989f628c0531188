import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintMermaid } from '../../../src/core/ows/diagram-budget';
import { parseMermaidSequence, type MermaidStatement } from '../../../src/core/ows/mermaid-parser';
import { walkStatements } from '../../../src/core/ows/mermaid-walk';
import { applyTermMap, parseTermMap, type TermMap } from '../../../src/core/ows/term-map';
import { MAX_LABEL_CHARS, whiteLabelMermaid } from '../../../src/core/ows/white-label-mermaid';
import { diagramText } from './mermaid-arbitraries';

function mapOf(input: unknown): TermMap {
  const result = parseTermMap(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.map;
}

// The client's names from seed 001: Zendesk for tier 1, engineering for tier 2, Salesforce queue.
const CLIENT = mapOf({ L1: 'Tier 1 Zendesk', L2: 'Tier 2 Engineering', Queue: 'Salesforce Case Queue' });

const AS_IS = `sequenceDiagram
  participant C as 🏢 Customer
  participant L1
  participant Q as Queue
  C->>L1: Opens ticket
  L1->>Q: Parks it in the queue
  Q->>L2: L2 picks up when free
  Note over L1,L2: L1 and L2 never talk
  alt L2 busy
    Q-->>C: Silence
  end
`;

describe('whiteLabelMermaid', () => {
  it('renames what the diagram shows and keeps every id, so it still parses the same way', () => {
    const result = whiteLabelMermaid(AS_IS, CLIENT);
    expect(result.text).toBe(`sequenceDiagram
  participant C as 🏢 Customer
  participant L1 as Tier 1 Zendesk
  participant Q as Salesforce Case Queue
  C->>L1: Opens ticket
  L1->>Q: Parks it in the Salesforce Case Queue
  participant L2 as Tier 2 Engineering
  Q->>L2: Tier 2 Engineering picks up when free
  Note over L1,L2: Tier 1 Zendesk and Tier 2 Engineering never talk
  alt Tier 2 Engineering busy
    Q-->>C: Silence
  end
`);
    const before = parseMermaidSequence(AS_IS);
    const after = parseMermaidSequence(result.text);
    if (!before.ok || !after.ok) throw new Error('both must parse');
    expect(after.diagram.participants.map((p) => p.id)).toEqual(before.diagram.participants.map((p) => p.id));
    expect(after.diagram.participants.map((p) => p.label)).toEqual(['🏢 Customer', 'Tier 1 Zendesk', 'Salesforce Case Queue', 'Tier 2 Engineering']);
  });

  it('lists each substitution with the original line and field', () => {
    const result = whiteLabelMermaid(AS_IS, CLIENT);
    expect(result.substitutions.map((s) => [s.line, s.field, s.before, s.after])).toEqual([
      [3, 'participant-label', 'L1', 'Tier 1 Zendesk'],
      [4, 'participant-label', 'Queue', 'Salesforce Case Queue'],
      [6, 'message', 'Parks it in the queue', 'Parks it in the Salesforce Case Queue'],
      [7, 'participant-label', 'L2', 'Tier 2 Engineering'],
      [7, 'message', 'L2 picks up when free', 'Tier 2 Engineering picks up when free'],
      [8, 'note', 'L1 and L2 never talk', 'Tier 1 Zendesk and Tier 2 Engineering never talk'],
      [9, 'block-label', 'L2 busy', 'Tier 2 Engineering busy'],
    ]);
  });

  it('declares implied participants in their order of appearance, on the same line after a `;`', () => {
    const result = whiteLabelMermaid('sequenceDiagram\nA->>B: x; Customer->>Queue: y\n', mapOf({ Queue: 'Case Queue' }));
    expect(result.text).toBe('sequenceDiagram\nA->>B: x; participant Customer; participant Queue as Case Queue; Customer->>Queue: y\n');
    const parsed = parseMermaidSequence(result.text);
    expect(parsed.ok && parsed.diagram.participants.map((p) => `${p.id}=${p.label}`)).toEqual(['A=A', 'B=B', 'Customer=Customer', 'Queue=Case Queue']);
  });

  it('keeps Windows line endings when it declares a participant', () => {
    const result = whiteLabelMermaid('sequenceDiagram\r\n  L1->>B: x\r\n', CLIENT);
    expect(result.text).toBe('sequenceDiagram\r\n  participant L1 as Tier 1 Zendesk\r\n  L1->>B: x\r\n');
  });

  it('leaves colours, links and ids alone, and rewrites titles, box titles and accessibility text', () => {
    const text = 'sequenceDiagram\ntitle Queue health\naccTitle: Queue\nbox Aqua Queue team\nparticipant Queue\nend\nrect rgb(1, 2, 3)\nQueue->>Queue: check\nend\nlink Queue: Queue @ https://x/Queue\n';
    const result = whiteLabelMermaid(text, mapOf({ Queue: 'Case Queue', Aqua: 'Teal' }));
    expect(result.text).toBe(
      'sequenceDiagram\ntitle Case Queue health\naccTitle: Case Queue\nbox Aqua Case Queue team\nparticipant Queue as Case Queue\nend\nrect rgb(1, 2, 3)\nQueue->>Queue: check\nend\nlink Queue: Queue @ https://x/Queue\n',
    );
  });

  it('writes `#` and `;` in replacements as entity codes and never touches existing entity codes', () => {
    const result = whiteLabelMermaid('sequenceDiagram\nA->>B: quot #quot;Queue#quot;\n', mapOf({ Queue: 'Queue #1; main', quot: 'q' }));
    expect(result.text).toBe('sequenceDiagram\nA->>B: q #quot;Queue #35;1#59; main#quot;\n');
    expect(result.budget.parseError).toBeUndefined();
  });

  it('warns when a participant declared with metadata cannot take a label', () => {
    const result = whiteLabelMermaid('sequenceDiagram\nparticipant Queue@{ "type": "queue" }\nQueue->>A: x\n', mapOf({ Queue: 'Case Queue' }));
    expect(result.warnings).toEqual([{ line: 2, message: expect.stringContaining('@{ … } metadata') }]);
    expect(result.text).toContain('participant Queue@{ "type": "queue" }\n');
  });

  it('reports budget violations the substitution caused, at their new line, and over-long labels', () => {
    const text = 'sequenceDiagram\nA->>B: Hand the Q to L2 for triage and a fix estimate\nB->>A: this message was already far too long before any white-labelling\n';
    const result = whiteLabelMermaid(text, mapOf({ Q: 'Salesforce Case Queue', L2: 'Tier 2 Engineering', B: 'Backend platform engineering team' }));
    expect(lintMermaid(text).violations.map((v) => v.line)).toEqual([3]);
    // Declaring A and B (to label B) adds two lines above the messages.
    expect(result.text.split('\n').slice(1, 3)).toEqual(['participant A', 'participant B as Backend platform engineering team']);
    expect(result.budget.violations.map((v) => [v.rule, v.line])).toEqual([
      ['max-message-chars', 4],
      ['max-message-chars', 5],
    ]);
    expect(result.introducedViolations.map((v) => [v.rule, v.line])).toEqual([['max-message-chars', 4]]);
    expect(result.withinBudget).toBe(false);
    expect(result.longLabels).toEqual([{ id: 'B', label: 'Backend platform engineering team', chars: 33, limit: MAX_LABEL_CHARS, line: 3 }]);
  });

  it('returns the text unchanged with the parse error when it is not a sequence diagram', () => {
    const result = whiteLabelMermaid('sequenceDiagram\nQueue->>L1\n', CLIENT);
    expect(result.text).toBe('sequenceDiagram\nQueue->>L1\n');
    expect(result.parseError).toMatchObject({ line: 2, expected: '`:` followed by the message text' });
    expect(result.substitutions).toEqual([]);
    expect(result.withinBudget).toBe(false);
  });
});

const shown = (statements: readonly MermaidStatement[]) => {
  const out: string[] = [];
  walkStatements(statements, (s) => {
    if (s.kind === 'message') out.push(`${s.from}>${s.to}:${s.text.text}`);
    if (s.kind === 'note') out.push(`note ${s.actors.join(',')}:${s.text.text}`);
    if (s.kind === 'block') out.push(`${s.type}:${s.sections.map((x) => x.label.text).join('|')}`);
  });
  return out;
};

describe('whiteLabelMermaid properties', () => {
  const termMaps = fc
    .uniqueArray(fc.constantFrom('L1', 'L2', 'Queue', 'Bob', 'Smart Router', 'ticket', 'SLA', 'breach', 'Zendesk', 'ok'), { minLength: 1, maxLength: 4 })
    .chain((terms) => fc.tuple(fc.constant(terms), fc.array(fc.constantFrom('Tier 1 Zendesk', 'Case #1', 'A;B', 'Ops Desk', 'Salesforce Case Queue'), { minLength: terms.length, maxLength: terms.length })));

  it('keeps ids, order and structure, and shows each text as the term map makes it', () => {
    fc.assert(
      fc.property(diagramText, termMaps, (text, [terms, replacements]) => {
        const before = parseMermaidSequence(text);
        fc.pre(before.ok);
        const map = mapOf(Object.fromEntries(terms.map((t, i) => [t, replacements[i]])));
        const result = whiteLabelMermaid(text, map);
        const after = parseMermaidSequence(result.text);
        if (!before.ok || !after.ok) throw new Error(`white-labelled text no longer parses: ${JSON.stringify(result.text)}`);
        expect(after.diagram.participants.map((p) => p.id)).toEqual(before.diagram.participants.map((p) => p.id));
        const expectedShown = shown(before.diagram.statements).map((line) => {
          const [head, ...rest] = line.split(':');
          const body = rest.join(':');
          const relabelled = applyTermMap(body, map, { protect: /#\w+;/g, escape: (s) => s.replace(/[#;]/g, (c) => (c === '#' ? '#35;' : '#59;')) }).text;
          return `${head}:${head?.startsWith('rect') ? body : relabelled}`;
        });
        expect(shown(after.diagram.statements)).toEqual(expectedShown);
      }),
      { numRuns: 200 },
    );
  });
});

import { describe, it, expect } from 'vitest';
import { decodeMermaidEntities, importDiagram } from '../../../src/core/ows/diagram-import';

const diagram = [
  'sequenceDiagram',
  '  title Demo — Orchestrated',
  '  autonumber',
  '  participant Ag as Agent #59; one',
  '  participant Bo',
  '  Ag->>Bo: asks',
  '  Bo-->>Ag: answers',
  '  Ag->>Ag: thinks',
  '  Note over Ag,Bo: shared',
  '  loop every hour',
  '    Bo->>Ag: pings',
  '  end',
  '  alt Has capacity',
  '    Ag->>Bo: assigns',
  '  else Full',
  '    Ag->>Cy: escalates',
  '  end',
].join('\n');

describe('diagram import', () => {
  it('decodes Mermaid entity codes', () => {
    expect(decodeMermaidEntities('a#59;b #35;c #quot;d#quot; #unknown;')).toBe('a;b #c "d" #unknown;');
  });

  it('reads participants, steps by arrow kind, notes, and alt blocks as decision points', () => {
    const result = importDiagram(diagram, '/d', true);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const d = result.diagram;
    expect(d.title).toBe('Demo — Orchestrated');
    expect(d.autonumber).toBe(true);
    expect(d.actors).toEqual([
      { id: 'Ag', label: 'Agent ; one' },
      { id: 'Bo', label: 'Bo' },
      { id: 'Cy', label: 'Cy' },
    ]);
    expect(d.steps.map((s) => [s.kind, s.from, s.to, s.action])).toEqual([
      ['message', 'Ag', 'Bo', 'asks'],
      ['return', 'Bo', 'Ag', 'answers'],
      ['internal', 'Ag', 'Ag', 'thinks'],
      ['note', 'Note', 'Ag', 'shared'],
      ['message', 'Bo', 'Ag', 'pings'],
    ]);
    expect(d.steps[3]?.noteOver).toEqual(['Ag', 'Bo']);
    expect(d.decisions).toEqual([
      {
        id: 'has_capacity',
        title: 'Has capacity',
        branches: [
          { label: 'Has capacity', criteria: 'Has capacity', steps: [{ from: 'Ag', to: 'Bo', action: 'assigns', kind: 'message' }] },
          { label: 'Full', criteria: 'Full', steps: [{ from: 'Ag', to: 'Cy', action: 'escalates', kind: 'message' }] },
        ],
      },
    ]);
    expect(d.placement).toEqual({ has_capacity: 4 });
    expect(d.gaps.map((g) => g.message)).toEqual([expect.stringMatching(/^line 10: `loop` block flattened/), expect.stringMatching(/^line 13: alt block imported as decision "has_capacity"/)]);
  });

  it('reports participant ids OWS cannot take', () => {
    const result = importDiagram('sequenceDiagram\n  X->>Yy: hi\n  Yy-->>X: hello', '/d', true);
    if (!result.ok) throw new Error('parse failed');
    expect(result.diagram.gaps).toEqual([{ pointer: '/d', message: 'participant "X" is not a valid OWS actor id (a letter, then 1–30 letters, digits or _)' }]);
  });

  it('flattens alt blocks where decisions are not allowed (As-Is)', () => {
    const result = importDiagram(diagram, '/d', false);
    if (!result.ok) throw new Error('parse failed');
    expect(result.diagram.decisions).toEqual([]);
    expect(result.diagram.steps.map((s) => s.action).slice(-2)).toEqual(['assigns', 'escalates']);
  });

  it('reports text that is not a sequence diagram with line and expectation', () => {
    const result = importDiagram('flowchart TD\n  A-->B', '/x', true);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toEqual({ pointer: '/x', message: expect.stringMatching(/^line 1, column 1: .*\(expected .*sequenceDiagram.*\)$/) });
  });
});

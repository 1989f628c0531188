import { describe, it, expect } from 'vitest';
import { checkSequenceConsistency } from '../../../src/core/sequence/consistency';
import { parseSequence, type MusicalSequence } from '../../../src/core/sequence/schema';
import { generateSequences } from '../../../bench/sequence-docs.bench';
import { referenceSequence } from './fixtures';

const smallDiagram = 'sequenceDiagram\n  participant A\n  participant B\n  A->>B: hello';

function sequence(overrides: Record<string, unknown> = {}, beatOverrides: Record<string, unknown> = {}): MusicalSequence {
  const parsed = parseSequence({
    domainId: 'd',
    id: 's',
    name: 'S',
    beats: 2,
    events: ['a.done', 'b.done'],
    userStory: { diagram: smallDiagram },
    diagram: smallDiagram,
    movements: [
      {
        name: 'M',
        userStory: {},
        diagram: smallDiagram,
        beats: [
          { name: 'A', event: 'a.done', testFile: 't', userStory: {}, acceptanceCriteria: [], diagram: smallDiagram, ...beatOverrides },
          { name: 'B', event: 'b.done', testFile: 't', userStory: {}, acceptanceCriteria: [], diagram: smallDiagram },
        ],
      },
    ],
    ...overrides,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const errorsOf = (seq: MusicalSequence) => checkSequenceConsistency(seq).filter((i) => i.severity === 'error');
const warningsOf = (seq: MusicalSequence) => checkSequenceConsistency(seq).filter((i) => i.severity === 'warning');

describe('checkSequenceConsistency', () => {
  it('finds nothing wrong in a consistent sequence', () => {
    expect(checkSequenceConsistency(sequence())).toEqual([]);
  });

  it('reports a beat event that is not declared, at the beat', () => {
    const issues = errorsOf(sequence({}, { event: 'c.done' }));
    expect(issues).toContainEqual({ severity: 'error', pointer: '/movements/0/beats/0/event', message: expect.stringContaining('"c.done"') });
    expect(issues).toContainEqual({ severity: 'error', pointer: '/events/0', message: expect.stringContaining('"a.done" is declared but no beat emits it') });
  });

  it('reports a declared beat count that does not match', () => {
    expect(errorsOf(sequence({ beats: 3 }))).toEqual([{ severity: 'error', pointer: '/beats', message: 'declares 3 beats but its movements hold 2' }]);
  });

  it('checks events only when the sequence declares them, and warns about duplicates', () => {
    expect(errorsOf(sequence({ events: undefined }))).toEqual([]);
    expect(warningsOf(sequence({ events: ['a.done', 'b.done', 'a.done'] }))).toEqual([
      { severity: 'warning', pointer: '/events/2', message: 'event "a.done" is declared twice' },
    ]);
  });

  it('warns about participants used without a declaration, with the diagram pointer and line', () => {
    const diagram = 'sequenceDiagram\n  participant A\n  A->>Bob: hi\n  Note over A,Carol: x';
    const warnings = warningsOf(sequence({}, { diagram }));
    expect(warnings).toEqual(
      expect.arrayContaining([
        { severity: 'warning', pointer: '/movements/0/beats/0/diagram', message: expect.stringMatching(/^line 3: participant "Bob" is used in a message/) },
        { severity: 'warning', pointer: '/movements/0/beats/0/diagram', message: expect.stringMatching(/^line 4: participant "Carol" is used in a note/) },
      ]),
    );
  });

  it('reports diagrams Mermaid cannot parse, and budget overruns, as warnings', () => {
    const broken = checkSequenceConsistency(sequence({ diagram: 'sequenceDiagram\n  participant A\n  A->>: nobody' }));
    expect(broken).toContainEqual({ severity: 'warning', pointer: '/diagram', message: expect.stringMatching(/^line 3: Mermaid cannot parse/) });
    const crowd = ['sequenceDiagram', ...'ABCDEFGH'.split('').map((p) => `  participant ${p}`), '  A->>H: hi'].join('\n');
    const overBudget = checkSequenceConsistency(sequence({ userStory: { diagram: crowd } }));
    expect(overBudget).toContainEqual({ severity: 'warning', pointer: '/userStory/diagram', message: expect.stringContaining('max-actors') });
    expect(overBudget.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('warns, once per beat, where a beat departs from the reference schema', () => {
    const seq = sequence({}, { testFile: undefined, acceptanceCriteria: { given: 'g', then: 't' }, handler: { name: 'h', scope: 'internal' } });
    const warnings = warningsOf(seq).filter((w) => w.pointer === '/movements/0/beats/0');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/no testFile; acceptanceCriteria is a single object.*; handler scope "internal"/);
  });

  it('finds the inconsistencies the reference sequences really have', () => {
    const errors = (id: 'operator-implementation' | 'msp-domain-expert') => errorsOf(referenceSequence(id)).map((e) => e.pointer);
    // operator-implementation: "pattern.detail.viewed" is undeclared; 12 beats declared, 14 present.
    expect(errors('operator-implementation')).toEqual(['/movements/0/beats/1/event', '/beats']);
    // msp-domain-expert: "results.reported" is undeclared, "pattern.contributed" unused; 11 declared, 14 present.
    expect(errors('msp-domain-expert')).toEqual(['/movements/3/beats/1/event', '/events/10', '/beats']);
  });

  it('finds no errors in generated sequences, which are consistent by construction', () => {
    for (const seq of generateSequences(30, 11)) expect(errorsOf(seq)).toEqual([]);
  });
});

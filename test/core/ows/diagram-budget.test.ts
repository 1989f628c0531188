import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/shared/error-codes';
import { DIAGRAM_BUDGET, lintMermaid, withinBudget, type BudgetRule } from '../../../src/core/ows/diagram-budget';
import { diagramText } from './mermaid-arbitraries';

const lines = (...body: string[]) => ['sequenceDiagram', ...body].join('\n') + '\n';
const messages = (n: number, from = 'A', to = 'B') => Array.from({ length: n }, (_, i) => `  ${from}->>${to}: step ${i + 1}`);
const rules = (text: string): BudgetRule[] => lintMermaid(text).violations.map((v) => v.rule);

// The As-Is flow of the flagship pattern, as an MSP consultant would paste it.
const AS_IS = lines(
  '  participant C as 🏢 Customer',
  '  participant L1 as L1 Agent',
  '  participant Q as Queue',
  '  participant L2 as L2 Engineer',
  '  C->>L1: Opens ticket (P2)',
  '  L1->>L1: Tries known fixes',
  '  L1->>Q: Escalates with partial notes',
  '  Note over Q: No owner, no SLA clock',
  '  alt L2 has capacity',
  '    Q->>L2: Picked up after 9h',
  '    L2-->>C: Asks the same questions again',
  '  else L2 overloaded',
  '    Q-->>C: Silence until breach',
  '  end',
);

describe('lintMermaid counts', () => {
  it('counts actors, steps, alt blocks, notes and the longest texts', () => {
    const result = lintMermaid(AS_IS);
    expect(result.parseError).toBeUndefined();
    expect(result.counts).toEqual({ actors: 4, steps: 6, altBlocks: 1, notes: 1, maxMessageChars: 'Asks the same questions again'.length, maxNoteChars: 'No owner, no SLA clock'.length });
    expect(result.violations).toEqual([]);
    expect(withinBudget(result)).toBe(true);
  });

  it('counts actors implied by messages and notes, not by activations', () => {
    const result = lintMermaid(lines('  participant A', '  A->>B: hi', '  Note over C,D: both', '  activate E'));
    expect(result.counts.actors).toBe(4);
  });

  it('counts every arrow kind as a step and notes not at all', () => {
    const arrows = ['->>', '-->>', '->', '-->', '-x', '--x', '-)', '--)', '<<->>', '<<-->>'];
    const result = lintMermaid(lines(...arrows.map((a) => `A${a}B: m`), 'Note over A: n'));
    expect(result.counts.steps).toBe(arrows.length);
    expect(result.counts.notes).toBe(1);
  });

  it('measures text as displayed: an emoji, an entity code and a line break each count once', () => {
    const result = lintMermaid(lines('A->>B: ✅ ok', 'A->>B: a#59;b', 'A->>B: x<br/>y'));
    expect(result.counts.maxMessageChars).toBe(4);
    expect(lintMermaid(lines('A->>B: 👨‍💼')).counts.maxMessageChars).toBe(1);
  });
});

describe('lintMermaid violations, each at its line', () => {
  it('allows alt blocks, branch steps, notes and text lengths exactly at their limits', () => {
    const text = lines(
      ...Array.from({ length: 7 }, (_, i) => `participant P${i}`),
      'alt a',
      ...messages(8),
      'end',
      'alt b',
      ...messages(8),
      'end',
      ...messages(2),
      'Note over A: one',
      'Note over A: two',
      `Note over A: ${'n'.repeat(90)}`,
      `A->>B: ${'m'.repeat(56)}`,
    );
    const result = lintMermaid(text);
    expect(result.counts).toMatchObject({ actors: 9, steps: 19 });
    // 9 actors (P0-P6 plus A and B) and 19 steps: only those two rules trip.
    expect(rules(text)).toEqual(['max-actors', 'max-steps']);
  });

  it('reports the eighth actor where it first appears', () => {
    const result = lintMermaid(lines(...Array.from({ length: 7 }, (_, i) => `participant P${i}`), 'P0->>Late: hello'));
    expect(result.violations).toEqual([{ rule: 'max-actors', line: 9, message: expect.stringMatching(/^8 actors, over the limit of 7.*"Late"/) }]);
  });

  it('reports the nineteenth step', () => {
    const result = lintMermaid(lines(...messages(19)));
    expect(result.violations).toEqual([{ rule: 'max-steps', line: 20, message: expect.stringContaining('19 steps') }]);
  });

  it('reports a branch with more than 8 steps, in any branching block, nested steps included', () => {
    expect(lintMermaid(lines('alt ok', ...messages(2), 'else late', ...messages(9), 'end')).violations).toEqual([
      { rule: 'max-steps-per-branch', line: 5, message: expect.stringContaining('`else` branch has 9 steps') },
    ]);
    expect(rules(lines('opt x', 'loop y', ...messages(9), 'end', 'end'))).toEqual(['max-steps-per-branch', 'max-steps-per-branch']);
    expect(rules(lines('par x', ...messages(3), 'and y', ...messages(9), 'end'))).toEqual(['max-steps-per-branch']);
    expect(rules(lines('rect rgb(1,2,3)', ...messages(12), 'end'))).toEqual([]);
  });

  it('reports the third alt block and any nested alt', () => {
    expect(lintMermaid(lines('alt a', 'A->>B: x', 'end', 'alt b', 'A->>B: x', 'end', 'alt c', 'A->>B: x', 'end')).violations).toEqual([
      { rule: 'max-alt-blocks', line: 8, message: expect.stringContaining('3 `alt` blocks') },
    ]);
    expect(lintMermaid(lines('alt outer', 'loop retry', 'alt inner', 'A->>B: x', 'end', 'end', 'end')).violations).toEqual([
      { rule: 'no-nested-alt', line: 4, message: expect.stringContaining('line 2') },
    ]);
  });

  it('reports the fourth note, long messages and long notes', () => {
    const result = lintMermaid(lines('Note over A: 1', 'Note over A: 2', 'Note over A: 3', `Note over A: ${'x'.repeat(91)}`, `A->>B: ${'y'.repeat(57)}`));
    expect(result.violations.map((v) => [v.rule, v.line])).toEqual([
      ['max-notes', 5],
      ['max-note-chars', 5],
      ['max-message-chars', 6],
    ]);
    expect(result.violations[2]?.message).toMatch(/from A to B has 57 characters, over the limit of 56/);
  });

  it('uses a pattern budget when given one', () => {
    expect(rules(lines(...messages(10)))).toEqual([]);
    expect(lintMermaid(lines(...messages(10)), { maxTotalSteps: 9 }).violations).toEqual([{ rule: 'max-steps', line: 11, message: expect.stringContaining('limit of 9') }]);
  });

  it('rejects a budget that is not a set of whole numbers, naming the field', () => {
    expect(() => lintMermaid(AS_IS, { maxActors: -1 })).toThrow(AppError);
    try {
      lintMermaid(AS_IS, { maxNotes: 2.5 });
    } catch (e) {
      expect((e as AppError).errors[0]?.pointer).toBe('/maxNotes');
    }
  });

  it('returns the parse error with zero counts when the text is not a sequence diagram', () => {
    const result = lintMermaid('sequenceDiagram\nA->>B\n');
    expect(result.parseError).toEqual({ line: 2, message: 'Unexpected end of line', expected: '`:` followed by the message text' });
    expect(result.counts).toEqual({ actors: 0, steps: 0, altBlocks: 0, notes: 0, maxMessageChars: 0, maxNoteChars: 0 });
    expect(withinBudget(result)).toBe(false);
  });
});

describe('lintMermaid properties', () => {
  it('flags each count rule exactly when its count is over the limit', () => {
    fc.assert(
      fc.property(diagramText, (text) => {
        const result = lintMermaid(text);
        if (result.parseError) return;
        const has = (rule: BudgetRule) => result.violations.some((v) => v.rule === rule);
        expect(has('max-actors')).toBe(result.counts.actors > DIAGRAM_BUDGET.maxActors);
        expect(has('max-steps')).toBe(result.counts.steps > DIAGRAM_BUDGET.maxTotalSteps);
        expect(has('max-alt-blocks')).toBe(result.counts.altBlocks > DIAGRAM_BUDGET.maxAltBlocks);
        expect(has('max-notes')).toBe(result.counts.notes > DIAGRAM_BUDGET.maxNotes);
        expect(has('max-message-chars')).toBe(result.counts.maxMessageChars > DIAGRAM_BUDGET.maxMessageChars);
        expect(withinBudget(result)).toBe(result.violations.length === 0);
        const sorted = [...result.violations].sort((a, b) => a.line - b.line);
        expect(result.violations).toEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });

  it('counts exactly one more step when a message is appended', () => {
    fc.assert(
      fc.property(diagramText, (text) => {
        const before = lintMermaid(text);
        fc.pre(!before.parseError);
        // As in Mermaid's lexer, `accTitle:`/`accDescr:` with nothing after it swallows the line break,
        // so the next line is its value and not a message.
        fc.pre(!/acc(?:Title|Descr)\s*:\s*$/.test(text));
        const after = lintMermaid(`${text}A->>B: one more\n`);
        if (after.parseError) return;
        expect(after.counts.steps).toBe(before.counts.steps + 1);
      }),
      { numRuns: 200 },
    );
  });
});

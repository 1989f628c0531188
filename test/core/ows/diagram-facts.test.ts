// The budget report the generator builds from what it wrote equals the lint of the text it wrote,
// for random patterns (tricky texts, ids Mermaid reads as keywords, tight budgets), so the render
// path may skip lexing and parsing its own output without any report changing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintMermaid, type DiagramBudget } from '../../../src/core/ows/diagram-budget';
import { budgetReport } from '../../../src/core/ows/diagram-facts';
import { effectiveBudget, lintPatternDiagrams } from '../../../src/core/ows/diagram-lint';
import { generateDiagrams, generateDiagramsWithFacts } from '../../../src/core/ows/mermaid-generator';
import type { Pattern } from '../../../src/core/ows/schema';
import { catalogPatterns } from '../../helpers/catalog-patterns';
import { owsDocumentArb } from './ows-arbitraries';


type Source = Pick<Pattern, 'ows'>;

// Texts that read differently to Mermaid than they are written, or measure differently than they look.
const trickyText = fc.constantFrom(
  '',
  '   ',
  'wrap: x',
  ':wrap: hidden prefix',
  ':nowrap:',
  'a;b #c',
  '#59; already coded',
  'x\ny\r\nz',
  '%% not a comment',
  '%%{init: {}}%% y',
  'line<br>break<br/>here',
  'emoji 👩‍💻 and é',
  'tab\tand\u2028separator',
  'end',
  'a -> b: c',
  'Ünïcödé '.repeat(12),
  'x'.repeat(95),
);
// Mostly plain strings: a tricky one in most diagrams, an unreadable one (empty, `%%`) in some.
const anyText = fc.oneof({ weight: 30, arbitrary: fc.string({ minLength: 1, maxLength: 70 }) }, { weight: 1, arbitrary: trickyText });
// Mostly the pattern's actors; sometimes an undeclared id, a Mermaid keyword or not an id at all.
const idChoice = fc.oneof(
  { weight: 200, arbitrary: fc.nat(6).map((i) => ({ actor: i })) },
  { weight: 1, arbitrary: fc.constantFrom('Undeclared', 'end', 'Note', 'title', 'alt', 'a b', 'x-y', '', 'A:B').map((id) => ({ id })) },
);
const wiring = fc.record({ from: idChoice, to: idChoice, over: fc.tuple(idChoice, idChoice), action: anyText, single: fc.boolean() });

const limitsArb: fc.Arbitrary<DiagramBudget> = fc.record({
  maxActors: fc.nat(8),
  maxTotalSteps: fc.nat(20),
  maxStepsPerBranch: fc.nat(5),
  maxAltBlocks: fc.nat(3),
  maxNotes: fc.nat(4),
  maxMessageChars: fc.nat(60),
  maxNoteChars: fc.nat(90),
});

const patternArb = fc
  .record({
    ows: owsDocumentArb,
    wires: fc.array(wiring, { minLength: 40, maxLength: 40 }),
    labels: fc.array(anyText, { minLength: 12, maxLength: 12 }),
    keywordActor: fc.oneof({ weight: 15, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('end', 'Note', 'over', 'loop', 'accTitle') }),
  })
  .map(({ ows, wires, labels, keywordActor }) => {
    const doc = structuredClone(ows) as unknown as Source['ows'];
    if (keywordActor !== null && doc.actors[0]) doc.actors[0].id = keywordActor;
    const ids = doc.actors.map((a) => a.id);
    const pick = (c: { actor: number } | { id: string }) => ('actor' in c ? (ids[c.actor % ids.length] as string) : c.id);
    let w = 0;
    let l = 0;
    const label = () => labels[l++ % labels.length] as string;
    const steps = [...doc.flows.asIs.steps, ...doc.flows.toBe.steps, ...doc.flows.altDecisionPoints.flatMap((d) => d.branches.flatMap((b) => b.steps))];
    for (const step of steps) {
      const wire = wires[w++ % wires.length]!;
      step.from = pick(wire.from);
      step.to = pick(wire.to);
      step.action = wire.action;
      if (step.kind === 'note') {
        if (wire.single) delete step.noteOver;
        else step.noteOver = wire.over.map(pick);
      }
    }
    doc.actors.forEach((a) => (a.label = label()));
    doc.flows.asIs.name = label();
    for (const d of doc.flows.altDecisionPoints) for (const b of d.branches) b.label = label();
    return { ows: doc } as Source;
  });

describe('budget facts recorded by the generator', () => {
  it('give the same report as linting the generated text, for random patterns and budgets', () => {
    let vouched = 0;
    let diagrams = 0;
    let violations = 0;
    fc.assert(
      fc.property(patternArb, limitsArb, (pattern, limits) => {
        for (const { diagram, facts } of generateDiagramsWithFacts(pattern)) {
          diagrams++;
          if (!facts) continue;
          vouched++;
          const report = budgetReport(facts, limits);
          violations += report.violations.length;
          expect(report).toEqual(lintMermaid(diagram.text, limits));
          expect(budgetReport(facts, effectiveBudget(pattern))).toEqual(lintMermaid(diagram.text, effectiveBudget(pattern)));
        }
      }),
      { numRuns: 250 },
    );
    // The property means something only if most diagrams took the fast path.
    expect(vouched / diagrams).toBeGreaterThan(0.5);
    expect(violations).toBeGreaterThan(vouched);
  });

  it('leave the linted diagrams of lintPatternDiagrams exactly as linting the text gave them', () => {
    fc.assert(
      fc.property(patternArb, (pattern) => {
        const budget = effectiveBudget(pattern);
        const expected = generateDiagrams(pattern).map((diagram) => ({ diagram, lint: lintMermaid(diagram.text, budget) }));
        expect(lintPatternDiagrams(pattern)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('are recorded for every catalog diagram, which is what makes rendering skip the parse', () => {
    for (const pattern of catalogPatterns()) {
      for (const { diagram, facts } of generateDiagramsWithFacts(pattern)) {
        expect(facts, `${pattern.library.slug} ${diagram.kind}`).toBeDefined();
        expect(budgetReport(facts!, effectiveBudget(pattern))).toEqual(lintMermaid(diagram.text, effectiveBudget(pattern)));
      }
    }
  });

  it('are withheld where Mermaid would not read the text as written', () => {
    const base = catalogPatterns()[0]!;
    const withStep = (change: (p: Pattern) => void) => {
      const p = structuredClone(base);
      change(p);
      return generateDiagramsWithFacts(p)[0];
    };
    expect(withStep((p) => (p.ows.flows.asIs.steps[0]!.action = '  ')).facts).toBeUndefined();
    expect(withStep((p) => (p.ows.flows.asIs.steps[0]!.action = 'a %%{init: {}}%% b')).facts).toBeUndefined();
    expect(withStep((p) => (p.ows.flows.asIs.steps[0]!.from = 'end')).facts).toBeUndefined();
    expect(withStep(() => undefined).facts).toBeDefined();
  });
});

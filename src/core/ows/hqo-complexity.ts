// The minimal-complexity dimension, read from the budget lint of both generated diagrams.
import type { LintedDiagram } from './diagram-lint';
import type { BudgetRule } from './diagram-budget';
import type { Criterion } from './hqo-evidence';
import { criterion } from './hqo-evidence';

const NAMES = { 'as-is': 'As-Is', orchestrated: 'Orchestrated' } as const;

/** Share of the message limit the orchestrated diagram may use, leaving room for client tool names. */
export const MESSAGE_HEADROOM = 0.85;

function byRules(id: string, linted: ReadonlyArray<LintedDiagram>, rules: ReadonlyArray<BudgetRule>, ok: string): Criterion {
  const hits = linted.flatMap(({ diagram, lint }) =>
    lint.violations.filter((v) => rules.includes(v.rule)).map((v) => ({ diagram, v })),
  );
  const pointers = hits.flatMap(({ diagram, v }) => {
    const source = diagram.lineSources[v.line];
    return source === undefined ? [] : [source];
  });
  return criterion(
    id,
    hits.length === 0,
    hits.length === 0 ? ok : hits.map(({ diagram, v }) => `${NAMES[diagram.kind]} line ${v.line}: ${v.message}`).join('; '),
    pointers,
  );
}

const CRITERIA = ['actors-within-budget', 'steps-within-budget', 'structure-within-budget', 'text-within-budget', 'headroom'] as const;

export function minimalComplexity(linted: ReadonlyArray<LintedDiagram>, maxMessageChars: number): Criterion[] {
  const broken = linted.filter(({ lint }) => lint.parseError !== undefined);
  if (broken.length > 0) {
    const why = broken
      .map(({ diagram, lint }) => `${NAMES[diagram.kind]} diagram does not parse (line ${lint.parseError?.line ?? 0}: ${lint.parseError?.message ?? ''})`)
      .join('; ');
    return CRITERIA.map((id) => criterion(id, false, why));
  }
  const counts = (pick: (l: LintedDiagram) => number) => linted.map((l) => `${NAMES[l.diagram.kind]} ${pick(l)}`).join(', ');
  const orchestrated = linted.find((l) => l.diagram.kind === 'orchestrated');
  const longest = orchestrated?.lint.counts.maxMessageChars ?? 0;
  const roomy = Math.floor(maxMessageChars * MESSAGE_HEADROOM);
  return [
    byRules('actors-within-budget', linted, ['max-actors'], `actors within budget (${counts((l) => l.lint.counts.actors)})`),
    byRules('steps-within-budget', linted, ['max-steps', 'max-steps-per-branch'], `steps within budget (${counts((l) => l.lint.counts.steps)})`),
    byRules(
      'structure-within-budget',
      linted,
      ['max-alt-blocks', 'no-nested-alt', 'max-notes'],
      `alt blocks and notes within budget, no nested alt (alt: ${counts((l) => l.lint.counts.altBlocks)}; notes: ${counts((l) => l.lint.counts.notes)})`,
    ),
    byRules('text-within-budget', linted, ['max-message-chars', 'max-note-chars'], 'every message and note within its length limit'),
    criterion(
      'headroom',
      longest <= roomy,
      `longest orchestrated message is ${longest} characters (${roomy} leaves room for client tool names)`,
      ['/ows/flows/toBe'],
    ),
  ];
}

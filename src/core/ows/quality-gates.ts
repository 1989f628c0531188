// The publication gates: a pattern publishes only if it is a valid document (schema), both of its
// generated diagrams fit the diagram budget (budget) and its HQO scorecard passes (hqo).
// Every failure is listed, each with the rule it broke and, where possible, the pointer to fix.
import type { LintedDiagram } from './diagram-lint';
import { lintPatternDiagrams } from './diagram-lint';
import type { HqoScorecard } from './hqo-scorecard';
import { scorePattern } from './hqo-scorecard';
import { parseWithPointers } from './parse-pattern';
import { findReferenceIssues } from './pattern-references';
import { toPointer } from '../shared/json-pointer';
import type { Pattern } from './schema';
import { patternStructureSchema } from './schema';

export type GateName = 'hqo' | 'budget' | 'schema';

export interface GateFailure {
  gate: GateName;
  rule: string;
  message: string;
  pointer?: string;
}

export interface GateReport {
  passed: boolean;
  failures: GateFailure[];
  /** Present when the schema gate passed. */
  pattern?: Pattern;
  scorecard?: HqoScorecard;
  diagrams?: LintedDiagram[];
}

const DIAGRAM_NAMES = { 'as-is': 'As-Is', orchestrated: 'Orchestrated' } as const;

function withPointer(failure: Omit<GateFailure, 'pointer'>, pointer: string | undefined): GateFailure {
  return pointer === undefined ? failure : { ...failure, pointer };
}

function budgetFailures(diagrams: ReadonlyArray<LintedDiagram>): GateFailure[] {
  return diagrams.flatMap(({ diagram, lint }) => {
    const name = DIAGRAM_NAMES[diagram.kind];
    const failures: GateFailure[] = [];
    if (lint.parseError) {
      const { line, message, expected } = lint.parseError;
      failures.push(
        withPointer(
          { gate: 'budget', rule: 'parse', message: `${name} diagram, line ${line}: ${message} (expected ${expected})` },
          diagram.lineSources[line],
        ),
      );
    }
    for (const v of lint.violations) {
      failures.push(withPointer({ gate: 'budget', rule: v.rule, message: `${name} diagram, line ${v.line}: ${v.message}` }, diagram.lineSources[v.line]));
    }
    return failures;
  });
}

function hqoFailures(card: HqoScorecard): GateFailure[] {
  return card.failures.map((f) => {
    let pointer: string | undefined;
    if (f.rule.startsWith('dimension.')) {
      pointer = card.dimensions.find((d) => `dimension.${d.id}` === f.rule)?.criteria.find((c) => !c.met)?.pointers[0];
    } else if (f.rule === 'sla-trigger' || f.rule === 'escalation-route') {
      pointer = '/ows/flows';
    } else if (f.rule === 'required-decision-point') {
      pointer = '/ows/orchestrationQuality/requiredDecisionPoints';
    } else {
      pointer = '/ows/orchestrationQuality/rubric';
    }
    return withPointer({ gate: 'hqo', rule: f.rule, message: f.message }, pointer);
  });
}

/** Runs every gate on an unknown document; later gates run only once the document is valid. */
export function evaluateGates(input: unknown): GateReport {
  const structure = parseWithPointers(patternStructureSchema, input);
  if (!structure.ok) {
    return {
      passed: false,
      failures: structure.errors.map((e) => ({ gate: 'schema', rule: 'structure', message: e.message, pointer: e.pointer })),
    };
  }
  const references = findReferenceIssues(structure.value);
  if (references.length > 0) {
    return {
      passed: false,
      failures: references.map((r) => ({ gate: 'schema', rule: 'reference', message: r.message, pointer: toPointer(r.path) })),
    };
  }
  const pattern = structure.value;
  const diagrams = lintPatternDiagrams(pattern);
  const scorecard = scorePattern(pattern, diagrams);
  const failures = [...budgetFailures(diagrams), ...hqoFailures(scorecard)];
  return { passed: failures.length === 0, failures, pattern, scorecard, diagrams };
}

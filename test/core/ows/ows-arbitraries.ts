// Test helper: fast-check arbitraries of OWS 1.1 documents that the reference JSON Schema accepts,
// covering optional fields, every enum and the array bounds.
import fc from 'fast-check';
import {
  ARTICLE_SECTIONS,
  AUDIENCES,
  CHECK_CATEGORIES,
  COMPRESSION_RULES,
  HQO_DIMENSION_IDS,
  LAYOUT_GUIDANCE,
} from '../../../src/core/ows/ows-document';
import { OWS_DECISION_POINTS, OWS_SIGNALS, STEP_KINDS } from '../../../src/core/ows/ows-flow';

const text = fc.string({ maxLength: 24 });
const texts = (min = 0, max = 3) => fc.array(text, { minLength: min, maxLength: max });
const key = fc.stringMatching(/^[a-z][a-zA-Z]{0,9}$/);
const int = (min: number, max: number) => fc.integer({ min, max });
const dateTime = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

export const stepArb = fc.record(
  {
    from: text,
    to: text,
    action: text,
    kind: fc.constantFrom(...STEP_KINDS),
    noteOver: fc.tuple(text, text).map((t) => [...t]),
    emits: fc.array(fc.oneof(fc.constantFrom(...OWS_SIGNALS), text), { maxLength: 3 }),
    updates: fc.dictionary(key, text, { maxKeys: 3 }),
  },
  { requiredKeys: ['from', 'to', 'action', 'kind'] },
);

const flowArb = fc.record({ name: text, steps: fc.array(stepArb, { minLength: 3, maxLength: 5 }) });

const decisionArb = fc.record({
  id: fc.stringMatching(/^[a-z0-9_-]{3,40}$/),
  title: text,
  branches: fc.array(fc.record({ label: text, criteria: text, steps: fc.array(stepArb, { minLength: 2, maxLength: 3 }) }), {
    minLength: 2,
    maxLength: 4,
  }),
});

const checkItemArb = fc.record(
  {
    id: fc.stringMatching(/^[A-Z]{2,5}-[0-9]{3,5}$/),
    category: fc.constantFrom(...CHECK_CATEGORIES),
    statement: text,
    owner: text,
    doneDefinition: text,
  },
  { requiredKeys: ['id', 'category', 'statement', 'owner'] },
);

export const owsDocumentArb = fc.record(
  {
    schemaVersion: fc.constant('1.1.0'),
    meta: fc.record(
      {
        id: text,
        title: text,
        createdAt: dateTime,
        author: text,
        audience: fc.array(fc.constantFrom(...AUDIENCES), { minLength: 1, maxLength: 3 }),
        tags: texts(),
        disclaimer: text,
      },
      { requiredKeys: ['id', 'title', 'createdAt', 'author', 'audience'] },
    ),
    domain: fc.record({ industry: text, topic: text, useCase: text }),
    pattern: fc.record({ problemStatement: text, rootCause: texts(), designPrinciples: texts(), successCriteria: texts() }),
    actors: fc.array(fc.record({ id: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{1,30}$/), label: text, role: text }), { minLength: 3, maxLength: 7 }),
    caseDefinition: fc.record({ trigger: text, inputs: texts(), customerImpact: text, assumptions: texts(), boundaries: texts() }),
    orchestrationQuality: fc.record({
      goals: texts(2, 3),
      constraints: texts(1, 2),
      requiredSignals: fc.array(fc.constantFrom(...OWS_SIGNALS), { minLength: 3, maxLength: 5 }),
      requiredDecisionPoints: fc.array(fc.constantFrom(...OWS_DECISION_POINTS), { minLength: 1, maxLength: 2 }),
      rubric: fc.record({
        minTotalScore: int(0, 40),
        minDimensionScore: int(0, 5),
        dimensions: fc.array(fc.record({ id: fc.constantFrom(...HQO_DIMENSION_IDS), name: text, description: text, signals: texts() }), {
          minLength: 8,
          maxLength: 8,
        }),
      }),
    }),
    diagramBudget: fc.record(
      {
        maxActors: int(3, 9),
        maxTotalSteps: int(8, 40),
        maxStepsPerBranch: int(3, 20),
        maxAltBlocks: int(1, 4),
        maxNotes: int(0, 8),
        maxMessageChars: int(20, 90),
        maxNoteChars: int(20, 140),
        targetViewport: fc.constantFrom('single_screen', 'single_slide', 'no_scroll'),
        layoutGuidance: fc.array(fc.constantFrom(...LAYOUT_GUIDANCE), { maxLength: 3 }),
      },
      { requiredKeys: ['maxActors', 'maxTotalSteps', 'maxStepsPerBranch', 'maxAltBlocks', 'maxNotes', 'maxMessageChars', 'maxNoteChars'] },
    ),
    compressionRules: fc.array(fc.constantFrom(...COMPRESSION_RULES), { minLength: 5, maxLength: 7 }),
    flows: fc.record({ asIs: flowArb, toBe: flowArb, altDecisionPoints: fc.array(decisionArb, { minLength: 1, maxLength: 2 }) }),
    outputs: fc.record({
      mermaid: fc.record({ title: text, autonumber: fc.boolean(), includeNotes: fc.boolean() }),
      article: fc.record({ sections: fc.array(fc.constantFrom(...ARTICLE_SECTIONS), { minLength: 5, maxLength: 9 }) }),
      checklist: fc.record({ items: fc.array(checkItemArb, { minLength: 8, maxLength: 9 }) }),
      scorecard: fc.record(
        {
          dimensionScores: fc.dictionary(key, int(0, 5), { maxKeys: 8 }),
          totalScore: int(0, 40),
          passed: fc.boolean(),
          failureReasons: texts(),
        },
        { requiredKeys: ['dimensionScores', 'totalScore', 'passed'] },
      ),
      diagramSizeScorecard: fc.record(
        {
          actorCount: int(0, 9),
          totalSteps: int(0, 40),
          altBlockCount: int(0, 4),
          maxStepsInAnyBranch: int(0, 20),
          noteCount: int(0, 8),
          maxMessageCharsObserved: int(0, 200),
          maxNoteCharsObserved: int(0, 200),
          passesBudget: fc.boolean(),
          violations: texts(),
        },
        {
          requiredKeys: ['actorCount', 'totalSteps', 'altBlockCount', 'maxStepsInAnyBranch', 'noteCount', 'maxMessageCharsObserved', 'maxNoteCharsObserved', 'passesBudget'],
        },
      ),
    }),
  },
  { requiredKeys: ['schemaVersion', 'meta', 'domain', 'pattern', 'actors', 'caseDefinition', 'orchestrationQuality', 'diagramBudget', 'flows', 'outputs'] },
);

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Every object path in a JSON value (the root included), for mutations at random depths. */
export function objectPaths(value: Json, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
  }
  return [];
}

export function at(value: Json, path: ReadonlyArray<string | number>): Json {
  return path.reduce<Json>((node, k) => (node as Record<string | number, Json>)[k] as Json, value);
}

// fast-check generators of valid sequences whose text exercises Markdown and HTML edge cases.
import fc from 'fast-check';
import type { Beat, Movement, MusicalSequence, UserStory } from '../../../src/core/sequence/schema';

// Letters cannot spell "undefined", "null" or "object", so finding those words in output is a bug.
const units = ['a', 'b', 'Z', ' ', ' ', '#', '*', '_', '`', '[', ']', '(', ')', '<', '>', '!', '&', '\n', '-', '=', '~', '|', '\\', ':', 'é', '💼', '1', '.', '"'];

export const text = fc.string({ unit: fc.constantFrom(...units), maxLength: 24 });
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', ' ', '-', '&', '1'), minLength: 1, maxLength: 12 });
const diagramText = fc.oneof(
  fc.constant('sequenceDiagram\n  participant A\n  participant B\n  A->>B: hello'),
  text.map((t) => `sequenceDiagram\n  A->>B: ${t.replace(/\n/g, ' ')}`),
  text,
);

const story: fc.Arbitrary<UserStory> = fc.record(
  { persona: text, goal: text, benefit: text, diagram: diagramText },
  { requiredKeys: [] },
);

const criterion = fc.record(
  { given: fc.array(text, { maxLength: 2 }), when: fc.array(text, { maxLength: 2 }), then: fc.array(text, { maxLength: 2 }), and: fc.array(text, { maxLength: 1 }) },
  { requiredKeys: [] },
);

const handler = fc.oneof(
  text,
  fc.record(
    {
      name: text,
      scope: fc.constantFrom('plugin', 'external', 'internal' as const),
      externalSystem: fc.record({ vendor: text, system: text, type: fc.constantFrom('api', 'service' as const) }, { requiredKeys: [] }),
    },
    { requiredKeys: ['name'] },
  ),
);

const beat: fc.Arbitrary<Beat> = fc.record(
  {
    name: fc.oneof(word, text),
    beat: fc.integer({ min: 1, max: 30 }),
    event: fc.oneof(word, text),
    handler,
    userStory: story,
    acceptanceCriteria: fc.oneof(fc.array(criterion, { maxLength: 2 }), fc.record({ given: text, when: text, then: text }, { requiredKeys: [] })),
    notes: fc.array(text, { maxLength: 3 }),
    diagram: diagramText,
  },
  { requiredKeys: ['event', 'userStory', 'acceptanceCriteria', 'diagram'] },
);

const movement: fc.Arbitrary<Movement> = fc.record(
  {
    name: fc.oneof(word, text),
    number: fc.integer({ min: 1, max: 9 }),
    description: text,
    tempo: fc.integer({ min: 40, max: 200 }),
    status: word,
    businessValue: text,
    userStory: story,
    beats: fc.array(beat, { maxLength: 3 }),
    diagram: diagramText,
  },
  { requiredKeys: ['name', 'userStory', 'beats', 'diagram'] },
);

export const sequenceArb: fc.Arbitrary<MusicalSequence> = fc.record(
  {
    domainId: word,
    id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/),
    name: fc.oneof(word, text),
    description: text,
    purpose: text,
    trigger: text,
    status: word,
    businessValue: text,
    governance: fc.record({ policies: fc.array(text, { maxLength: 3 }), metrics: fc.array(text, { maxLength: 3 }) }, { requiredKeys: [] }),
    events: fc.array(word, { maxLength: 4 }),
    userStory: story,
    metadata: fc.record({ version: word, author: text, created: word, tags: fc.array(word, { maxLength: 3 }) }, { requiredKeys: [] }),
    movements: fc.array(movement, { maxLength: 3 }),
    diagram: diagramText,
  },
  { requiredKeys: ['domainId', 'id', 'name', 'userStory', 'movements', 'diagram'] },
);

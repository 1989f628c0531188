import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { z } from 'zod';
import { parseSequence, parseSequenceJson, musicalSequenceSchema } from '../../../src/core/sequence/schema';
import { generateSequences } from '../../../bench/sequence-docs.bench';
import { fixtureText, referenceIds, referenceSchema, referenceSequence } from './fixtures';

function minimal(): Record<string, unknown> {
  return {
    domainId: 'd',
    id: 'seq-1',
    name: 'Seq',
    userStory: {},
    diagram: 'sequenceDiagram',
    movements: [
      {
        name: 'M',
        userStory: {},
        diagram: 'sequenceDiagram',
        beats: [{ event: 'e.one', userStory: {}, acceptanceCriteria: [], diagram: 'sequenceDiagram' }],
      },
    ],
  };
}

function errorsOf(input: unknown) {
  const result = parseSequence(input);
  if (result.ok) throw new Error('expected the input to be rejected');
  return result.errors;
}

describe('parseSequence', () => {
  it.each(referenceIds)('loads the reference %s and keeps every field, known or not', (id) => {
    const original = JSON.parse(fixtureText(`${id}.json`)) as Record<string, unknown>;
    const seq = referenceSequence(id);
    expect(seq).toEqual(original);
    // Unknown-but-allowed fields of the references survive: $schema, top-level version, handler "source".
    expect(seq['$schema']).toBe(original['$schema']);
    expect(JSON.parse(JSON.stringify(seq))).toEqual(original);
  });

  it('accepts what the reference JSON Schema accepts (generated sequences validate with both)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(referenceSchema());
    for (const seq of generateSequences(60, 7)) {
      expect(validate(seq), JSON.stringify(validate.errors)).toBe(true);
      expect(parseSequence(seq).ok).toBe(true);
    }
  });

  it('reports every error with its JSON pointer', () => {
    const input = minimal();
    const movement = (input.movements as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
    const beats = movement.beats as Array<Record<string, unknown>>;
    beats.push({ event: 42, userStory: { persona: 'p', mood: 'x' }, acceptanceCriteria: [], diagram: 'd' });
    beats.push({ event: 'e', userStory: {}, acceptanceCriteria: 'none', handler: { scope: 'galaxy' }, diagram: 'd' });
    delete input.name;
    const errors = errorsOf(input);
    const pointers = errors.map((e) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/name',
        '/movements/0/beats/1/event',
        '/movements/0/beats/1/userStory/mood',
        '/movements/0/beats/2/acceptanceCriteria',
        '/movements/0/beats/2/handler/name',
        '/movements/0/beats/2/handler/scope',
      ]),
    );
    expect(errors).toHaveLength(6);
    const byPointer = new Map(errors.map((e) => [e.pointer, e.message]));
    expect(byPointer.get('/name')).toMatch(/required/);
    expect(byPointer.get('/movements/0/beats/1/event')).toMatch(/expected string, got number 42/);
    expect(byPointer.get('/movements/0/beats/1/userStory/mood')).toMatch(/unknown field "mood"/);
    expect(byPointer.get('/movements/0/beats/2/handler/scope')).toMatch(/"galaxy"/);
  });

  it('escapes "~" and "/" in pointers as RFC 6901 requires', () => {
    const input = minimal();
    input.userStory = { 'a/b~c': 1 };
    expect(errorsOf(input).map((e) => e.pointer)).toEqual(['/userStory/a~1b~0c']);
  });

  it('rejects an id that is not a safe file name', () => {
    for (const id of ['../etc/passwd', 'a/b', '', '.hidden', 'has space']) {
      const errors = errorsOf({ ...minimal(), id });
      expect(errors.map((e) => e.pointer)).toEqual(['/id']);
    }
  });

  it('refuses "__proto__" keys, which would become the prototype of the parsed object', () => {
    const errors = errorsOf(JSON.parse(JSON.stringify(minimal()).replace('"name"', '"__proto__": {"polluted": true}, "name"')));
    expect(errors).toEqual([{ pointer: '', message: expect.stringContaining('__proto__') }]);
  });

  it('rejects non-objects at the root with one clear error', () => {
    for (const value of [null, 3, 'x', []]) {
      const errors = errorsOf(value);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.pointer).toBe('');
    }
  });

  it('never reports an error without a message or with a malformed pointer (property)', () => {
    const arbitraryInput = fc.oneof(
      fc.anything(),
      fc.record({ domainId: fc.anything(), id: fc.anything(), name: fc.anything(), movements: fc.anything(), userStory: fc.anything(), diagram: fc.anything() }),
    );
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const result = parseSequence(input);
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const e of result.errors) {
          expect(e.pointer === '' || e.pointer.startsWith('/')).toBe(true);
          expect(e.message.length).toBeGreaterThan(0);
          expect(e.message).not.toMatch(/undefined|\[object Object\]/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('exports a JSON Schema that accepts and rejects what the parser does', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(z.toJSONSchema(musicalSequenceSchema));
    for (const id of referenceIds) expect(validate(JSON.parse(fixtureText(`${id}.json`)))).toBe(true);
    expect(validate({ ...minimal(), id: '../x' })).toBe(false);
    expect(validate({ ...minimal(), userStory: { mood: 'x' } })).toBe(false);
  });
});

describe('parseSequenceJson', () => {
  it('reports invalid JSON with line and column', () => {
    const result = parseSequenceJson('{\n  "id": "x",\n  "name" "y"\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ pointer: '', line: 3, column: 10 });
    expect(result.errors[0]?.message).toMatch(/line 3, column 10: ':' was expected/);
  });

  it('reports a truncated document at its end', () => {
    const text = fixtureText('operator-implementation.json').slice(0, 500);
    const result = parseSequenceJson(text);
    if (result.ok) throw new Error('expected failure');
    const lines = text.split('\n');
    expect(result.errors[0]?.line).toBe(lines.length);
  });

  it('ignores a leading byte-order mark', () => {
    expect(parseSequenceJson('\ufeff' + fixtureText('msp-domain-expert.json')).ok).toBe(true);
  });

  it('passes schema errors through with pointers', () => {
    const result = parseSequenceJson(JSON.stringify({ ...minimal(), movements: 'none' }));
    if (result.ok) throw new Error('expected failure');
    expect(result.errors.map((e) => e.pointer)).toEqual(['/movements']);
  });
});

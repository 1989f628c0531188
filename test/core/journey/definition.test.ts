import { describe, it, expect } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import {
  allowedEvents,
  defineJourney,
  failureStage,
  journeyDefinitionJsonSchema,
  parseDefinitionJson,
  validateDefinition,
} from '../../../src/core/journey/definition';
import { tinyDefinition } from './fixtures/tiny-definition';

describe('validateDefinition', () => {
  it('accepts a valid definition and fills defaults', () => {
    const r = validateDefinition(tinyDefinition());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.definition.version).toBe(1);
    expect(r.definition.rollbackTarget).toEqual({ kind: 'previous' });
    expect(r.definition.transitions[0]!.guard).toBe('none');
    expect(r.definition.stages[0]!.unitsOfWork).toEqual([]);
  });

  it('reports every shape error with its JSON pointer', () => {
    const input = tinyDefinition() as Record<string, unknown> & { stages: Array<Record<string, unknown>> };
    input.stages[1]!.kind = 'paused';
    (input.stages[0]!.exitCriteria as Array<Record<string, unknown>>)[0]!.operator = '=>';
    input.surprise = true;
    const r = validateDefinition(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.pointer).sort()).toEqual(['', '/stages/0/exitCriteria/0/operator', '/stages/1/kind']);
    expect(r.errors.find((e) => e.pointer === '')!.message).toMatch(/surprise/);
  });

  it('rejects non-objects with a pointer to the root', () => {
    const r = validateDefinition('client-onboarding');
    expect(r).toMatchObject({ ok: false, errors: [{ pointer: '' }] });
  });
});

describe('defineJourney', () => {
  it('returns the definition or throws one error listing every problem', () => {
    expect(defineJourney(tinyDefinition()).id).toBe('tiny');
    const bad = tinyDefinition();
    bad.transitions.push({ from: 'ghost', event: 'start', to: 'nowhere' });
    expect(() => defineJourney(bad)).toThrow(/\/transitions\/6\/from: stage 'ghost' is not defined[\s\S]*\/transitions\/6\/to/);
  });
});

describe('parseDefinitionJson', () => {
  it('reports a syntax error with its line and column', () => {
    const r = parseDefinitionJson('{\n  "id": "x",\n  "name": oops\n}');
    expect(r).toMatchObject({ ok: false, syntaxError: { line: 3, column: 11 } });
  });

  it('validates parsed JSON', () => {
    expect(parseDefinitionJson(JSON.stringify(tinyDefinition())).ok).toBe(true);
    expect(parseDefinitionJson('{}')).toMatchObject({ ok: false, errors: expect.arrayContaining([{ pointer: '/id', message: expect.any(String) }]) });
  });
});

describe('helpers', () => {
  it('lists allowed events per stage and finds the failure stage', () => {
    const def = defineJourney(tinyDefinition());
    expect(allowedEvents(def, null)).toEqual(['start']);
    expect(allowedEvents(def, 'draft')).toEqual(['submit', 'cancel']);
    expect(allowedEvents(def, 'done')).toEqual([]);
    expect(failureStage(def)?.id).toBe('cancelled');
  });
});

describe('journeyDefinitionJsonSchema', () => {
  it('is the schema shipped in content/journeys and accepts the shipped definition and rejects a broken one', () => {
    const schema = journeyDefinitionJsonSchema();
    const shipped = JSON.parse(readFileSync(new URL('../../../content/journeys/journey-definition.schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(schema);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const onboarding = JSON.parse(readFileSync(new URL('../../../content/journeys/client-onboarding.json', import.meta.url), 'utf8'));
    expect(validate(onboarding)).toBe(true);
    expect(validate(tinyDefinition())).toBe(true);
    expect(validate({ ...tinyDefinition(), stages: 'none' })).toBe(false);
  });
});

import { describe, it, expect } from 'vitest';
import { owsJsonSchema, patternJsonSchema, PATTERN_SCHEMA_PATH } from '../../../src/core/ows/export-json-schema';
import { compile2020, fixture, flagship, flagshipJson } from './pattern-fixtures';

describe('exported JSON Schemas', () => {
  it('publishes the pattern schema as draft 2020-12 with the given id', () => {
    const schema = patternJsonSchema(`https://ow.example${PATTERN_SCHEMA_PATH}`);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://ow.example/api/schemas/pattern.json');
    expect(schema.title).toBe('Orchestration Wisdom pattern');
    expect(patternJsonSchema().$id).toBeUndefined();
  });

  it('accepts the flagship pattern file and rejects structural mistakes, as parsePattern does', () => {
    const validate = compile2020(patternJsonSchema());
    expect(validate(flagshipJson()), JSON.stringify(validate.errors)).toBe(true);
    const extra = flagshipJson();
    (extra.library as Record<string, unknown>).colour = 'blue';
    expect(validate(extra)).toBe(false);
    const badFacet = flagshipJson();
    (badFacet.library as Record<string, unknown>).maturity = 'Expert';
    expect(validate(badFacet)).toBe(false);
    const badDate = flagshipJson();
    (badDate.library as Record<string, unknown>).publishedAt = '2025-02-30';
    expect(validate(badDate)).toBe(false);
  });

  it('publishes an OWS schema that accepts what the reference accepts and rejects extra properties', () => {
    const validate = compile2020(owsJsonSchema());
    expect(validate(fixture('warranty-defect-escalation.ows.json')), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(flagship().ows)).toBe(true);
    expect(validate({ ...flagship().ows, library: {} })).toBe(false);
  });
});

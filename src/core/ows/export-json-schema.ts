// Our published JSON Schemas, generated from the zod schemas so they cannot drift from validation.
// The pattern schema is served at /api/schemas/pattern.json. Cross-reference rules (declared actors,
// delivered checks) are not expressible in JSON Schema; parsePattern applies them on top.
import { z } from 'zod';
import { owsDocumentSchema } from './ows-document';
import { patternStructureSchema } from './schema';

export const PATTERN_SCHEMA_PATH = '/api/schemas/pattern.json';

type JsonSchema = Record<string, unknown>;

function generate(schema: z.ZodType, id: string | undefined, title: string): JsonSchema {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as JsonSchema;
  const { $schema, ...rest } = generated;
  return { $schema, ...(id !== undefined ? { $id: id } : {}), ...rest, title };
}

/** JSON Schema (2020-12) of a pattern file; pass the absolute URL it is served from as `id`. */
export function patternJsonSchema(id?: string): JsonSchema {
  return generate(patternStructureSchema, id, 'Orchestration Wisdom pattern');
}

/** JSON Schema (2020-12) of the OWS 1.1 half, equivalent to the reference orchestration-wisdom schema. */
export function owsJsonSchema(id?: string): JsonSchema {
  return generate(owsDocumentSchema, id, 'Orchestration Wisdom Schema (OWS) v1.1');
}

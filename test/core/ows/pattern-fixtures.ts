// Test helper: the flagship pattern, the OWS fixtures and Ajv validators for the reference schemas
// (copied into test/fixtures/ows so the tests do not depend on files outside the repository).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parsePattern } from '../../../src/core/ows/parse-pattern';
import type { Pattern } from '../../../src/core/ows/schema';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

export const FLAGSHIP_PATH = root('content/patterns/support-ticket-escalation-backlog.json');

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

export function fixture(name: string): unknown {
  return readJson(root(`test/fixtures/ows/${name}`));
}

/** The flagship file as plain JSON (a fresh copy each call, so tests may mutate it). */
export function flagshipJson(): { ows: Record<string, unknown>; library: Record<string, unknown> } {
  return readJson(FLAGSHIP_PATH) as { ows: Record<string, unknown>; library: Record<string, unknown> };
}

export function flagship(): Pattern {
  const result = parsePattern(readJson(FLAGSHIP_PATH));
  if (!result.ok) throw new Error(`flagship does not parse: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** Parses a modified pattern, failing loudly if the modification made it invalid. */
export function mustParse(input: unknown): Pattern {
  const result = parsePattern(input);
  if (!result.ok) throw new Error(`pattern does not parse: ${JSON.stringify(result.errors)}`);
  return result.value;
}

const ajv2020 = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv2020);
/** The reference OWS 1.1 JSON Schema (draft 2020-12). */
export const validateReferenceOws = ajv2020.compile(fixture('orchestration-wisdom.schema.json') as object);

const ajv07 = new Ajv({ allErrors: true, strict: false });
addFormats(ajv07);
/** The reference publication JSON Schema (draft-07). */
export const validateReferencePublication = ajv07.compile(fixture('pattern.schema.json') as object);

export function compile2020(schema: object) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

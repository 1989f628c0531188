// The reference sequences and seed texts used as fixtures by the sequence tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSequenceJson, type MusicalSequence } from '../../../src/core/sequence/schema';

const dir = fileURLToPath(new URL('../../fixtures/sequences/', import.meta.url));

export const referenceIds = ['operator-implementation', 'msp-domain-expert'] as const;
export type ReferenceId = (typeof referenceIds)[number];

export const seedFor: Record<ReferenceId, string> = {
  'operator-implementation': '000_c16f1163eea25435.txt',
  'msp-domain-expert': '001_616544af7e830412.txt',
};

/** The path the reference generator saw for each source file. */
export const referenceSourcePath = (id: ReferenceId) =>
  `C:/source/repos/bpm/internal/orchestration-wisdom/sequences/${id}.json`;

export function fixtureText(name: string): string {
  return readFileSync(dir + name, 'utf8');
}

export function referenceSequence(id: ReferenceId): MusicalSequence {
  const parsed = parseSequenceJson(fixtureText(`${id}.json`));
  if (!parsed.ok) throw new Error(`${id}.json does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}

/** The reference JSON Schema (a copy of reference/ows-schemas/musical-sequence.schema.json). */
export function referenceSchema(): object {
  return JSON.parse(fixtureText('musical-sequence.schema.json')) as object;
}

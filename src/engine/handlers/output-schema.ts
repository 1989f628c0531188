// Checks a handler's result against the JSON Schema its task declares (zod builds the checker
// from the schema); a mismatch fails the attempt with every problem's pointer.
import { z } from 'zod';
import { toPointer } from '../../core/shared/json-pointer';

const compiled = new Map<string, z.ZodType>();

function checkerFor(schema: Record<string, unknown>): z.ZodType {
  const key = JSON.stringify(schema);
  let checker = compiled.get(key);
  if (!checker) {
    checker = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, checker);
  }
  return checker;
}

/** null when the output conforms, else a message naming each problem and where it is. */
export function outputSchemaProblem(schema: Record<string, unknown>, output: unknown): string | null {
  let checker: z.ZodType;
  try {
    checker = checkerFor(schema);
  } catch (err) {
    return `the task's output schema cannot be used: ${(err as Error).message}`;
  }
  const parsed = checker.safeParse(output);
  if (parsed.success) return null;
  return `the result does not match the task's output schema: ${parsed.error.issues.map((i) => `${toPointer(i.path) || '/'} ${i.message}`).join('; ')}`;
}

// Parses untrusted advisor input with a zod schema; failures become one AppError listing
// every field that was wrong, each with its JSON pointer, so nothing half-valid gets analysed.
import type { z } from 'zod';
import { AppError, type ErrorLocation } from '../shared/error-codes';
import { formatLocations, zodIssuesToLocations } from '../shared/zod-errors';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidInput(what, zodIssuesToLocations(result.error.issues));
}

/** The one error every advisor validation throws: the detail names the input and lists each location. */
export function invalidInput(what: string, errors: ErrorLocation[]): AppError {
  const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
  return new AppError('OW_VALIDATION', `${what} is not valid (${count}):\n${formatLocations(errors)}`, errors);
}

// Invalid input to the OWS core becomes the platform's validation error (HTTP 400 / CLI exit 2),
// listing every problem with the JSON pointer of the offending value.
import { AppError } from '../shared/error-codes';
import { formatLocations } from '../shared/zod-errors';

/** A problem located by RFC 6901 JSON pointer ('' is the whole document). */
export interface PointerIssue {
  pointer: string;
  message: string;
}

export function invalidInput(what: string, issues: PointerIssue[]): AppError {
  return new AppError('OW_VALIDATION', `Invalid ${what}:\n${formatLocations(issues)}`, issues);
}

// Turns zod issues into located errors with JSON pointers, the form every API and CLI reports.
import type { z } from 'zod';
import type { ErrorLocation } from './error-codes';
import { toPointer } from './json-pointer';

export function zodIssuesToLocations(issues: ReadonlyArray<z.core.$ZodIssue>, prefix: ReadonlyArray<PropertyKey> = []): ErrorLocation[] {
  return issues.map((issue) => ({
    pointer: toPointer([...prefix, ...issue.path]),
    message: issue.message,
  }));
}

/** One line per error: `/movements/0/id: Required`. */
export function formatLocations(errors: ReadonlyArray<ErrorLocation>): string {
  return errors
    .map((e) => {
      const where = e.pointer !== undefined ? e.pointer || '/' : e.line !== undefined ? `line ${e.line}${e.column !== undefined ? `, column ${e.column}` : ''}` : e.field ?? '';
      return where ? `${where}: ${e.message}` : e.message;
    })
    .join('\n');
}

// Turns zod issues into one flat list of { pointer, message }, choosing the relevant
// branch of a union so that a bad handler object is explained field by field.
import type { z } from 'zod';
import { toPointer as toJsonPointer } from '../shared/json-pointer';

export type PointedIssue = { pointer: string; message: string };

type Segment = string | number;

function pathOf(path: ReadonlyArray<PropertyKey>): Segment[] {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

function isShapeMismatch(issues: ReadonlyArray<z.core.$ZodIssue>): boolean {
  return issues.length === 1 && issues[0]?.code === 'invalid_type' && issues[0].path.length === 0;
}

function describeUnion(issue: z.core.$ZodIssueInvalidUnion): string {
  const expected = issue.errors
    .map((branch) => branch.find((b) => b.code === 'invalid_type' && b.path.length === 0))
    .map((b) => (b && b.code === 'invalid_type' ? b.expected : undefined))
    .filter((e): e is NonNullable<typeof e> => e !== undefined);
  return expected.length > 0 ? `expected one of: ${expected.join(', ')}` : 'does not match any allowed form';
}

function flatten(issues: ReadonlyArray<z.core.$ZodIssue>, prefix: Segment[], out: PointedIssue[]): void {
  for (const issue of issues) {
    const path = [...prefix, ...pathOf(issue.path)];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A branch whose only complaint is "wrong type at the root" is not the one the author meant.
      const meant = issue.errors.filter((branch) => !isShapeMismatch(branch));
      if (meant.length === 1 && meant[0]) {
        flatten(meant[0], path, out);
        continue;
      }
      out.push({ pointer: toJsonPointer(path), message: describeUnion(issue) });
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ pointer: toJsonPointer([...path, key]), message: `unknown field "${key}" is not allowed here` });
      }
      continue;
    }
    out.push({ pointer: toJsonPointer(path), message: issue.message });
  }
}

/** Every issue with its JSON pointer, in document order of discovery. */
export function pointIssues(issues: ReadonlyArray<z.core.$ZodIssue>): PointedIssue[] {
  const out: PointedIssue[] = [];
  flatten(issues, [], out);
  return out;
}

/** Error map for parsing: names missing fields plainly instead of "received undefined". */
export function sequenceErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `required field is missing (expected ${expectedName(issue.expected)})`;
  }
  if (issue.code === 'invalid_type') {
    return `expected ${expectedName(issue.expected)}, got ${describeValue(issue.input)}`;
  }
  if (issue.code === 'invalid_value') {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(issue.input)}`;
  }
  return undefined;
}

function expectedName(expected: string): string {
  return expected === 'int' ? 'integer' : expected;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

// Calendar dates as ISO strings (YYYY-MM-DD), the only time input of the KPI analyses:
// "today" is always passed in, never read from the clock.
import { z } from 'zod';

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date must look like 2026-01-31')
  .refine(isRealDateOrMalformed, 'not a real calendar date');

/** Malformed strings pass here so that only the format message is reported for them. */
function isRealDateOrMalformed(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return true;
  const time = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(s);
}

/** Whole and fractional days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

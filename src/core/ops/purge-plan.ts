// Dead-letter filters and the purge rules: a purge names what it removes by a typed confirmation
// (the queue's name, or the number of dead letters it was shown) and says why; anything else is refused.
import { z } from 'zod';
import type { ErrorLocation } from '../shared/error-codes';

export const deadLetterFilterSchema = z.strictObject({
  queue: z.string().min(1).max(200).optional().describe('The queue (task handler) name'),
  journey: z.string().min(1).max(200).optional(),
  error: z.string().min(1).max(200).optional().describe('Text the last error contains (case-insensitive)'),
});
export type DeadLetterFilter = z.infer<typeof deadLetterFilterSchema>;

export const purgeInputSchema = z.strictObject({
  filter: deadLetterFilterSchema.default({}),
  confirm: z.string().max(200).optional().describe('The queue name of filter.queue, or the number of dead letters matching'),
  reason: z.string().max(500).optional(),
});
export type PurgeInput = z.infer<typeof purgeInputSchema>;

export const retryAllInputSchema = z.strictObject({ filter: deadLetterFilterSchema.default({}) });

/** A purge or retry-all touches at most this many dead letters per request. */
export const BULK_LIMIT = 1000;

export function describeFilter(f: DeadLetterFilter): string {
  const parts = [f.queue ? `queue ${f.queue}` : '', f.journey ? `journey ${f.journey}` : '', f.error ? `error containing "${f.error}"` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'every queue';
}

/** What must be typed to confirm a purge of `count` dead letters under this filter. */
export function expectedConfirmations(f: DeadLetterFilter, count: number): string[] {
  return f.queue ? [f.queue, String(count)] : [String(count)];
}

/** Problems that refuse a purge; empty means it may go ahead. A dry run skips the confirmation. */
export function purgeProblems(input: PurgeInput, count: number, dryRun: boolean): ErrorLocation[] {
  if (dryRun) return [];
  const problems: ErrorLocation[] = [];
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 3) problems.push({ pointer: '/reason', message: 'say why these dead letters are purged (at least 3 characters)' });
  const accepted = expectedConfirmations(input.filter, count);
  const typed = input.confirm?.trim() ?? '';
  if (typed === '') problems.push({ pointer: '/confirm', message: `type ${accepted.map((a) => `"${a}"`).join(' or ')} to confirm` });
  else if (!accepted.includes(typed)) problems.push({ pointer: '/confirm', message: `"${typed}" does not confirm this purge: type ${accepted.map((a) => `"${a}"`).join(' or ')} (${count} dead letter(s) match ${describeFilter(input.filter)} now)` });
  if (count > BULK_LIMIT) problems.push({ pointer: '/filter', message: `${count} dead letters match; narrow the filter to at most ${BULK_LIMIT}` });
  return problems;
}

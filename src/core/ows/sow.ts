// Statement of work: each checklist item becomes a deliverable; effort plus buffer, the day rate and
// the team size give duration and price. Money is summed in cents so the lines add up to the total.
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { invalidInput } from './input-error';
import { toPointer } from '../shared/json-pointer';
import { formatNumber, mdCell, mdInline, mdTable, personWeeks } from './markdown-text';
import { parseWithPointers } from './parse-pattern';
import type { Pattern } from './schema';

export const sowOptionsSchema = z.strictObject({
  dayRate: z.number().positive('must be greater than 0').max(100_000, 'must be at most 100,000 per day'),
  fteCount: z.number().positive('must be greater than 0').max(100, 'must be at most 100'),
  bufferPercent: z.number().min(0, 'must be 0 or more').max(200, 'must be at most 200').default(25),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD or EUR').default('USD'),
  daysPerWeek: z.int().min(1).max(7).default(5),
  clientName: z.string().min(1).max(120).optional(),
  /** Checklist item id → effort in person-weeks, replacing the pattern's estimate for this client. */
  effortOverrides: z.record(z.string(), z.number().positive('must be greater than 0').max(104)).default({}),
  /** Checklist item ids left out of this engagement. */
  exclude: z.array(z.string()).default([]),
});
export type SowOptionsInput = z.input<typeof sowOptionsSchema>;
export type SowOptions = z.infer<typeof sowOptionsSchema>;

export interface SowLine {
  itemId: string;
  deliverable: string;
  owner: string;
  effortPersonWeeks: number;
  bufferedPersonDays: number;
  durationWeeks: number;
  priceCents: number;
}

export interface Sow {
  slug: string;
  title: string;
  clientName?: string;
  currency: string;
  dayRate: number;
  fteCount: number;
  bufferPercent: number;
  daysPerWeek: number;
  lines: SowLine[];
  totals: { effortPersonWeeks: number; bufferedPersonDays: number; durationWeeks: number; priceCents: number };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function checkAgainstPattern(pattern: Pattern, options: SowOptions): void {
  const ids = new Set(pattern.library.checklist.map((i) => i.id));
  const issues = [
    ...Object.keys(options.effortOverrides)
      .filter((id) => !ids.has(id))
      .map((id) => ({ pointer: toPointer(['effortOverrides', id]), message: `no checklist item "${id}" in this pattern` })),
    ...options.exclude.flatMap((id, i) => (ids.has(id) ? [] : [{ pointer: toPointer(['exclude', i]), message: `no checklist item "${id}" in this pattern` }])),
  ];
  if (options.exclude.length > 0 && pattern.library.checklist.every((i) => options.exclude.includes(i.id))) {
    issues.push({ pointer: '/exclude', message: 'leaves no deliverable in the statement of work' });
  }
  if (issues.length > 0) throw invalidInput('statement of work options', issues);
}

/** Validates options from outside (API body, CLI flags); errors name the field by pointer. */
export function parseSowOptions(input: unknown) {
  return parseWithPointers(sowOptionsSchema, input);
}

export function buildSow(pattern: Pattern, input: SowOptionsInput): Sow {
  const parsed = parseSowOptions(input);
  if (!parsed.ok) throw invalidInput('statement of work options', parsed.errors);
  const options = parsed.value;
  checkAgainstPattern(pattern, options);
  const factor = 1 + options.bufferPercent / 100;
  const lines = pattern.library.checklist
    .filter((item) => !options.exclude.includes(item.id))
    .map((item): SowLine => {
      const effort = options.effortOverrides[item.id] ?? item.effortPersonWeeks;
      const days = effort * options.daysPerWeek * factor;
      return {
        itemId: item.id,
        deliverable: item.summary,
        owner: item.owner,
        effortPersonWeeks: effort,
        bufferedPersonDays: round2(days),
        durationWeeks: round2((effort * factor) / options.fteCount),
        priceCents: Math.round(days * options.dayRate * 100),
      };
    });
  const effort = lines.reduce((sum, l) => sum + l.effortPersonWeeks, 0);
  return {
    slug: pattern.library.slug,
    title: pattern.ows.meta.title,
    ...(options.clientName !== undefined ? { clientName: options.clientName } : {}),
    currency: options.currency,
    dayRate: options.dayRate,
    fteCount: options.fteCount,
    bufferPercent: options.bufferPercent,
    daysPerWeek: options.daysPerWeek,
    lines,
    totals: {
      effortPersonWeeks: round2(effort),
      bufferedPersonDays: round2(effort * options.daysPerWeek * factor),
      durationWeeks: round2((effort * factor) / options.fteCount),
      priceCents: lines.reduce((sum, l) => sum + l.priceCents, 0),
    },
  };
}

// One formatter per currency: building an Intl.NumberFormat costs far more than formatting with it.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format.format(cents / 100);
}

export function sowMarkdown(sow: Sow): string {
  const money = (cents: number) => formatMoney(cents, sow.currency);
  const rows = sow.lines.map((l, i) => [
    String(i + 1),
    mdCell(l.deliverable),
    mdCell(l.owner),
    formatNumber(l.effortPersonWeeks),
    formatNumber(l.bufferedPersonDays),
    formatNumber(l.durationWeeks),
    money(l.priceCents),
  ]);
  const t = sow.totals;
  const bold = (text: string) => `**${text}**`;
  rows.push([
    '',
    bold('Total'),
    '',
    bold(formatNumber(t.effortPersonWeeks)),
    bold(formatNumber(t.bufferedPersonDays)),
    bold(formatNumber(t.durationWeeks)),
    bold(money(t.priceCents)),
  ]);
  const client = sow.clientName !== undefined ? ` for ${mdInline(sow.clientName)}` : '';
  return [
    `# Statement of work: ${mdInline(sow.title)}${client}`,
    '',
    `Team of ${formatNumber(sow.fteCount)} FTE at ${money(Math.round(sow.dayRate * 100))} per person-day, ${sow.daysPerWeek} days a week, ` +
      `with a ${formatNumber(sow.bufferPercent)} % buffer for client-specific work.`,
    '',
    mdTable(['#', 'Deliverable', 'Owner', 'Effort (person-weeks)', 'Person-days incl. buffer', 'Duration (weeks)', 'Price'], rows),
    '',
    `Total: ${personWeeks(t.effortPersonWeeks)} of estimated effort, ${formatNumber(t.durationWeeks)} weeks with ${formatNumber(sow.fteCount)} FTE, ` +
      `${money(t.priceCents)}. Durations assume the team works through the deliverables one after another.`,
    '',
  ].join('\n');
}

export function sowCsv(sow: Sow): string {
  const amount = (cents: number) => (cents / 100).toFixed(2);
  const rows = sow.lines.map((l) => [l.itemId, l.deliverable, l.owner, l.effortPersonWeeks, l.bufferedPersonDays, l.durationWeeks, amount(l.priceCents), sow.currency]);
  const t = sow.totals;
  rows.push(['TOTAL', 'Total', '', t.effortPersonWeeks, t.bufferedPersonDays, t.durationWeeks, amount(t.priceCents), sow.currency]);
  return stringify(rows, {
    header: true,
    columns: ['Item', 'Deliverable', 'Owner', 'Effort (person-weeks)', 'Person-days incl. buffer', 'Duration (weeks)', 'Price', 'Currency'],
    escape_formulas: true,
  });
}

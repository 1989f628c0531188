import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { buildSow, formatMoney, parseSowOptions, sowCsv, sowMarkdown } from '../../../src/core/ows/sow';
import { AppError } from '../../../src/core/shared/error-codes';
import { flagship } from './pattern-fixtures';

function validationErrors(call: () => unknown) {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).errors;
  }
  throw new Error('expected a validation error');
}

describe('statement of work', () => {
  it('turns each checklist item into a deliverable with a 25 % buffer by default', () => {
    const p = flagship();
    const sow = buildSow(p, { dayRate: 1500, fteCount: 2 });
    expect(sow.bufferPercent).toBe(25);
    expect(sow.lines.map((l) => l.deliverable)).toEqual(p.library.checklist.map((i) => i.summary));
    const router = sow.lines[1]!;
    // 2 person-weeks × 5 days × 1.25 = 12.5 person-days; at 1,500 a day = 18,750; 2.5 person-weeks over 2 FTE = 1.25 weeks.
    expect(router).toMatchObject({ effortPersonWeeks: 2, bufferedPersonDays: 12.5, durationWeeks: 1.25, priceCents: 1_875_000 });
  });

  it('totals the lines exactly and derives duration from effort, buffer and team size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 5000 }),
        fc.constantFrom(0.5, 1, 2, 3, 4.5),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.constantFrom(0.5, 1, 1.5, 2, 3, 8), { minLength: 6, maxLength: 6 }),
        (dayRate, fteCount, bufferPercent, efforts) => {
          const p = flagship();
          p.library.checklist.forEach((item, i) => (item.effortPersonWeeks = efforts[i] ?? 1));
          const sow = buildSow(p, { dayRate, fteCount, bufferPercent });
          const effort = efforts.reduce((a, b) => a + b, 0);
          expect(sow.totals.priceCents).toBe(sow.lines.reduce((n, l) => n + l.priceCents, 0));
          expect(sow.totals.effortPersonWeeks).toBeCloseTo(effort, 6);
          // Durations are rounded to two decimals.
          expect(Math.abs(sow.totals.durationWeeks - (effort * (1 + bufferPercent / 100)) / fteCount)).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(sow.totals.priceCents / 100).toBeCloseTo(effort * 5 * (1 + bufferPercent / 100) * dayRate, -1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('applies per-client effort overrides and exclusions', () => {
    const sow = buildSow(flagship(), { dayRate: 1000, fteCount: 1, bufferPercent: 0, effortOverrides: { 'IMP-002': 4 }, exclude: ['IMP-006'] });
    expect(sow.lines.map((l) => l.itemId)).toEqual(['IMP-001', 'IMP-002', 'IMP-003', 'IMP-004', 'IMP-005']);
    expect(sow.lines[1]?.effortPersonWeeks).toBe(4);
    expect(sow.totals.effortPersonWeeks).toBe(1 + 4 + 1 + 2 + 1);
  });

  it('rejects bad options with the pointer of each field', () => {
    const errors = validationErrors(() => buildSow(flagship(), { dayRate: -5, fteCount: 0, bufferPercent: 300, currency: 'dollars' }));
    expect(errors.map((e) => e.pointer)).toEqual(['/dayRate', '/fteCount', '/bufferPercent', '/currency']);
    expect(errors[0]?.message).toBe('must be greater than 0');
    const unknown = validationErrors(() => buildSow(flagship(), { dayRate: 1, fteCount: 1, effortOverrides: { 'IMP-999': 2 }, exclude: ['NOPE-001'] }));
    expect(unknown).toEqual([
      { pointer: '/effortOverrides/IMP-999', message: 'no checklist item "IMP-999" in this pattern' },
      { pointer: '/exclude/0', message: 'no checklist item "NOPE-001" in this pattern' },
    ]);
    const all = flagship().library.checklist.map((i) => i.id);
    expect(validationErrors(() => buildSow(flagship(), { dayRate: 1, fteCount: 1, exclude: all }))[0]?.pointer).toBe('/exclude');
    expect(parseSowOptions({ dayRate: '100', fteCount: 1 }).ok).toBe(false);
  });

  it('renders Markdown with a total row and a CSV whose lines add up to the total', () => {
    const sow = buildSow(flagship(), { dayRate: 1500, fteCount: 2, clientName: 'Acme <Support>' });
    const md = sowMarkdown(sow);
    expect(md).toContain('# Statement of work: Support Ticket Escalation Backlog for Acme &lt;Support>');
    expect(md).toContain(`| **${formatMoney(sow.totals.priceCents, 'USD')}** |`);
    expect(md).toContain('with a 25 % buffer');
    const [header, ...body] = parse(sowCsv(sow)) as string[][];
    expect(header?.[0]).toBe('Item');
    const total = body.at(-1)!;
    expect(total[0]).toBe('TOTAL');
    const sum = body.slice(0, -1).reduce((n, r) => n + Math.round(Number(r[6]) * 100), 0);
    expect(Math.round(Number(total[6]) * 100)).toBe(sum);
  });

  it('produces the same bytes for the same pattern and options', () => {
    const options = { dayRate: 1234.5, fteCount: 3, bufferPercent: 20, currency: 'EUR' };
    const a = buildSow(flagship(), options);
    const b = buildSow(structuredClone(flagship()), { ...options });
    expect(sowMarkdown(b)).toBe(sowMarkdown(a));
    expect(sowCsv(b)).toBe(sowCsv(a));
  });

  it('formats money in the chosen currency', () => {
    expect(formatMoney(24_000_000, 'USD')).toBe('$240,000.00');
    expect(formatMoney(150, 'EUR')).toBe('€1.50');
  });
});

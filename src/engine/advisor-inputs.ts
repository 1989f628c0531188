// Reads the toolkit's inputs as users send them (a bare array or a wrapping object, JSON or CSV)
// into the shapes the core analyses take; every error keeps its location in what the user sent.
import { z } from 'zod';
import {
  kpiListSchema,
  okrSetSchema,
  parseWorkBreakdown,
  parseWorkBreakdownCsv,
  type Kpi,
  type OkrSetInput,
  type Task,
} from '../core/advisor';
import { invalidInput } from '../core/advisor/validate-input';
import { AppError, type ErrorLocation } from '../core/shared/error-codes';
import { zodIssuesToLocations } from '../core/shared/zod-errors';

/** Re-throws an advisor validation error with its pointers moved under `prefix` (e.g. "/tasks"). */
export function underPointer<T>(prefix: string, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof AppError && err.code === 'OW_VALIDATION' && prefix !== '') {
      throw invalidInput(what, err.errors.map((e) => (e.pointer === undefined ? e : { ...e, pointer: `${prefix}${e.pointer}` })));
    }
    throw err;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Schedule settings that may travel with a work breakdown (in a saved document or a JSON request). */
export const workBreakdownSettingsSchema = z.object({
  people: z.number().int().min(1).max(1000).optional(),
  deadline: z.number().positive().optional(),
  unit: z.enum(['points', 'days']).optional(),
  names: z.array(z.string()).optional(),
  milestones: z.array(z.object({ name: z.string(), after: z.array(z.string()) })).optional(),
});
export type WorkBreakdownSettings = z.infer<typeof workBreakdownSettingsSchema>;

export interface WorkBreakdownDocument {
  tasks: Task[];
  settings: WorkBreakdownSettings;
}

/**
 * A work breakdown from CSV text, a bare task array, or `{tasks, people?, deadline?, unit?, names?, milestones?}`.
 * Settings are only checked for shape here; the schedule options schema judges their values.
 */
export function readWorkBreakdown(input: unknown): WorkBreakdownDocument {
  if (typeof input === 'string') return { tasks: parseWorkBreakdownCsv(input), settings: {} };
  if (Array.isArray(input)) return { tasks: parseWorkBreakdown(input), settings: {} };
  if (!isRecord(input) || !('tasks' in input)) {
    throw invalidInput('The work breakdown', [{ pointer: '', message: 'expected CSV text, an array of tasks, or an object with "tasks"' }]);
  }
  const { tasks, ...rest } = input;
  const settings = workBreakdownSettingsSchema.safeParse(rest);
  const errors: ErrorLocation[] = settings.success ? [] : zodIssuesToLocations(settings.error.issues);
  let parsed: Task[] = [];
  try {
    parsed = typeof tasks === 'string' ? parseWorkBreakdownCsv(tasks) : underPointer('/tasks', 'The work breakdown', () => parseWorkBreakdown(tasks));
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'OW_VALIDATION') throw err;
    errors.push(...err.errors);
  }
  if (errors.length > 0 || !settings.success) throw invalidInput('The work breakdown', errors);
  return { tasks: parsed, settings: settings.data };
}

export interface KpiSet {
  kpis?: Kpi[];
  okrs?: OkrSetInput;
}

/** A KPI set: a bare KPI array, an OKR set `{objectives}`, or `{kpis?, objectives?}` with at least one of them. */
export function readKpiSet(input: unknown): KpiSet {
  const wrapped = Array.isArray(input) ? { kpis: input } : input;
  if (!isRecord(wrapped) || (wrapped.kpis === undefined && wrapped.objectives === undefined)) {
    throw invalidInput('The KPI set', [{ pointer: '', message: 'expected an array of KPIs, or an object with "kpis" and/or "objectives" (OKRs)' }]);
  }
  const prefix = Array.isArray(input) ? '' : '/kpis';
  const errors: ErrorLocation[] = [];
  const set: KpiSet = {};
  if (wrapped.kpis !== undefined) {
    const kpis = kpiListSchema.safeParse(wrapped.kpis);
    if (kpis.success) set.kpis = kpis.data;
    else errors.push(...zodIssuesToLocations(kpis.error.issues, prefix === '' ? [] : ['kpis']));
  }
  if (wrapped.objectives !== undefined) {
    const okrs = okrSetSchema.safeParse({ objectives: wrapped.objectives });
    if (okrs.success) set.okrs = okrs.data;
    else errors.push(...zodIssuesToLocations(okrs.error.issues));
  }
  for (const key of Object.keys(wrapped)) {
    if (key !== 'kpis' && key !== 'objectives') errors.push({ pointer: `/${key}`, message: `unknown field "${key}"; a KPI set has "kpis" and/or "objectives"` });
  }
  if (errors.length > 0) throw invalidInput('The KPI set', errors);
  return set;
}

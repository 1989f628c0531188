// How journey facts read on screen: stage and status names, their badge tones, durations in days
// or hours, and metric values without float noise. Shared by the list and the journey page.
import type { Tone } from '../../components/status-badge';
import type { JourneyStatus, TaskStatus, Unit } from '../../api/journeys';

/** "promote_to_pilot" → "Promote to pilot"; "sandbox" → "Sandbox". */
export function humanize(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words === '' ? id : words[0]!.toUpperCase() + words.slice(1);
}

export function stageName(stages: ReadonlyArray<{ id: string; name: string }> | undefined, id: string): string {
  return stages?.find((s) => s.id === id)?.name ?? humanize(id);
}

const stageTones: Readonly<Record<string, Tone>> = {
  sandbox: 'info',
  pilot: 'warn',
  production: 'ok',
  completed: 'ok',
  rollback: 'fail',
  cancelled: 'neutral',
};

export function stageTone(stage: string, kind?: string): Tone {
  if (kind === 'rollback') return 'fail';
  return stageTones[stage] ?? 'info';
}

export const STATUS_LABELS: Readonly<Record<JourneyStatus, string>> = {
  active: 'Active',
  rolling_back: 'Rolling back',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export function statusTone(status: JourneyStatus): Tone {
  return status === 'active' ? 'info' : status === 'rolling_back' ? 'fail' : status === 'completed' ? 'ok' : 'neutral';
}

export function taskTone(status: TaskStatus | Unit['status']): Tone {
  switch (status) {
    case 'completed':
      return 'ok';
    case 'running':
      return 'info';
    case 'failed':
      return 'fail';
    case 'pending':
      return 'warn';
    default:
      return 'neutral';
  }
}

/** "3 d 4 h", "2 h 5 min", "40 s": how long something has lasted. */
export function formatSpan(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ${min % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

export function spanBetween(fromIso: string, toIso: string | null, nowMs: number): number {
  return (toIso === null ? nowMs : Date.parse(toIso)) - Date.parse(fromIso);
}

/** 0.86, 4.2, 420: at most four decimals, no float noise; null reads "not reported". */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'not reported';
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toFixed(4)));
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

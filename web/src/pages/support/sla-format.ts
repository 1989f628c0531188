// Display helpers of the SLA views: durations, and the state a clock's bar shows.
import type { SlaClock } from '../../api/sla';

export function duration(ms: number): string {
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  return d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min`;
}

export function clockTone(c: SlaClock): 'ok' | 'warning' | 'breached' | 'met' | 'paused' {
  if (c.status === 'met') return 'met';
  if (c.fraction >= 1 || c.status === 'breached') return 'breached';
  if (c.status === 'paused') return 'paused';
  return c.fraction >= c.warningFraction ? 'warning' : 'ok';
}

export function timeLeft(c: SlaClock): string {
  if (c.status === 'met') return 'met';
  return c.remainingMs >= 0 ? `${duration(c.remainingMs)} left` : `overdue ${duration(c.remainingMs)}`;
}

// Small formatters the article and the publication export share: durations, fenced code, lists.
import { formatNumber, mdInline } from './markdown-text';
import type { SlaTarget } from './library-metadata';

/** 960 → "16 h", 90 → "1 h 30 min", 45 → "45 min" (rounded to whole minutes). */
export function formatDuration(minutes: number): string {
  const whole = Math.round(minutes);
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** An SLA target as people say it: "1 day", "4 business hours", "1 h 30 min". */
export function formatSlaTarget(sla: Pick<SlaTarget, 'targetMinutes' | 'clock'>): string {
  const whole = Math.round(sla.targetMinutes);
  if (sla.clock === 'business-hours') {
    return whole % 60 === 0 ? `${whole / 60} business hour${whole === 60 ? '' : 's'}` : `${formatDuration(whole)} of business time`;
  }
  if (whole >= 1440 && whole % 1440 === 0) return `${whole / 1440} day${whole === 1440 ? '' : 's'}`;
  return formatDuration(whole);
}

export function slaWarning(sla: SlaTarget): string {
  return `${sla.warnAtPercent} % (after ${formatDuration((sla.targetMinutes * sla.warnAtPercent) / 100)})`;
}

/** A fenced block whose fence is longer than any backtick run inside, so the content cannot end it. */
export function fenced(language: string, content: string): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${content.endsWith('\n') ? content : `${content}\n`}${fence}`;
}

export function bulletList(items: ReadonlyArray<string>): string {
  return items.map((item) => `- ${mdInline(item)}`).join('\n');
}

export { formatNumber };

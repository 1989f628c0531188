// Coloured status pills shared by every page (health checks, stream state, token state); the text
// always carries the meaning, the colour only reinforces it.
import type { ReactNode } from 'react';

export type Tone = 'ok' | 'warn' | 'fail' | 'info' | 'neutral';

export function StatusBadge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

const toneWords: readonly [Tone, readonly string[]][] = [
  ['ok', ['ok', 'pass', 'passed', 'up', 'ready', 'healthy', 'live', 'active', 'succeeded']],
  ['warn', ['warn', 'warning', 'degraded', 'slow', 'pending', 'reconnecting', 'connecting']],
  ['fail', ['fail', 'failed', 'error', 'down', 'unready', 'not ready', 'unhealthy', 'revoked', 'stopped']],
];

/** Maps the free-form status words servers use onto a tone. */
export function toneForStatus(status: string): Tone {
  const word = status.trim().toLowerCase();
  for (const [tone, words] of toneWords) if (words.includes(word)) return tone;
  return 'neutral';
}

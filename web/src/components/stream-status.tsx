// The live stream's connection state in words, so a quiet feed is distinguishable from a broken one.
import type { StreamStatus } from '../api/stream';
import { StatusBadge, type Tone } from './status-badge';

const labels: Readonly<Record<StreamStatus, [Tone, string]>> = {
  idle: ['neutral', 'Not connected'],
  connecting: ['warn', 'Connecting…'],
  live: ['ok', 'Live'],
  reconnecting: ['warn', 'Reconnecting'],
  stopped: ['neutral', 'Stopped'],
};

export function StreamStatusBadge({ status, retryInMs }: { status: StreamStatus; retryInMs: number | null }) {
  const [tone, label] = labels[status];
  const retry = status === 'reconnecting' && retryInMs !== null ? ` in ${Math.max(1, Math.round(retryInMs / 1000))} s` : '';
  return (
    <StatusBadge tone={tone}>
      <span className="stream-status" data-status={status}>
        {label}
        {retry}
      </span>
    </StatusBadge>
  );
}

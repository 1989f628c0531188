// What the workspace uses from the rest of the escalation runtime: the metrics service (baselines
// and measurements) and the escalation mode (shadow, production); tests may run without them.
import type { FiguresByPriority } from '../core/metrics';
import { figuresFromMetrics } from '../core/workspace/from-metrics';
import type { Snapshot } from '../core/workspace/workspace-schema';
import type { EscalationModeService } from './escalation-mode';
import type { MetricsService } from './metrics-service';

export interface SnapshotLike {
  id: string;
  source: string;
  windowStart: string | null;
  windowEnd: string | null;
  figures: FiguresByPriority;
  createdAt: string;
}

interface SnapshotRequest {
  source?: 'import' | 'live';
  importId?: string;
  windowStart?: string;
  windowEnd?: string;
  workspaceId?: string;
  actor: string;
}

export interface MetricsPort {
  captureBaseline(input: SnapshotRequest): Promise<SnapshotLike>;
  measure(input: SnapshotRequest): Promise<SnapshotLike>;
}

export interface EscalationModePort {
  setMode(mode: 'shadow' | 'production', opts: { actor: string; reason: string }): Promise<unknown>;
}

export interface WorkspacePorts {
  metrics?: MetricsPort;
  escalationMode?: EscalationModePort;
}

/** The workspace's view of the runtime's metrics service and escalation mode. */
export function runtimePorts(rt: { metrics: MetricsService; escalation: EscalationModeService }): WorkspacePorts {
  return {
    metrics: rt.metrics,
    escalationMode: { setMode: (mode, { actor }) => rt.escalation.setMode({ mode }, actor) },
  };
}

export function snapshotFrom(s: SnapshotLike): Snapshot {
  const source = s.source === 'import' || s.source === 'live' || s.source === 'simulation' ? s.source : 'live';
  return { snapshotId: s.id, source, windowStart: s.windowStart, windowEnd: s.windowEnd, figures: figuresFromMetrics(s.figures), capturedAt: s.createdAt };
}

// What the workspace uses from the rest of the escalation runtime: the metrics service (baselines
// and measurements) and the escalation mode (shadow, production), found on the runtime when present.
import type { FiguresByPriority } from '../core/metrics';
import { figuresFromMetrics } from '../core/workspace/from-metrics';
import type { Snapshot } from '../core/workspace/workspace-schema';

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

function isFn(v: unknown): v is (...args: never[]) => unknown {
  return typeof v === 'function';
}

function field(o: unknown, key: string): unknown {
  return typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[key] : undefined;
}

/**
 * Finds the other services on the runtime. The escalation mode's shape is taken from whichever of
 * the names it lands under (a `setMode`, or a `set` taking the mode first).
 */
export function detectPorts(runtime: object): WorkspacePorts {
  const ports: WorkspacePorts = {};
  const metrics = field(runtime, 'metrics');
  if (isFn(field(metrics, 'captureBaseline')) && isFn(field(metrics, 'measure'))) ports.metrics = metrics as MetricsPort;
  for (const name of ['escalationMode', 'escalation']) {
    const svc = field(runtime, name);
    const setMode = field(svc, 'setMode');
    const set = field(svc, 'set');
    if (isFn(setMode)) {
      ports.escalationMode = { setMode: (mode, opts) => (setMode as (m: string, o: unknown) => Promise<unknown>).call(svc, mode, opts) };
      break;
    }
    if (isFn(set)) {
      ports.escalationMode = { setMode: (mode, opts) => (set as (m: string, o: unknown) => Promise<unknown>).call(svc, mode, opts) };
      break;
    }
  }
  return ports;
}

export function snapshotFrom(s: SnapshotLike): Snapshot {
  const source = s.source === 'import' || s.source === 'live' || s.source === 'simulation' ? s.source : 'live';
  return { snapshotId: s.id, source, windowStart: s.windowStart, windowEnd: s.windowEnd, figures: figuresFromMetrics(s.figures), capturedAt: s.createdAt };
}

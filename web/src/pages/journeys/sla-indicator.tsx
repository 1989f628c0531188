// SLA indicator of a journey (5.1.9): time in the current stage against the stage's expected
// duration (targetDays of the definition) — on track, at risk (from 75%), overdue (past 100%).
// Nothing is shown when the stage has no target or the journey has ended.
import { useEffect, useState } from 'react';
import { journeys, type DefinitionDetail } from '../../api/journeys';
import { StatusBadge } from '../../components/status-badge';

const DAY_MS = 86_400_000;
export const AT_RISK_FRACTION = 0.75;

export type SlaLevel = 'on_track' | 'at_risk' | 'overdue';

export function slaLevel(stageStartedAt: string, targetDays: number, now: number): { level: SlaLevel; fraction: number } {
  const fraction = (now - Date.parse(stageStartedAt)) / (targetDays * DAY_MS);
  return { level: fraction > 1 ? 'overdue' : fraction >= AT_RISK_FRACTION ? 'at_risk' : 'on_track', fraction };
}

const LABEL: Record<SlaLevel, string> = { on_track: 'on track', at_risk: 'at risk', overdue: 'overdue' };
const TONE = { on_track: 'ok', at_risk: 'warn', overdue: 'fail' } as const;

export function SlaIndicator({ stageStartedAt, targetDays, now, finished }: { stageStartedAt: string; targetDays: number | null | undefined; now: number; finished: boolean }) {
  if (finished || targetDays === null || targetDays === undefined || targetDays <= 0) return null;
  const { level, fraction } = slaLevel(stageStartedAt, targetDays, now);
  return (
    <span data-testid="sla-indicator" data-level={level}>
      {' '}
      <StatusBadge tone={TONE[level]} title={`${Math.round(fraction * 100)}% of the ${targetDays}-day target for this stage`}>
        {LABEL[level]}
      </StatusBadge>
    </span>
  );
}

// Definitions are immutable per version: one request per id@version for the whole list.
const cache = new Map<string, Promise<DefinitionDetail>>();

/** For the journey list: looks up the stage's target in the journey's definition version. */
export function JourneySlaIndicator({ j, now, finished }: { j: { definitionId: string; definitionVersion: number; currentStage: string; stageStartedAt: string }; now: number; finished: boolean }) {
  const [targetDays, setTargetDays] = useState<number | null>(null);
  useEffect(() => {
    if (finished) return;
    const key = `${j.definitionId}@${j.definitionVersion}`;
    if (!cache.has(key)) cache.set(key, journeys.definition(j.definitionId, j.definitionVersion));
    let live = true;
    cache
      .get(key)!
      .then((d) => {
        if (live) setTargetDays(d.definition.document.stages.find((s) => s.id === j.currentStage)?.targetDays ?? null);
      })
      .catch(() => cache.delete(key));
    return () => {
      live = false;
    };
  }, [j.definitionId, j.definitionVersion, j.currentStage, finished]);
  return <SlaIndicator stageStartedAt={j.stageStartedAt} targetDays={targetDays} now={now} finished={finished} />;
}

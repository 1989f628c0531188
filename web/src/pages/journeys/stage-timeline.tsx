// The journey's stage timeline: the path of the definition (done, current, ahead), then every
// stage entry in order with when it was entered and left and by which event. Rollbacks are marked:
// the stage that was rolled back, and the rollback itself with its trigger, reason and outcome.
import type { JourneyDetail, RollbackRecord, StageVisit } from '../../api/journeys';
import { StatusBadge } from '../../components/status-badge';
import { TimeStamp } from '../../components/time-stamp';
import { formatSpan, humanize, spanBetween, stageName, stageTone } from './journey-format';

function StagePath({ detail }: { detail: JourneyDetail }) {
  const { journey, stages } = detail;
  const path = stages.filter((s) => s.kind === 'active' || (s.kind === 'final' && (s.id === journey.currentStage || s.id !== 'cancelled')));
  return (
    <ol className="jt-path" aria-label="Stages of the definition">
      {path.map((s) => {
        const state = s.id === journey.currentStage ? 'current' : journey.completedStages.includes(s.id) ? 'done' : 'ahead';
        return (
          <li key={s.id} className={`jt-step jt-step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="jt-step-name">{s.name}</span>
            <span className="jt-step-state">{state === 'current' ? 'current' : state === 'done' ? 'done' : s.targetDays === null ? '' : `target ${s.targetDays} d`}</span>
          </li>
        );
      })}
    </ol>
  );
}

function RollbackFacts({ record }: { record: RollbackRecord }) {
  return (
    <p className="jt-rollback" data-testid="rollback-marker">
      <strong>Rollback from {humanize(record.fromStage)}</strong> · trigger <code>{record.trigger}</code> ·{' '}
      {record.automatic ? 'automatic (a metric rule fired)' : `manual, by ${record.actor}`} · target {humanize(record.target)}
      {record.outcome === null ? ' · running the rollback work' : record.outcome === 'resumed' ? ` · resumed at ${humanize(record.resumedStage ?? '')}` : ' · journey cancelled'}
      <span className="jt-reason">Reason: {record.reason}</span>
      {record.evidence.map((e) => (
        <span key={`${e.trigger}-${e.metric}`} className="jt-reason">
          {e.metric} = {e.actual_value} ({e.operator} {e.threshold}): {e.message}
        </span>
      ))}
    </p>
  );
}

export function StageTimeline({ detail, now }: { detail: JourneyDetail; now: number }) {
  const kinds = new Map(detail.stages.map((s) => [s.id, s.kind] as const));
  // The n-th visit of a rollback stage is the n-th rollback record (both are in time order).
  let rollbackIndex = 0;
  const rows = detail.stageHistory.map((v: StageVisit) => {
    const kind = kinds.get(v.stage);
    const record = kind === 'rollback' ? detail.rollbacks[rollbackIndex++] : undefined;
    return { v, kind, record };
  });
  return (
    <section className="panel" aria-labelledby="jt-title">
      <h2 id="jt-title">Stage timeline</h2>
      <StagePath detail={detail} />
      <ol className="jt-visits" aria-label="Stage timeline">
        {rows.map(({ v, kind, record }) => {
          const rolledBack = v.leftOn === 'initiate_rollback';
          return (
            <li
              key={v.seq}
              className={`jt-visit${kind === 'rollback' ? ' jt-visit-rollback' : ''}${rolledBack ? ' jt-visit-rolled-back' : ''}`}
              data-testid="timeline-visit"
              data-stage={v.stage}
            >
              <div className="jt-visit-head">
                <StatusBadge tone={stageTone(v.stage, kind)}>{stageName(detail.stages, v.stage).toUpperCase()}</StatusBadge>
                {v.visit > 1 && <span className="muted">visit {v.visit}</span>}
                {rolledBack && <StatusBadge tone="fail">rolled back</StatusBadge>}
                {v.leftAt === null && <StatusBadge tone="info">current</StatusBadge>}
              </div>
              <p className="jt-when">
                Entered <TimeStamp iso={v.enteredAt} /> on <code>{v.enteredOn}</code>
                {v.leftAt === null ? (
                  <> · for {formatSpan(spanBetween(v.enteredAt, null, now))} so far</>
                ) : (
                  <>
                    {' '}
                    · left <TimeStamp iso={v.leftAt} /> on <code>{v.leftOn ?? '—'}</code> after {formatSpan(spanBetween(v.enteredAt, v.leftAt, now))}
                  </>
                )}
              </p>
              {record !== undefined && <RollbackFacts record={record} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

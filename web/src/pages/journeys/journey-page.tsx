// One journey: its state and role-checked actions, the stage timeline, gate checks, metrics, a live
// Gantt of its units of work and tasks, the task table and its event history. Live: every journey or
// task event about it reloads the page's data; running bars grow with the clock.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { SlaIndicator } from './sla-indicator';
import { Link, useParams } from 'react-router-dom';
import { journeys } from '../../api/journeys';
import type { StreamEvent } from '../../api/types';
import { ErrorNotice } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { StreamStatusBadge } from '../../components/stream-status';
import { TimeStamp } from '../../components/time-stamp';
import { useApiResource } from '../../hooks/use-api-resource';
import { useNow } from '../../hooks/use-now';
import { hasRole } from '../../session/roles';
import { useCurrentSession } from '../../session/session-context';
import { GateChecks } from './gate-checks';
import { JourneyActions } from './journey-actions';
import { formatSpan, spanBetween, stageName, stageTone, STATUS_LABELS, statusTone } from './journey-format';
import { JourneyGantt } from './journey-gantt';
import { JourneyHistory } from './journey-history';
import { MetricsPanel } from './metrics-panel';
import { ActionFailure } from './rejection-notice';
import { StageTimeline } from './stage-timeline';
import { UnitTasks } from './unit-tasks';
import { useLiveReload } from './use-live-reload';
import './journeys.css';

type Outcome = { kind: 'ok'; message: string } | { kind: 'failed'; error: unknown } | null;

function about(id: string) {
  return (event: StreamEvent) => {
    if (event.key === id) return true;
    const payload = event.payload;
    return typeof payload === 'object' && payload !== null && (payload as { journeyId?: unknown }).journeyId === id;
  };
}

export function JourneyPage() {
  const id = useParams().id ?? '';
  const session = useCurrentSession();
  const canAct = session !== null && hasRole(session.role, 'operator');
  const now = useNow(1_000);
  const [outcome, setOutcome] = useState<Outcome>(null);
  // What was done on one journey is not news on the next one.
  useEffect(() => setOutcome(null), [id]);

  const detail = useApiResource((signal) => journeys.get(id, signal), [id]);
  const data = detail.state.data;
  const defId = data?.journey.definitionId;
  const defVersion = data?.journey.definitionVersion;
  const definition = useApiResource((signal) => journeys.definition(defId ?? '', defVersion, signal), [defId, defVersion], { enabled: defId !== undefined });
  const document = definition.state.data?.definition.document ?? null;

  const reload = detail.reload;
  const matches = useMemo(() => about(id), [id]);
  const live = useLiveReload(['journey.*', 'task.*', 'unit.*'], reload, { matches });
  const done = useCallback(
    (message: string) => {
      setOutcome({ kind: 'ok', message });
      reload();
    },
    [reload],
  );
  const failed = useCallback(
    (error: unknown) => {
      setOutcome({ kind: 'failed', error });
      // A refused gate is stored as a validation: show it in the gate panel too.
      reload();
    },
    [reload],
  );

  if (data === null) {
    return (
      <>
        <p>
          <Link to="/journeys">← Journeys</Link>
        </p>
        {detail.state.status === 'error' ? <ErrorNotice error={detail.state.error} action={`load journey ${id}`} /> : <p className="muted">Loading the journey…</p>}
      </>
    );
  }

  const { journey } = data;
  const finished = journey.status === 'completed' || journey.status === 'cancelled';
  return (
    <>
      <p className="jp-back">
        <Link to="/journeys">← Journeys</Link>
      </p>
      <PageHeader
        title={journey.clientId}
        summary={
          <>
            {journey.definitionName} (<code>{journey.definitionId}</code> v{journey.definitionVersion}) · journey <code>{journey.journeyId}</code>
          </>
        }
        actions={<StreamStatusBadge status={live.status} retryInMs={live.retryInMs} />}
      />
      <section className="panel" aria-labelledby="jp-state-title">
        <h2 id="jp-state-title" className="visually-hidden">
          State
        </h2>
        <dl className="facts jp-facts">
          <div>
            <dt>Stage</dt>
            <dd data-testid="current-stage">
              <StatusBadge tone={stageTone(journey.currentStage)}>{stageName(data.stages, journey.currentStage).toUpperCase()}</StatusBadge>
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <StatusBadge tone={statusTone(journey.status)}>{STATUS_LABELS[journey.status]}</StatusBadge>
            </dd>
          </div>
          <div>
            <dt>Started</dt>
            <dd>
              <TimeStamp iso={journey.startedAt} /> by {journey.createdBy}
            </dd>
          </div>
          <div>
            <dt>In this stage</dt>
            <dd>{finished ? 'ended' : formatSpan(spanBetween(journey.stageStartedAt, null, now))}<SlaIndicator stageStartedAt={journey.stageStartedAt} targetDays={data?.stages.find((s) => s.id === journey.currentStage)?.targetDays} now={now} finished={finished} /></dd>
          </div>
          <div>
            <dt>Journey time</dt>
            <dd>{formatSpan(spanBetween(journey.startedAt, finished ? journey.stageStartedAt : null, now))}</dd>
          </div>
        </dl>
        {canAct ? (
          <JourneyActions detail={data} document={document} onDone={done} onFailure={failed} />
        ) : (
          <p className="muted" data-testid="viewer-note">
            You can follow this journey; promoting, rolling back, cancelling and working on tasks need the operator role.
          </p>
        )}
        <div aria-live="polite">
          {outcome?.kind === 'ok' && (
            <p className="notice notice-ok" role="status" data-testid="action-done">
              {outcome.message}
            </p>
          )}
        </div>
        {outcome?.kind === 'failed' && <ActionFailure error={outcome.error} action="do that" />}
        {detail.state.status === 'error' && <ErrorNotice error={detail.state.error} action="refresh the journey" />}
        {definition.state.status === 'error' && <ErrorNotice error={definition.state.error} action="load the journey’s definition" />}
      </section>
      <StageTimeline detail={data} now={now} />
      <div className="jp-grid">
        <GateChecks detail={data} />
        <MetricsPanel detail={data} document={document} canAct={canAct} onReported={done} onFailure={failed} />
      </div>
      <section className="panel" aria-labelledby="jp-work-title">
        <h2 id="jp-work-title">Units of work and tasks</h2>
        <JourneyGantt units={data.units} now={now} startedAt={journey.startedAt} />
        <UnitTasks units={data.units} now={now} canAct={canAct} onDone={done} onFailure={failed} />
      </section>
      <JourneyHistory events={data.events} now={now} />
    </>
  );
}

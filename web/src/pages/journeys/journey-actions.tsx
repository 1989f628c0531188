// The operator's actions on a journey, offered only as the current stage allows them: promote (the
// stage's forward events), roll back (a trigger from the definition — seed 003's list for client
// onboarding — plus a reason, confirmed in a dialog) and cancel (a reason, confirmed).
import { useState } from 'react';
import { journeys, type DefinitionDocument, type JourneyDetail } from '../../api/journeys';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { humanize, stageName } from './journey-format';
import { ActionFailure } from './rejection-notice';

type Dialog = 'rollback' | 'cancel' | null;

export function JourneyActions({
  detail,
  document,
  onDone,
  onFailure,
}: {
  detail: JourneyDetail;
  document: DefinitionDocument | null;
  onDone(message: string): void;
  onFailure(error: unknown): void;
}) {
  const { journey, allowedEvents } = detail;
  const [busy, setBusy] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [trigger, setTrigger] = useState('');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [dialogError, setDialogError] = useState<unknown>(null);
  const triggers = document?.rollbackTriggers ?? [];
  const forward = allowedEvents.filter((e) => e.kind === 'forward');
  const canRollBack = allowedEvents.some((e) => e.kind === 'rollback');
  const canCancel = allowedEvents.some((e) => e.kind === 'cancel');
  const resumeStages = detail.stages.filter((s) => s.kind === 'active');

  async function promote(event: string): Promise<void> {
    setBusy(event);
    try {
      const result = await journeys.sendEvent(journey.journeyId, event);
      const auto = result.automatic.map((a) => ` Then ${a.event}: ${a.from} → ${a.to}.`).join('');
      onDone(`${humanize(event)}: now in ${stageName(detail.stages, result.journey.currentStage)}.${auto}`);
    } catch (failure) {
      onFailure(failure);
    } finally {
      setBusy(null);
    }
  }

  function open(which: Dialog): void {
    setDialog(which);
    setDialogError(null);
    setReason('');
    setTarget('');
    setTrigger(triggers[0]?.id ?? '');
  }

  async function confirm(): Promise<void> {
    if (reason.trim() === '') {
      setDialogError(new Error(`Reason: a ${dialog === 'rollback' ? 'rollback' : 'cancellation'} needs a reason.`));
      return;
    }
    setBusy(dialog);
    setDialogError(null);
    try {
      if (dialog === 'rollback') {
        await journeys.rollback(journey.journeyId, { trigger, reason: reason.trim(), ...(target === '' ? {} : { target }) });
        onDone(`Rollback started (${trigger}): the stage’s rollback work runs, then the journey ${target === 'cancel' ? 'is cancelled' : 'resumes'}.`);
      } else {
        await journeys.cancel(journey.journeyId, reason.trim());
        onDone('Journey cancelled; its open work was cancelled.');
      }
      setDialog(null);
    } catch (failure) {
      setDialogError(failure);
    } finally {
      setBusy(null);
    }
  }

  if (forward.length === 0 && !canRollBack && !canCancel) return <p className="muted">No action is possible in this stage.</p>;
  return (
    <div className="ja-actions" role="group" aria-label="Journey actions">
      {forward.map((e) => (
        <button key={e.event} type="button" className="button button-primary" disabled={busy !== null} onClick={() => void promote(e.event)} title={e.description ?? undefined}>
          {busy === e.event ? 'Sending…' : humanize(e.event)}
        </button>
      ))}
      {canRollBack && (
        <button type="button" className="button button-danger-outline" disabled={busy !== null} onClick={() => open('rollback')}>
          Roll back…
        </button>
      )}
      {canCancel && (
        <button type="button" className="button button-danger-outline" disabled={busy !== null} onClick={() => open('cancel')}>
          Cancel journey…
        </button>
      )}
      {dialog !== null && (
        <ConfirmDialog
          open
          title={dialog === 'rollback' ? `Roll back ${stageName(detail.stages, journey.currentStage)}?` : `Cancel the journey of ${journey.clientId}?`}
          confirmLabel={dialog === 'rollback' ? 'Roll back' : 'Cancel journey'}
          busy={busy !== null}
          onConfirm={() => void confirm()}
          onCancel={() => setDialog(null)}
        >
          <div className="form ja-dialog-form">
            {dialog === 'rollback' && (
              <>
                <p>The stage’s rollback unit of work runs, then the journey resumes at the target stage (or is cancelled).</p>
                <div className="field">
                  <label htmlFor="ja-trigger">Trigger</label>
                  {triggers.length > 0 ? (
                    <select id="ja-trigger" value={trigger} onChange={(e) => setTrigger(e.target.value)}>
                      {triggers.map((t) => (
                        <option key={t.id} value={t.id}>
                          {`${t.id} — ${t.description}`}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input id="ja-trigger" type="text" value={trigger} onChange={(e) => setTrigger(e.target.value)} />
                  )}
                </div>
                <div className="field">
                  <label htmlFor="ja-target">Resume at</label>
                  <select id="ja-target" value={target} onChange={(e) => setTarget(e.target.value)}>
                    <option value="">As the definition decides</option>
                    {resumeStages.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                    <option value="cancel">Cancel the journey</option>
                  </select>
                </div>
              </>
            )}
            {dialog === 'cancel' && <p>Open work is cancelled and the journey ends in its failure stage. This cannot be undone.</p>}
            <div className="field">
              <label htmlFor="ja-reason">Reason</label>
              <textarea id="ja-reason" rows={3} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
            </div>
            {dialogError !== null && <ActionFailure error={dialogError} action={dialog === 'rollback' ? 'roll back' : 'cancel the journey'} />}
          </div>
        </ConfirmDialog>
      )}
    </div>
  );
}

// Retry or cancel one task, confirmed in a dialog that asks why: the reason (1–500 characters) is
// sent with the action and kept in the audit log. An empty reason is refused here, before any request.
import { useState } from 'react';
import { journeys, type Task } from '../../api/journeys';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ActionFailure } from './rejection-notice';

export type TaskAction = 'retry' | 'cancel';

const WORDING: Record<TaskAction, { title: (t: Task) => string; confirm: string; explain: string; noun: string; done: (t: Task) => string; failing: string }> = {
  retry: {
    title: (t) => `Retry ${t.name}?`,
    confirm: 'Retry task',
    explain: 'The task is queued again with a fresh retry budget.',
    noun: 'a retry',
    done: (t) => `${t.name}: queued again with a fresh retry budget.`,
    failing: 'retry the task',
  },
  cancel: {
    title: (t) => `Cancel ${t.name}?`,
    confirm: 'Cancel task',
    explain: 'The task will not run (again); its unit of work reflects it. It can be retried later.',
    noun: 'a cancellation',
    done: (t) => `${t.name}: cancelled.`,
    failing: 'cancel the task',
  },
};

export function TaskActionDialog({ task, action, onClose, onDone }: { task: Task; action: TaskAction; onClose(): void; onDone(message: string): void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const w = WORDING[action];

  async function confirm(): Promise<void> {
    const why = reason.trim();
    if (why === '') {
      setError(new Error(`Reason: ${w.noun} needs a reason.`));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (action === 'retry') await journeys.retryTask(task.id, why);
      else await journeys.cancelTask(task.id, why);
      onDone(w.done(task));
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog open title={w.title(task)} confirmLabel={w.confirm} busy={busy} onConfirm={() => void confirm()} onCancel={onClose}>
      <div className="form ja-dialog-form">
        <p>{w.explain}</p>
        <div className="field">
          <label htmlFor="ta-reason">Reason</label>
          <textarea id="ta-reason" rows={3} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </div>
        {error !== null && <ActionFailure error={error} action={w.failing} />}
      </div>
    </ConfirmDialog>
  );
}

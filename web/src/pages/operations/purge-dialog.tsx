// The purge confirmation: a dry run says how many dead letters match and what confirms them; the
// operator types the queue name or that count and a reason. The server checks both again.
import { useEffect, useState } from 'react';
import { queues, type BulkOutcome, type DeadLetterFilter } from '../../api/queues';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';

export function PurgeDialog({ filter, onClose, onPurged }: { filter: DeadLetterFilter; onClose(): void; onPurged(r: BulkOutcome): void }) {
  const [preview, setPreview] = useState<BulkOutcome | null>(null);
  const [confirm, setConfirm] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    queues.purge(filter, '', '', true).then(setPreview, setError);
  }, [JSON.stringify(filter)]);

  const typedOk = preview !== null && preview.confirmWith.includes(confirm.trim());
  const reasonOk = reason.trim().length >= 3;

  async function purge(): Promise<void> {
    if (!typedOk || !reasonOk) {
      setError(new Error(!typedOk ? `Type ${preview?.confirmWith.map((c) => `"${c}"`).join(' or ') ?? 'the confirmation'} to confirm.` : 'Say why (at least 3 characters).'));
      return;
    }
    setBusy(true);
    try {
      onPurged(await queues.purge(filter, confirm.trim(), reason.trim(), false));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog open title="Purge dead letters" confirmLabel="Purge" busy={busy} onConfirm={() => void purge()} onCancel={onClose}>
      {preview === null ? (
        <p className="muted">Counting what matches…</p>
      ) : (
        <>
          <p data-testid="purge-count">
            {preview.matched} dead letter(s) match. Purged tasks are cancelled and kept in the purge trail with your name and reason.
          </p>
          <div className="field">
            <label htmlFor="purge-confirm">Type {preview.confirmWith.map((c) => `“${c}”`).join(' or ')} to confirm</label>
            <input id="purge-confirm" type="text" autoComplete="off" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="purge-reason">Reason</label>
            <input id="purge-reason" type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
        </>
      )}
      {error !== null && <ErrorNotice error={error} action="purge" />}
    </ConfirmDialog>
  );
}

// Markdown and CSV downloads of the analysis on screen; a failed export says why next to the buttons.
import { useState } from 'react';
import { downloadText, type ExportFormat } from '../../api/advisor';
import { ErrorNotice } from '../../components/error-notice';

export function ExportButtons({ name, load }: { name: string; load: (format: ExportFormat) => Promise<string> }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function run(format: ExportFormat): Promise<void> {
    setBusy(format);
    setError(null);
    try {
      downloadText(`${name}.${format}`, await load(format), format);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="export-buttons">
      <span className="muted">Export:</span>
      <button type="button" className="button" onClick={() => void run('md')} disabled={busy !== null}>
        {busy === 'md' ? 'Preparing…' : 'Markdown'}
      </button>
      <button type="button" className="button" onClick={() => void run('csv')} disabled={busy !== null}>
        {busy === 'csv' ? 'Preparing…' : 'CSV'}
      </button>
      {error !== null && <ErrorNotice error={error} action="export" />}
    </div>
  );
}

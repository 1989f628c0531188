// Imports a sequence JSON file (operator): the server repairs its encoding, validates it and stores a
// new version. Errors come back with their JSON pointer or line and column; findings of a stored
// version are listed as warnings and errors.
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { uploadSequence, type PublishedSequence } from '../../api/sequences';
import { ErrorNotice } from '../../components/error-notice';
import { IssueList } from './issue-list';

export function UploadForm({ onPublished }: { onPublished(published: PublishedSequence): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [published, setPublished] = useState<PublishedSequence | null>(null);
  const [fileName, setFileName] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (file === undefined) {
      setError(new Error('Choose a sequence JSON file first.'));
      return;
    }
    setBusy(true);
    setError(null);
    setPublished(null);
    setFileName(file.name);
    try {
      const result = await uploadSequence(await file.text());
      setPublished(result);
      onPublished(result);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="seq-upload-title">
      <h2 id="seq-upload-title">Import a sequence</h2>
      <form className="form form-row" onSubmit={(event) => void submit(event)}>
        <div className="field grow">
          <label htmlFor="seq-upload-file">Sequence JSON file</label>
          <input id="seq-upload-file" ref={input} type="file" accept=".json,application/json" aria-describedby="seq-upload-help" />
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </form>
      <p id="seq-upload-help" className="field-help">
        A musical-sequence document. It is stored as the next version of its id; earlier versions are kept. Consistency
        findings do not stop the import: they are listed here and on the sequence page.
      </p>
      {error !== null && <ErrorNotice error={error} action={fileName === '' ? 'import the sequence' : `import ${fileName}`} />}
      {published !== null && (
        <div className="notice notice-ok" role="status" data-testid="upload-result">
          <p className="notice-title">
            Imported “{published.name}” as version {published.version} of <code>{published.id}</code>
          </p>
          <p>
            {published.movements} movements, {published.beats} beats, {published.warnings} warnings, {published.errors} errors
            {published.repaired ? '; its text was UTF-8 read as Windows-1252 and has been repaired' : ''}.{' '}
            <Link to={`/sequences/${encodeURIComponent(published.id)}`}>Open it</Link>
          </p>
          {published.issues.length > 0 && <IssueList issues={published.issues} linkToCards={false} />}
        </div>
      )}
    </section>
  );
}

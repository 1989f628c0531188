// "Analyse your own": a JSON text box whose syntax errors are caught in the browser with their
// position, and whose content errors come back from the server with their JSON pointers.
import { useState, type FormEvent } from 'react';

export function OwnInput({ label, placeholder, onAnalyse, busy }: { label: string; placeholder: string; onAnalyse(body: unknown): void; busy: boolean }) {
  const [text, setText] = useState('');
  const [syntax, setSyntax] = useState<string | null>(null);

  function submit(event: FormEvent): void {
    event.preventDefault();
    try {
      const body: unknown = JSON.parse(text);
      setSyntax(null);
      onAnalyse(body);
    } catch (failure) {
      setSyntax(failure instanceof Error ? failure.message : 'not valid JSON');
    }
  }

  return (
    <details className="panel">
      <summary>{label}</summary>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="own-json">JSON</label>
          <textarea id="own-json" className="toolkit-input" value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} spellCheck={false} aria-invalid={syntax !== null} />
          {syntax !== null && (
            <p className="field-help" role="alert">
              Not valid JSON: {syntax}
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary" disabled={busy || text.trim() === ''}>
          Analyse
        </button>
      </form>
    </details>
  );
}

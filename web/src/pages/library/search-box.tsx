// The library's search field: typing updates the URL after a short pause (debounced), so each
// keystroke does not become a request or a history entry; the URL stays the source of truth.
import { useEffect, useId, useState } from 'react';

export const SEARCH_DEBOUNCE_MS = 300;

export function SearchBox({ value, onCommit }: { value: string; onCommit(text: string): void }) {
  const [text, setText] = useState(value);
  const id = useId();

  // The URL changed from outside (back button, a link): show its words. Spacing differences are
  // ignored so the field does not eat the space the user just typed between two words.
  useEffect(() => {
    setText((current) => (current.trim() === value.trim() ? current : value));
  }, [value]);

  useEffect(() => {
    if (text.trim() === value.trim()) return undefined;
    const timer = setTimeout(() => onCommit(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // onCommit is a fresh closure each render; only the text and the committed value matter.
  }, [text, value]);

  return (
    <div className="field grow" role="search">
      <label htmlFor={id}>Search patterns</label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={200}
        placeholder="e.g. escalation backlog, SLA, handoffs"
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter searches at once instead of waiting for the pause.
          if (event.key === 'Enter') onCommit(text);
        }}
      />
    </div>
  );
}

// Picks the context the operations pages narrow to (agent / journey / client / queue); the choice
// lives in the URL (?ctx=kind:id) and in this tab's session, so it follows the operator around.
import { useEffect, useState, type FormEvent } from 'react';
import { CONTEXT_KINDS, useContextSelection, type ContextKind } from '../hooks/use-context-selection';

export function ContextSelector() {
  const { selection, select } = useContextSelection();
  const [kind, setKind] = useState<ContextKind>(selection?.kind ?? 'journey');
  const [id, setId] = useState(selection?.id ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (selection !== null) {
      setKind(selection.kind);
      setId(selection.id);
    }
  }, [selection?.kind, selection?.id]);

  function apply(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const trimmed = id.trim();
    if (trimmed === '' || /\s/.test(trimmed)) {
      setProblem('Enter an id without spaces.');
      return;
    }
    setProblem(null);
    select({ kind, id: trimmed });
  }

  return (
    <form className="filters context-selector" onSubmit={apply} aria-label="Context selector">
      <div className="field inline">
        <label htmlFor="ctx-kind">Context kind</label>
        <select id="ctx-kind" value={kind} onChange={(e) => setKind(e.target.value as ContextKind)}>
          {CONTEXT_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor="ctx-id">Context id</label>
        <input id="ctx-id" type="text" value={id} placeholder="e.g. J-123 or fail-n-times" onChange={(e) => setId(e.target.value)} aria-invalid={problem !== null} />
      </div>
      <button type="submit" className="button">
        Select
      </button>
      {selection !== null && (
        <button type="button" className="button button-ghost-dark" onClick={() => select(null)}>
          Clear context
        </button>
      )}
      <span className="muted" role="status">
        {problem ?? (selection === null ? 'No context selected' : `Showing ${selection.kind} ${selection.id}`)}
      </span>
    </form>
  );
}

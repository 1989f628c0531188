// Completes (or declines) a human task waiting for a person: an output JSON object — its `metrics`
// are reported to the journey, e.g. {"metrics": {"stakeholder_demo_approved": 1}} — checked before
// sending, with the parse error's position when it is not JSON.
import { useState, type FormEvent } from 'react';
import { journeys, type Task } from '../../api/journeys';

export type ParsedOutput = { ok: true; output: Record<string, unknown> } | { ok: false; message: string };

export function parseOutput(text: string): ParsedOutput {
  if (text.trim() === '') return { ok: true, output: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    return { ok: false, message: `Output is not JSON: ${cause instanceof Error ? cause.message : 'unparseable'}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'Output must be a JSON object, for example {"metrics": {"stakeholder_demo_approved": 1}}' };
  return { ok: true, output: value as Record<string, unknown> };
}

export function HumanTaskForm({ task, onDone, onFailure }: { task: Task; onDone(message: string): void; onFailure(error: unknown): void }) {
  const [text, setText] = useState('{\n  "metrics": {}\n}');
  const [outcome, setOutcome] = useState<'completed' | 'failed'>('completed');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `ht-${task.key}`;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const parsed = parseOutput(text);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    if (outcome === 'failed' && reason.trim() === '') {
      setProblem('Reason: say why the task is declined.');
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await journeys.completeTask(task.id, { outcome, output: parsed.output, ...(reason.trim() === '' ? {} : { reason: reason.trim() }) });
      onDone(`${task.name}: ${outcome === 'completed' ? 'completed' : 'declined'}.`);
    } catch (failure) {
      onFailure(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form jh-form" onSubmit={(e) => void submit(e)} aria-label={`Complete ${task.name}`}>
      <div className="field">
        <label htmlFor={`${base}-output`}>Output (JSON object)</label>
        <textarea
          id={`${base}-output`}
          className="jm-lines"
          rows={4}
          spellCheck={false}
          value={text}
          aria-invalid={problem !== null}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${base}-outcome`}>Outcome</label>
          <select id={`${base}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value === 'failed' ? 'failed' : 'completed')}>
            <option value="completed">Completed</option>
            <option value="failed">Declined (fails the task)</option>
          </select>
        </div>
        <div className="field grow">
          <label htmlFor={`${base}-reason`}>Note or reason</label>
          <input id={`${base}-reason`} type="text" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Sending…' : 'Complete task'}
        </button>
      </div>
      {problem !== null && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

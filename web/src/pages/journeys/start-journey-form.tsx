// Starts a journey (operator): a definition — the built-in client onboarding or a registered one —
// and a client name; on success the portal opens the new journey.
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { journeys, type DefinitionSummary } from '../../api/journeys';
import { ActionFailure } from './rejection-notice';

const SOURCE_LABELS: Readonly<Record<DefinitionSummary['source'], string>> = { builtin: 'built in', user: 'registered', sequence: 'from a sequence' };

export function StartJourneyForm({ definitions }: { definitions: readonly DefinitionSummary[] }) {
  const navigate = useNavigate();
  const [definition, setDefinition] = useState('');
  const [client, setClient] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // Preselect client onboarding (seed 003's journey) once the definitions arrive.
  useEffect(() => {
    if (definition !== '' || definitions.length === 0) return;
    setDefinition(definitions.find((d) => d.id === 'client-onboarding')?.id ?? definitions[0]!.id);
  }, [definitions, definition]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (client.trim() === '') {
      setError(new Error('Client: give the client’s name or id.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const started = await journeys.start({ definition, clientId: client.trim() });
      navigate(`/journeys/${encodeURIComponent(started.journey.journeyId)}`);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const chosen = definitions.find((d) => d.id === definition);
  return (
    <section className="panel" aria-labelledby="start-journey-title">
      <h2 id="start-journey-title">Start a journey</h2>
      <form className="form form-row" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="sj-definition">Definition</label>
          <select id="sj-definition" value={definition} onChange={(e) => setDefinition(e.target.value)} required>
            {definitions.map((d) => (
              <option key={d.id} value={d.id}>
                {`${d.name} (${SOURCE_LABELS[d.source]}, v${d.version})`}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="sj-client">Client</label>
          <input id="sj-client" type="text" value={client} maxLength={100} onChange={(e) => setClient(e.target.value)} aria-describedby="sj-help" />
        </div>
        <button type="submit" className="button button-primary" disabled={busy || definition === ''}>
          {busy ? 'Starting…' : 'Start journey'}
        </button>
      </form>
      <p id="sj-help" className="field-help">
        {chosen === undefined ? 'Choose a definition.' : `${chosen.stages.join(' → ')}. ${chosen.description ?? ''}`}
      </p>
      {error !== null && <ActionFailure error={error} action="start the journey" />}
    </section>
  );
}

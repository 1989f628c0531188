// The journey list's filters (stage, status, client, definition). Selects apply at once; the client
// box applies on submit. The URL holds the applied filter, so the back button and shared links work.
import { useEffect, useState, type FormEvent } from 'react';
import { JOURNEY_STATUSES, type DefinitionSummary, type JourneyStatus } from '../../api/journeys';
import { hasFilters, type JourneyFilter } from './journey-query';
import { humanize, STATUS_LABELS } from './journey-format';

export function JourneyFilters({
  filter,
  definitions,
  onChange,
}: {
  filter: JourneyFilter;
  definitions: readonly DefinitionSummary[];
  onChange(next: JourneyFilter): void;
}) {
  const [client, setClient] = useState(filter.client);
  useEffect(() => setClient(filter.client), [filter.client]);
  // Stages of the chosen definition, or of every definition, in their declared order.
  const scope = filter.definition === '' ? definitions : definitions.filter((d) => d.id === filter.definition);
  const stages = [...new Set(scope.flatMap((d) => d.stages))];
  if (filter.stage !== '' && !stages.includes(filter.stage)) stages.push(filter.stage);
  const apply = (change: Partial<JourneyFilter>) => onChange({ ...filter, ...change, page: 1 });

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    apply({ client: client.trim() });
  }

  return (
    <form className="filters journey-filters" aria-label="Journey filters" onSubmit={submit}>
      <div className="field inline">
        <label htmlFor="jf-definition">Definition</label>
        <select id="jf-definition" value={filter.definition} onChange={(e) => apply({ definition: e.target.value })}>
          <option value="">All</option>
          {definitions.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
          {filter.definition !== '' && !definitions.some((d) => d.id === filter.definition) && <option value={filter.definition}>{filter.definition}</option>}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor="jf-stage">Stage</label>
        <select id="jf-stage" value={filter.stage} onChange={(e) => apply({ stage: e.target.value })}>
          <option value="">All</option>
          {stages.map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor="jf-status">Status</label>
        <select id="jf-status" value={filter.status} onChange={(e) => apply({ status: e.target.value as JourneyStatus | '' })}>
          <option value="">All</option>
          {JOURNEY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor="jf-client">Client</label>
        <input id="jf-client" type="text" value={client} placeholder="exact client id" onChange={(e) => setClient(e.target.value)} />
      </div>
      <button type="submit" className="button">
        Apply
      </button>
      {hasFilters(filter) && (
        <button type="button" className="button" onClick={() => onChange({ stage: '', status: '', client: '', definition: '', page: 1 })}>
          Clear filters
        </button>
      )}
    </form>
  );
}

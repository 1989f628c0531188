// The journey list as a table: client (linking to the journey), definition, current stage, status,
// when it started and how long it has been in its stage.
import { Link } from 'react-router-dom';
import { JourneySlaIndicator } from './sla-indicator';
import type { DefinitionSummary, Journey } from '../../api/journeys';
import { StatusBadge } from '../../components/status-badge';
import { TimeStamp } from '../../components/time-stamp';
import { formatSpan, humanize, spanBetween, STATUS_LABELS, stageTone, statusTone } from './journey-format';

export function JourneyTable({ items, definitions, now }: { items: readonly Journey[]; definitions: readonly DefinitionSummary[]; now: number }) {
  const nameOf = (id: string) => definitions.find((d) => d.id === id)?.name ?? id;
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Journeys">
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Definition</th>
            <th scope="col">Stage</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col">Time in stage</th>
          </tr>
        </thead>
        <tbody>
          {items.map((j) => {
            const finished = j.status === 'completed' || j.status === 'cancelled';
            return (
              <tr key={j.journeyId} data-testid="journey-row" data-journey={j.journeyId}>
                <th scope="row">
                  <Link to={`/journeys/${encodeURIComponent(j.journeyId)}`}>{j.clientId}</Link>
                  <span className="cell-note">
                    <code>{j.journeyId}</code>
                  </span>
                </th>
                <td>
                  {nameOf(j.definitionId)}
                  <span className="cell-note">
                    {j.definitionId} v{j.definitionVersion}
                  </span>
                </td>
                <td>
                  <StatusBadge tone={stageTone(j.currentStage)}>{humanize(j.currentStage)}</StatusBadge>
                </td>
                <td>
                  <StatusBadge tone={statusTone(j.status)}>{STATUS_LABELS[j.status]}</StatusBadge>
                </td>
                <td>
                  <TimeStamp iso={j.startedAt} relativeTo={now} />
                </td>
                <td className="nowrap">
                  {finished ? <span className="muted">ended</span> : formatSpan(spanBetween(j.stageStartedAt, null, now))}
                  <JourneySlaIndicator j={j} now={now} finished={finished} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

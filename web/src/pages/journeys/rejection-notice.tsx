// What the API answered when it refused an action: its message, the events the stage allows, each
// failing gate check with actual vs expected, or the units of work still open. Other failures are
// shown with the shared error notice (field pointers included).
import { isJourneyRefusal } from '../../api/journeys';
import { ErrorNotice } from '../../components/error-notice';
import { ChecksTable } from './checks-table';
import { humanize } from './journey-format';

export function ActionFailure({ error, action }: { error: unknown; action: string }) {
  if (!isJourneyRefusal(error) || error.rejection === null) return <ErrorNotice error={error} action={action} />;
  const r = error.rejection;
  return (
    <div className="notice notice-error" role="alert" data-testid="rejection">
      <p className="notice-title">
        {humanize(r.event)} refused{r.stage === null ? '' : ` in stage ${humanize(r.stage)}`}
      </p>
      <p>{r.message}</p>
      <p>
        Allowed events now:{' '}
        {r.allowed.length === 0 ? (
          'none'
        ) : (
          <span className="jr-allowed" data-testid="allowed-events">
            {r.allowed.map((e) => (
              <code key={e}>{e}</code>
            ))}
          </span>
        )}
      </p>
      {r.validation !== undefined && (
        <>
          {!r.message.includes(r.validation.summary) && <p>{r.validation.summary}</p>}
          <ChecksTable checks={r.validation.checks} label="Failing gate checks" />
        </>
      )}
      {r.incompleteUnits !== undefined && r.incompleteUnits.length > 0 && (
        <ul className="field-errors">
          {r.incompleteUnits.map((u) => (
            <li key={u.id}>
              <code>{u.id}</code> is {u.status}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

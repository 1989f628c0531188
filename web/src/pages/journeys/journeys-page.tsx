// The Journeys section: seed 003's success metrics, the journey list (filters in the URL, live
// refresh from the event stream) and, for operators, the form that starts a journey.
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { journeys } from '../../api/journeys';
import type { StreamEvent } from '../../api/types';
import { ErrorNotice } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { StreamStatusBadge } from '../../components/stream-status';
import { useApiResource } from '../../hooks/use-api-resource';
import { useNow } from '../../hooks/use-now';
import { sectionById } from '../../layout/sections';
import { hasRole } from '../../session/roles';
import { useCurrentSession } from '../../session/session-context';
import { JourneyDashboard } from './journey-dashboard';
import { JourneyFilters } from './journey-filters';
import { hasFilters, PAGE_SIZE, readJourneyFilter, toListQuery, writeJourneyFilter, type JourneyFilter } from './journey-query';
import { JourneyTable } from './journey-table';
import { StartJourneyForm } from './start-journey-form';
import { useLiveReload } from './use-live-reload';
import './journeys.css';

export function JourneysPage() {
  const section = sectionById('journeys');
  const session = useCurrentSession();
  const canAct = session !== null && hasRole(session.role, 'operator');
  const [params, setParams] = useSearchParams();
  const filter = readJourneyFilter(params);
  const now = useNow(5_000);
  const [metricsRefresh, setMetricsRefresh] = useState(0);

  const definitions = useApiResource((signal) => journeys.definitions(signal), []);
  const query = toListQuery(filter);
  const list = useApiResource((signal) => journeys.list(query, signal), [JSON.stringify(query)]);
  const reloadList = list.reload;
  const onLive = useCallback(
    (batch: readonly StreamEvent[]) => {
      reloadList();
      // The metrics read journey events only; task progress alone does not change them.
      if (batch.length === 0 || batch.some((e) => e.topic.startsWith('journey.'))) setMetricsRefresh((n) => n + 1);
    },
    [reloadList],
  );
  const live = useLiveReload(['journey.*', 'task.*'], onLive);

  const setFilter = (next: JourneyFilter) => setParams((current) => writeJourneyFilter(current, next));
  const defs = definitions.state.data?.items ?? [];
  const data = list.state.data;
  const scope = filter.definition === '' ? 'client-onboarding' : filter.definition;
  const pages = data === null ? 1 : Math.max(1, Math.ceil(data.total / PAGE_SIZE));

  return (
    <>
      <PageHeader title={section.label} summary={section.summary} />
      <JourneyDashboard definitionId={scope} definitionName={defs.find((d) => d.id === scope)?.name ?? scope} refresh={metricsRefresh} />
      <section className="panel" aria-labelledby="journey-list-title">
        <div className="panel-head">
          <h2 id="journey-list-title">Journeys{data !== null && <span className="muted"> · {data.total}</span>}</h2>
          <div className="actions-row">
            <StreamStatusBadge status={live.status} retryInMs={live.retryInMs} />
            <button type="button" className="button" onClick={list.reload} disabled={list.state.status === 'loading'}>
              Refresh
            </button>
          </div>
        </div>
        {definitions.state.status === 'error' && <ErrorNotice error={definitions.state.error} action="list the journey definitions" />}
        <JourneyFilters filter={filter} definitions={defs} onChange={setFilter} />
        {list.state.status === 'error' && <ErrorNotice error={list.state.error} action="list the journeys" />}
        {data === null && list.state.status === 'loading' && <p className="muted">Loading journeys…</p>}
        {data !== null && data.items.length === 0 && (
          <p className="muted">{hasFilters(filter) ? 'No journey matches these filters.' : 'No journey has been started yet.'}</p>
        )}
        {data !== null && data.items.length > 0 && <JourneyTable items={data.items} definitions={defs} now={now} />}
        {pages > 1 && (
          <nav className="actions-row" aria-label="Journey pages">
            <button type="button" className="button" disabled={filter.page <= 1} onClick={() => setFilter({ ...filter, page: filter.page - 1 })}>
              Newer
            </button>
            <span className="muted">
              Page {filter.page} of {pages}
            </span>
            <button type="button" className="button" disabled={filter.page >= pages} onClick={() => setFilter({ ...filter, page: filter.page + 1 })}>
              Older
            </button>
          </nav>
        )}
        {live.problem !== null && <p className="muted">Live updates: {live.problem}</p>}
      </section>
      {canAct ? <StartJourneyForm definitions={defs} /> : <p className="muted">Starting a journey needs the operator role.</p>}
    </>
  );
}

// The journey list's state as it lives in the URL (stage, status, client, definition, page), so a
// copied link reproduces the same view; reading tolerates hand-edited URLs, writing omits defaults.
import { JOURNEY_STATUSES, type JourneyListQuery, type JourneyStatus } from '../../api/journeys';

export const PAGE_SIZE = 25;
const MAX_PAGE = 10_000;
const MAX_TEXT = 100;

export interface JourneyFilter {
  stage: string;
  status: JourneyStatus | '';
  client: string;
  definition: string;
  page: number;
}

export const emptyJourneyFilter: JourneyFilter = { stage: '', status: '', client: '', definition: '', page: 1 };

function isStatus(value: string): value is JourneyStatus {
  return (JOURNEY_STATUSES as readonly string[]).includes(value);
}

const text = (params: URLSearchParams, name: string) => (params.get(name) ?? '').trim().slice(0, MAX_TEXT);

export function readJourneyFilter(params: URLSearchParams): JourneyFilter {
  const status = text(params, 'status');
  const page = Number(params.get('page') ?? '1');
  return {
    stage: text(params, 'stage'),
    status: isStatus(status) ? status : '',
    client: text(params, 'client'),
    definition: text(params, 'definition'),
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** Writes the filter over `current`, keeping parameters other parts of the page own. */
export function writeJourneyFilter(current: URLSearchParams, filter: JourneyFilter): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const name of ['stage', 'status', 'client', 'definition'] as const) {
    const value = filter[name].trim();
    if (value === '') next.delete(name);
    else next.set(name, value);
  }
  if (filter.page > 1) next.set('page', String(filter.page));
  else next.delete('page');
  return next;
}

/** The API query for a view: empty filters left out, the page turned into an offset. */
export function toListQuery(filter: JourneyFilter): JourneyListQuery {
  return {
    ...(filter.stage === '' ? {} : { stage: filter.stage }),
    ...(filter.status === '' ? {} : { status: filter.status }),
    ...(filter.client === '' ? {} : { client: filter.client }),
    ...(filter.definition === '' ? {} : { definition: filter.definition }),
    limit: PAGE_SIZE,
    offset: (filter.page - 1) * PAGE_SIZE,
  };
}

export function hasFilters(filter: JourneyFilter): boolean {
  return filter.stage !== '' || filter.status !== '' || filter.client !== '' || filter.definition !== '';
}

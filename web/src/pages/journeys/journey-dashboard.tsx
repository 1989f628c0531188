// The card row of seed 003's primary metrics, computed by the server from the journey event log
// (GET /api/journeys/metrics), with the seed's baseline and target beside each.
import { journeys } from '../../api/journeys';
import { ErrorNotice } from '../../components/error-notice';
import { StatusBadge, type Tone } from '../../components/status-badge';
import { useApiResource } from '../../hooks/use-api-resource';
import type { JourneyMetrics, Ratio } from '../../api/journeys';

const percent = (r: Ratio) => (r.rate === null ? '—' : `${Math.round(r.rate * 1000) / 10}%`);
const days = (d: number | null) => (d === null ? '—' : `${d < 10 ? Math.round(d * 10) / 10 : Math.round(d)} d`);

interface Card {
  id: string;
  title: string;
  value: string;
  tone: Tone;
  verdict: string;
  detail: string;
  seed: string;
}

function cards(m: JourneyMetrics): Card[] {
  const ttp = m.timeToProduction.averageDays;
  const judge = (ok: boolean | null): [Tone, string] => (ok === null ? ['neutral', 'no data yet'] : ok ? ['ok', 'on target'] : ['warn', 'off target']);
  const [ttpTone, ttpVerdict] = judge(ttp === null ? null : ttp <= 30);
  const [sTone, sVerdict] = judge(m.successRate.rate === null ? null : m.successRate.rate >= 0.9);
  const [rTone, rVerdict] = judge(m.rollbackRate.rate === null ? null : m.rollbackRate.rate < 0.1);
  const [fTone, fVerdict] = judge(m.firstPassRate.rate === null ? null : m.firstPassRate.rate >= 0.95);
  return [
    {
      id: 'time-to-production',
      title: 'Time to production',
      value: days(ttp),
      tone: ttpTone,
      verdict: ttpVerdict,
      detail: `average from start to first entry into Production, over ${m.timeToProduction.reached} journey${m.timeToProduction.reached === 1 ? '' : 's'} (median ${days(m.timeToProduction.medianDays)})`,
      seed: 'baseline 90 d · target 30 d',
    },
    {
      id: 'client-success-rate',
      title: 'Client success rate',
      value: percent(m.successRate),
      tone: sTone,
      verdict: sVerdict,
      detail: `${m.successRate.count} reached Production of ${m.successRate.of} decided (reached, or cancelled before it)`,
      seed: 'baseline 75% · target 90%+',
    },
    {
      id: 'rollback-rate',
      title: 'Rollback rate',
      value: percent(m.rollbackRate),
      tone: rTone,
      verdict: rVerdict,
      detail: `${m.rollbackRate.count} of ${m.rollbackRate.of} journeys entered Rollback at least once`,
      seed: 'baseline 30% · target < 10%',
    },
    {
      id: 'first-pass-rate',
      title: 'First-pass exit-criteria rate',
      value: percent(m.firstPassRate),
      tone: fTone,
      verdict: fVerdict,
      detail: `${m.firstPassRate.count} of ${m.firstPassRate.of} gated promotions passed on their first attempt in the stage`,
      seed: 'target 95%+',
    },
  ];
}

export function JourneyDashboard({ definitionId, definitionName, refresh }: { definitionId: string | null; definitionName: string; refresh: number }) {
  // `refresh` changes when live journey events arrive; the previous figures stay on screen meanwhile.
  const resource = useApiResource((signal) => journeys.successMetrics(definitionId, signal), [refresh, definitionId]);
  const metrics = resource.state.data;
  return (
    <section className="panel" aria-labelledby="jd-title">
      <div className="panel-head">
        <h2 id="jd-title">Journey success metrics</h2>
        <span className="muted">{definitionId === null ? 'All definitions' : definitionName}</span>
      </div>
      {resource.state.status === 'error' && <ErrorNotice error={resource.state.error} action="compute the journey metrics" />}
      {metrics === null && resource.state.status === 'loading' && <p className="muted">Reading the journey event log…</p>}
      {metrics !== null && (
        <>
          <ul className="jd-cards" aria-label="Journey success metrics">
            {cards(metrics).map((c) => (
              <li key={c.id} className="jd-card" data-testid={`metric-${c.id}`}>
                <span className="jd-card-title">{c.title}</span>
                <span className="jd-card-value">{c.value}</span>
                <StatusBadge tone={c.tone}>{c.verdict}</StatusBadge>
                <span className="jd-card-detail">{c.detail}</span>
                <span className="jd-card-seed">Seed 003: {c.seed}</span>
              </li>
            ))}
          </ul>
          <p className="field-help">
            Computed by the server from the journey event log over {metrics.journeys} journey
            {metrics.journeys === 1 ? '' : 's'}
            {definitionId === null ? '' : ` of ${definitionName}`}.
          </p>
        </>
      )}
    </section>
  );
}

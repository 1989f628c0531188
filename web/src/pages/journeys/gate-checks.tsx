// Exit-criteria gates as validated: the latest validation of each transition (failing ones first),
// every check with actual vs expected, and how many attempts that transition has had.
import type { JourneyDetail, Validation } from '../../api/journeys';
import { StatusBadge } from '../../components/status-badge';
import { TimeStamp } from '../../components/time-stamp';
import { ChecksTable } from './checks-table';
import { humanize, plural, stageName } from './journey-format';

/** The newest validation per (stage, event, target), failing ones first, then newest first. */
export function latestValidations(validations: readonly Validation[]): Array<{ latest: Validation; attempts: number }> {
  const groups = new Map<string, { latest: Validation; attempts: number }>();
  for (const v of validations) {
    const key = `${v.stage}|${v.event}|${v.targetStage}`;
    const seen = groups.get(key);
    if (seen === undefined) groups.set(key, { latest: v, attempts: 1 });
    else groups.set(key, { latest: v.id > seen.latest.id ? v : seen.latest, attempts: seen.attempts + 1 });
  }
  return [...groups.values()].sort((a, b) => Number(a.latest.passed) - Number(b.latest.passed) || b.latest.id - a.latest.id);
}

export function GateChecks({ detail }: { detail: JourneyDetail }) {
  const groups = latestValidations(detail.validations);
  return (
    <section className="panel" aria-labelledby="jg-checks-title">
      <h2 id="jg-checks-title">Gate checks</h2>
      {groups.length === 0 && <p className="muted">No gate has been evaluated yet: a promotion evaluates its stage’s exit criteria (and the next stage’s entry criteria).</p>}
      {groups.map(({ latest: v, attempts }) => (
        <article key={v.id} className="jc-gate" data-testid="gate" data-event={v.event} data-passed={v.passed ? 'true' : 'false'} aria-label={`Gate ${v.event} from ${v.stage}`}>
          <h3 className="jc-gate-head">
            <StatusBadge tone={v.passed ? 'ok' : 'fail'}>{v.passed ? 'passed' : 'failed'}</StatusBadge>
            <span>
              {stageName(detail.stages, v.stage)} → {stageName(detail.stages, v.targetStage)} <code>{v.event}</code>
            </span>
          </h3>
          <p className="muted">
            Latest of {plural(attempts, 'attempt')}: <TimeStamp iso={v.createdAt} /> by {v.actor}. {v.summary}
          </p>
          <ChecksTable checks={v.checks} label={`Checks of ${humanize(v.event)}`} />
        </article>
      ))}
    </section>
  );
}

// The HQO scorecard as a bar chart: one bar per dimension on a 0–5 scale, the pass threshold drawn
// across every bar, the total against its minimum, a pass/fail verdict and each score's evidence.
import { useId, useState } from 'react';
import { StatusBadge } from './status-badge';

export interface ScorecardCriterion {
  id: string;
  met: boolean;
  evidence: string;
}

export interface ScorecardDimension {
  id: string;
  name: string;
  score: number;
  max: number;
  criteria: readonly ScorecardCriterion[];
}

/** What the chart needs of a scorecard (the API's scorecard has more fields; they are ignored). */
export interface ScorecardChartData {
  dimensions: readonly ScorecardDimension[];
  totalScore: number;
  maxScore: number;
  minDimensionScore: number;
  minTotalScore: number;
  passed: boolean;
  failures: ReadonlyArray<{ rule: string; message: string }>;
}

export interface ScorecardChartProps {
  scorecard: ScorecardChartData;
  /** Dimensions whose evidence is open; give it with `onToggle` to keep the state outside (e.g. in the URL). */
  openIds?: readonly string[];
  onToggle?(id: string): void;
}

const percent = (value: number, max: number): string => `${max <= 0 ? 0 : Math.max(0, Math.min(100, (value / max) * 100))}%`;

export function ScorecardChart({ scorecard, openIds, onToggle }: ScorecardChartProps) {
  const [ownOpen, setOwnOpen] = useState<readonly string[]>([]);
  const open = openIds ?? ownOpen;
  const toggle =
    onToggle ?? ((id: string) => setOwnOpen((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id])));
  const baseId = useId();
  const scaleMax = Math.max(1, ...scorecard.dimensions.map((d) => d.max));
  const threshold = scorecard.minDimensionScore;
  const ticks = Array.from({ length: scaleMax + 1 }, (_, i) => i);

  return (
    <div className="scorecard-chart" data-testid="scorecard-chart">
      <div className="scorecard-summary">
        <p className="scorecard-total">
          <span className="scorecard-total-value" data-testid="scorecard-total">
            {scorecard.totalScore}/{scorecard.maxScore}
          </span>
          <span className="muted"> total, {scorecard.minTotalScore} needed</span>
        </p>
        <StatusBadge tone={scorecard.passed ? 'ok' : 'fail'}>
          <span data-testid="scorecard-verdict">{scorecard.passed ? 'Passed' : 'Not passed'}</span>
        </StatusBadge>
        <span className="scorecard-legend">
          <span className="scorecard-legend-line" aria-hidden="true" /> pass threshold: every dimension ≥ {threshold}
        </span>
      </div>

      <ul className="scorecard-rows" aria-label="Score per dimension">
        {scorecard.dimensions.map((dimension) => {
          const isOpen = open.includes(dimension.id);
          const evidenceId = `${baseId}-${dimension.id}`;
          const below = dimension.score < threshold;
          return (
            <li key={dimension.id} className="scorecard-row" data-dimension={dimension.id}>
              <span className="scorecard-name">{dimension.name}</span>
              <span
                className="scorecard-track"
                role="img"
                aria-label={`${dimension.name}: ${dimension.score} of ${dimension.max}${below ? `, below the threshold of ${threshold}` : ''}`}
              >
                <span className={`scorecard-bar ${below ? 'is-below' : 'is-met'}`} style={{ width: percent(dimension.score, scaleMax) }} />
                <span className="scorecard-threshold" style={{ left: percent(threshold, scaleMax) }} aria-hidden="true" />
              </span>
              <span className={`scorecard-score ${below ? 'is-below' : ''}`}>
                {dimension.score}/{dimension.max}
              </span>
              <button
                type="button"
                className="button button-small scorecard-toggle"
                aria-expanded={isOpen}
                aria-controls={evidenceId}
                onClick={() => toggle(dimension.id)}
              >
                {isOpen ? 'Hide evidence' : 'Evidence'}
                <span className="visually-hidden"> for {dimension.name}</span>
              </button>
              {isOpen && (
                <ul id={evidenceId} className="scorecard-evidence" aria-label={`Evidence for ${dimension.name}`}>
                  {dimension.criteria.map((criterion) => (
                    <li key={criterion.id} className={criterion.met ? 'is-met' : 'is-unmet'}>
                      <span className="scorecard-mark" aria-hidden="true">
                        {criterion.met ? '✓' : '✗'}
                      </span>
                      <span className="visually-hidden">{criterion.met ? 'Met: ' : 'Not met: '}</span>
                      {criterion.evidence}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      <div className="scorecard-axis" aria-hidden="true">
        <span />
        <span className="scorecard-ticks">
          {ticks.map((tick) => (
            <span key={tick} style={{ left: percent(tick, scaleMax) }}>
              {tick}
            </span>
          ))}
        </span>
      </div>

      {scorecard.failures.length > 0 && (
        <div className="notice notice-error scorecard-failures">
          <p className="notice-title">Why it does not pass</p>
          <ul>
            {scorecard.failures.map((failure) => (
              <li key={failure.rule}>
                <code>{failure.rule}</code> {failure.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

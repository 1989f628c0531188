// The COO router: free text in, the four skills scored out (bars, with each matched phrase and
// its weight), the questions still open, and a plan whose steps lead to the analyses.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { advisorApi, type RouteResult } from '../../api/advisor';
import { BarChart } from '../../components/charts/bar-chart';
import { ErrorNotice } from '../../components/error-notice';
import { ExplanationList } from './explanation-list';
import { ExportButtons } from './export-buttons';
import { ANALYSIS_PAGES } from './tabs';

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function RouterPage() {
  const [problem, setProblem] = useState('');
  const [result, setResult] = useState<RouteResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await advisorApi.route(problem));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h2>Problem router</h2>
      <p className="muted">Describe an operational problem in your own words; the router scores the four skills of seed 004 with a transparent phrase scorer.</p>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="problem">Operational problem</label>
          <textarea
            id="problem"
            className="toolkit-input prose"
            value={problem}
            onChange={(e) => setProblem(e.target.value)}
            placeholder="e.g. Escalated tickets pile up in L2 and we miss the SLA; we need a plan by the end of Q3."
            required
          />
        </div>
        <button type="submit" className="button button-primary" disabled={busy || problem.trim() === ''}>
          {busy ? 'Routing…' : 'Route the problem'}
        </button>
      </form>
      {error !== null && <ErrorNotice error={error} action="route the problem" />}
      {result !== null && <RouteView result={result} />}
    </>
  );
}

function RouteView({ result }: { result: RouteResult }) {
  const chosen = result.scores.find((s) => s.skill === result.chosen) ?? null;
  return (
    <>
      <section className="panel" aria-labelledby="scores-title">
        <div className="panel-head">
          <h2 id="scores-title">Skill scores</h2>
        </div>
        <p className="summary-line" data-testid="route-choice">
          {chosen === null ? 'No skill matched: say what is slow, late, risky or unmeasured.' : `Route to ${chosen.name} (${chosen.score} points, ${pct(chosen.share)}).`}
        </p>
        <BarChart
          title="Skill scores"
          description={result.scores.map((s) => `${s.name}: ${s.score} points`).join('; ')}
          rows={result.scores.map((s) => ({
            id: s.skill,
            label: s.name,
            segments: [{ key: 'score', label: 'score', value: s.score, className: 'bar-primary' }],
            ...(s.skill === result.chosen ? { highlight: 'chosen' } : {}),
          }))}
          unit="points"
        />
        <div className="table-wrap">
          <table className="table compact" aria-label="Matched phrases">
            <thead>
              <tr>
                <th scope="col">Skill</th>
                <th scope="col" className="numeric">
                  Score
                </th>
                <th scope="col">Matched phrases (weight)</th>
              </tr>
            </thead>
            <tbody>
              {result.scores.map((s) => (
                <tr key={s.skill} data-skill={s.skill}>
                  <th scope="row">{s.name}</th>
                  <td className="numeric">{s.score}</td>
                  <td>{s.matches.length === 0 ? <span className="muted">no matching phrase</span> : s.matches.map((m) => `“${m.matched}” +${m.weight}`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ExportButtons name="advice" load={(format) => advisorApi.exportAnalysis('route', { problem: result.problem }, format)} />
      </section>
      <div className="two-columns">
        <section className="panel" aria-labelledby="questions-title">
          <h2 id="questions-title">Clarifying questions</h2>
          {result.questions.length === 0 ? (
            <p className="muted">{result.chosen === null ? 'None until a skill is chosen.' : 'Every question is already answered.'}</p>
          ) : (
            <ul>
              {result.questions.map((q) => (
                <li key={q.id}>{q.question}</li>
              ))}
            </ul>
          )}
          {result.answered.length > 0 && (
            <>
              <h3>Already answered</h3>
              <ul>
                {result.answered.map((q) => (
                  <li key={q.id}>
                    {q.question} <span className="muted">({q.answeredBy})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section className="panel" aria-labelledby="types-title">
          <h2 id="types-title">Library problem types</h2>
          {result.problemTypes.length === 0 ? (
            <p className="muted">None recognised.</p>
          ) : (
            <ul>
              {result.problemTypes.map((p) => (
                <li key={p.type}>
                  <strong>{p.type}</strong> <span className="muted">({p.matches.map((m) => `“${m.matched}”`).join(', ')})</span>
                </li>
              ))}
            </ul>
          )}
          {result.patterns !== null && result.patterns.length > 0 && (
            <ul>
              {result.patterns.map((p) => (
                <li key={p.slug}>
                  <Link to={`/library/${encodeURIComponent(p.slug)}`}>{p.title}</Link> <span className="muted">({p.sharedTypes.join(', ')})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {result.plan !== null && (
        <section className="panel" aria-labelledby="plan-title">
          <h2 id="plan-title">Plan: {result.plan.name}</h2>
          <p className="muted">Chosen because {result.plan.reason}.</p>
          <ol>
            {result.plan.steps.map((s) => (
              <li key={s.order}>
                <strong>{s.analysis === null ? s.step : <Link to={ANALYSIS_PAGES[s.analysis]}>{s.step}</Link>}</strong> → {s.output}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section className="panel">
        <ExplanationList lines={result.explanation} />
      </section>
    </>
  );
}

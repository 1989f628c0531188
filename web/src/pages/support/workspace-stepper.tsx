// Where the team stands in seed 000: the nine stages as a stepper (done, current, next, later) with
// the beat each stands for, and what blocks the next step.
import type { WorkspaceDetail } from '../../api/workspaces';

const MARK: Readonly<Record<string, string>> = { done: '✓', current: '●', next: '○', later: '·' };
const COLOR: Readonly<Record<string, string>> = { done: '#1f7a3d', current: '#2f6fb3', next: '#8a5a00', later: '#6b7785' };

export function WorkspaceStepper({ detail }: { detail: WorkspaceDetail }) {
  const { journey } = detail;
  return (
    <section className="panel" aria-labelledby="ws-journey-title">
      <h3 id="ws-journey-title">Journey</h3>
      <ol aria-label="Workspace journey" style={{ listStyle: 'none', padding: 0, display: 'grid', gap: '0.35rem' }}>
        {journey.steps.map((s) => (
          <li key={s.stage} data-stage={s.stage} data-status={s.status} aria-current={s.status === 'current' ? 'step' : undefined} style={{ display: 'grid', gridTemplateColumns: '1.5rem 12rem 1fr', gap: '0.5rem', alignItems: 'baseline' }}>
            <span aria-hidden="true" style={{ color: COLOR[s.status], fontWeight: 700 }}>
              {MARK[s.status]}
            </span>
            <span style={{ fontWeight: s.status === 'current' ? 700 : 400 }}>
              {s.label} <span className="visually-hidden">({s.status})</span>
            </span>
            <span className="muted">
              {s.beat}
              {s.at !== null && ` · ${s.at.slice(0, 16).replace('T', ' ')}`}
            </span>
          </li>
        ))}
      </ol>
      {journey.window !== null && (
        <p data-testid="ws-window">
          Stabilization window {journey.window.elapsed ? 'ended' : 'ends'} {journey.window.endsAt.slice(0, 16).replace('T', ' ')} UTC
          {!journey.window.elapsed && ` (${journey.window.daysLeft} day(s) left)`}.
        </p>
      )}
      {journey.next === null ? (
        <p className="notice notice-ok">The journey is complete: lessons are recorded on the pattern.</p>
      ) : journey.next.blockers.length > 0 ? (
        <div className="notice notice-warn" data-testid="ws-blockers">
          <p className="notice-title">Next step “{journey.next.step}” is blocked by</p>
          <ul>
            {journey.next.blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p data-testid="ws-next">
          Next step: <strong>{journey.next.step}</strong>
        </p>
      )}
    </section>
  );
}

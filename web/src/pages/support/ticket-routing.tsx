// The Smart Router's decisions for one ticket, newest first: every candidate with its load against
// capacity, score and why it was or was not eligible, then the agent chosen and the reason.
import type { RoutingDecision } from '../../api/tickets';
import { StatusBadge } from '../../components/status-badge';
import { TimeStamp } from '../../components/time-stamp';

export function TicketRouting({ decisions }: { decisions: readonly RoutingDecision[] }) {
  return (
    <section className="panel" aria-labelledby="ticket-routing">
      <h3 id="ticket-routing">Routing decisions</h3>
      {decisions.length === 0 && <p className="muted">The router has not decided anything for this ticket yet.</p>}
      {decisions.map((d, i) => (
        <article key={d.id} data-testid="routing-decision" data-latest={i === 0 ? 'true' : 'false'} aria-label={`Routing decision ${d.id}`}>
          <p>
            <TimeStamp iso={d.decidedAt} /> · {d.strategy} · {d.mode}
            {d.mode === 'shadow' && <span className="muted"> (recorded only, not assigned)</span>}
          </p>
          <p data-testid="routing-outcome">
            {d.chosenAgentId === null ? <StatusBadge tone="warn">no agent chosen</StatusBadge> : <>Chosen: <strong data-testid="routing-chosen">{d.chosenAgentId}</strong></>}
            {' — '}
            <span data-testid="routing-reason">{d.reason}</span>
          </p>
          {d.candidates.length > 0 && (
            <div className="table-wrap">
              <table className="table" aria-label={`Candidates of decision ${d.id}`}>
                <thead>
                  <tr>
                    <th scope="col">Agent</th>
                    <th scope="col">Load</th>
                    <th scope="col">Score</th>
                    <th scope="col">Eligible</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {d.candidates.map((c) => (
                    <tr key={c.agentId} data-agent={c.agentId} data-chosen={c.agentId === d.chosenAgentId ? 'true' : 'false'}>
                      <td>
                        {c.agentId === d.chosenAgentId ? <strong>{c.agentId}</strong> : c.agentId}
                      </td>
                      <td>
                        <meter aria-label={`Load of ${c.agentId}`} min={0} max={Math.max(1, c.max)} value={c.load} /> {c.load} / {c.max}
                      </td>
                      <td>{Number.isFinite(c.score) ? c.score.toFixed(2) : String(c.score)}</td>
                      <td>{c.eligible ? <StatusBadge tone="ok">eligible</StatusBadge> : <StatusBadge tone="neutral">not eligible</StatusBadge>}</td>
                      <td>{c.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}

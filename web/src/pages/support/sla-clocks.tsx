// SLA clock bars: time used against the breach threshold, coloured at warning and breach. Used by the
// SLA page and, for one ticket, by the ticket detail page (<TicketSlaClocks ticketId=… />).
import { sla, type SlaClock } from '../../api/sla';
import { ErrorNotice } from '../../components/error-notice';
import { useApiResource } from '../../hooks/use-api-resource';
import { clockTone, timeLeft } from './sla-format';

const TONE_COLOUR = { ok: '#2f855a', warning: '#b7791f', breached: '#c53030', met: '#718096', paused: '#4a5568' } as const;

export function ClockBar({ clock }: { clock: SlaClock }) {
  const tone = clockTone(clock);
  const pct = Math.max(0, Math.min(100, clock.fraction * 100));
  return (
    <div className="sla-clock" data-tone={tone} data-ticket={clock.ticketId} data-metric={clock.metric}>
      <div role="meter" aria-label={`${clock.ticketId} ${clock.metric.replace('_', ' ')}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)} aria-valuetext={timeLeft(clock)}
        style={{ position: 'relative', height: 10, background: '#e2e8f0', borderRadius: 4, minWidth: 160 }}>
        <div style={{ width: `${pct}%`, height: '100%', background: TONE_COLOUR[tone], borderRadius: 4 }} />
        <div title="warning threshold" style={{ position: 'absolute', top: -2, bottom: -2, left: `${clock.warningFraction * 100}%`, width: 2, background: '#1a202c' }} />
      </div>
      <span className="muted">{timeLeft(clock)} ({tone})</span>
    </div>
  );
}

export function TicketSlaClocks({ ticketId }: { ticketId: string }) {
  const r = useApiResource((signal) => sla.ticket(ticketId, signal), [ticketId], { pollMs: 15_000 });
  if (r.state.status === 'error') return <ErrorNotice error={r.state.error} action="load the SLA clocks" />;
  const clocks = r.state.data?.clocks ?? [];
  return (
    <section className="panel" aria-labelledby="ticket-sla">
      <h3 id="ticket-sla">SLA</h3>
      {clocks.length === 0 ? <p className="muted">No SLA clocks.</p> : (
        <dl>
          {clocks.map((c) => (
            <div key={c.metric}>
              <dt>{c.metric === 'first_response' ? 'First response' : 'Resolution'} <span className="muted">(policy {c.policyId} v{c.policyVersion})</span></dt>
              <dd><ClockBar clock={c} /></dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

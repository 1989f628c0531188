// Support → Simulation: edit the workload (team, arrivals, priority mix, seed), run As-Is against
// Orchestrated on the same seed, and compare them as bars per metric and backlog lines over time.
import { useEffect, useState, type FormEvent } from 'react';
import { sim, type SimRun, type SimWorkload } from '../../api/sim';
import { BarChart, type BarRow } from '../../components/charts/bar-chart';
import { ErrorNotice } from '../../components/error-notice';
import { SimBacklogChart } from './sim-backlog-chart';

const METRICS = [
  { key: 'mttrHours', label: 'MTTR', unit: 'h', scale: 1 },
  { key: 'firstResponseHours', label: 'Time to first response', unit: 'h', scale: 1 },
  { key: 'slaBreachRate', label: 'SLA breach rate', unit: '%', scale: 100 },
  { key: 'reEscalationRate', label: 'Re-escalation rate', unit: '%', scale: 100 },
] as const;
const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

function numberField(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}

export function SimulationPage() {
  const [workload, setWorkload] = useState<SimWorkload | null>(null);
  const [seed, setSeed] = useState('42');
  const [run, setRun] = useState<SimRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const ctrl = new AbortController();
    sim.example(ctrl.signal).then((e) => setWorkload(e.workload), (e: unknown) => !ctrl.signal.aborted && setError(e));
    return () => ctrl.abort();
  }, []);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (!workload) return;
    setBusy(true);
    setError(null);
    try {
      const { days, team, arrivals, priorityMix } = workload;
      setRun(await sim.run({ seed: numberField(seed), workload: { days, team, arrivals, priorityMix } }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const setTeam = (i: number, field: 'count' | 'capacity', v: string) =>
    workload && setWorkload({ ...workload, team: workload.team.map((g, j) => (j === i ? { ...g, [field]: numberField(v) } : g)) });

  return (
    <>
      <h2>Simulation</h2>
      <p className="muted">
        Predicts the pattern&apos;s effect before anyone builds it: As-Is routes round-robin into personal queues with no SLA monitor (a stuck ticket
        escalates when the customer chases); Orchestrated routes to the agent with the most spare capacity and lets the SLA Monitor warn and escalate.
        Both run on the same seed, so the same arrivals meet both.
      </p>
      {workload && (
        <form className="panel" onSubmit={submit} aria-label="Workload">
          <div className="form-grid">
            <label>
              Seed <input name="seed" inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} />
            </label>
            <label>
              Days <input name="days" inputMode="numeric" value={Number.isNaN(workload.days) ? '' : workload.days} onChange={(e) => setWorkload({ ...workload, days: numberField(e.target.value) })} />
            </label>
            <label>
              Tickets per weekday{' '}
              <input name="ticketsPerDay" inputMode="numeric" value={Number.isNaN(workload.arrivals.ticketsPerDay) ? '' : workload.arrivals.ticketsPerDay} onChange={(e) => setWorkload({ ...workload, arrivals: { ...workload.arrivals, ticketsPerDay: numberField(e.target.value) } })} />
            </label>
          </div>
          <fieldset>
            <legend>Team</legend>
            {workload.team.map((g, i) => (
              <div key={g.tier} className="form-grid">
                <label>
                  {g.tier} agents <input name={`${g.tier}-count`} inputMode="numeric" value={Number.isNaN(g.count) ? '' : g.count} onChange={(e) => setTeam(i, 'count', e.target.value)} />
                </label>
                <label>
                  {g.tier} capacity each <input name={`${g.tier}-capacity`} inputMode="numeric" value={Number.isNaN(g.capacity) ? '' : g.capacity} onChange={(e) => setTeam(i, 'capacity', e.target.value)} />
                </label>
              </div>
            ))}
          </fieldset>
          <fieldset>
            <legend>Priority mix (relative shares)</legend>
            <div className="form-grid">
              {PRIORITIES.map((p) => (
                <label key={p}>
                  {p} <input name={`mix-${p}`} inputMode="decimal" value={Number.isNaN(workload.priorityMix[p]) ? '' : workload.priorityMix[p]} onChange={(e) => setWorkload({ ...workload, priorityMix: { ...workload.priorityMix, [p]: numberField(e.target.value) } })} />
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Simulating…' : 'Run simulation'}
          </button>
        </form>
      )}
      {error !== null && <ErrorNotice error={error} action="run the simulation" />}
      {run && (
        <section className="panel" aria-labelledby="sim-results">
          <h3 id="sim-results">
            As-Is vs Orchestrated <span className="muted">· seed {run.seed}, {run.days} days, {run.asIs.ticketsCreated} tickets</span>
          </h3>
          {METRICS.map((m) => {
            const rows: BarRow[] = (['asIs', 'orchestrated'] as const).map((side) => ({
              id: side,
              label: side === 'asIs' ? 'As-Is' : 'Orchestrated',
              segments: [{ key: m.key, label: m.label, value: Math.round((run[side][m.key] ?? 0) * m.scale * 10) / 10, className: side === 'asIs' ? 'bar-wait' : 'bar-primary' }],
            }));
            return <BarChart key={m.key} title={m.label} description={`${m.label}: As-Is ${rows[0]!.segments[0]!.value} ${m.unit}, Orchestrated ${rows[1]!.segments[0]!.value} ${m.unit}`} rows={rows} unit={m.unit} labelWidth={140} />;
          })}
          <h4>Open tickets over time</h4>
          <SimBacklogChart
            everyHours={run.sampleEveryHours}
            series={[
              { key: 'asIs', label: 'As-Is', values: run.asIs.backlog, color: '#e6a23c', dashed: true },
              { key: 'orchestrated', label: 'Orchestrated', values: run.orchestrated.backlog, color: 'var(--accent)' },
            ]}
          />
          <p className="muted">
            Legend: As-Is in orange (dashed) · Orchestrated in the accent colour (solid). Peak agents over capacity: As-Is {run.asIs.peakAgentsOverCapacity}, Orchestrated {run.orchestrated.peakAgentsOverCapacity}.
          </p>
        </section>
      )}
    </>
  );
}

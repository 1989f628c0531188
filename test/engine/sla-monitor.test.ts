// The SLA monitor on both drivers with an injected clock: clocks started by the ticket observer, warning
// at 80 %, breach at 100 % with escalation a tier up, pauses, business hours, de-duplication, policy
// versions kept per ticket, shadow mode suppressing alerts and escalation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import { readEvents } from '../../src/store/events-repo';
import { Runtime } from '../../src/engine/runtime';
import { ticketClocks } from '../../src/store/sla-clocks-repo';
import { listAlerts } from '../../src/store/alert-records-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';

const M = 60_000;
let nowMs = Date.parse('2026-06-03T10:00:00.000Z'); // a Wednesday
const clock = { now: () => new Date(nowMs) };

async function topicsFor(db: Db, key: string): Promise<string[]> {
  return (await readEvents(db, { key, limit: 1000 })).map((e) => e.topic).filter((t) => t.startsWith('sla.') || t.startsWith('alert.'));
}

describe.each(DRIVERS)('SLA monitor on %s', (driver) => {
  let db: Db;
  let rt: Runtime;
  beforeAll(async () => {
    db = await openTestDb(driver);
    rt = new Runtime({ db, clock, kind: 'cli' });
  });
  afterAll(async () => {
    await db.close();
  });

  it('starts both clocks on the default policy, warns at 80 %, breaches at 100 % and moves the ticket a tier up, once', async () => {
    const t = await rt.tickets.create({ subject: 'Checkout down', priority: 'urgent' }, 'tester');
    const clocks = await ticketClocks(db, t.id);
    expect(clocks.map((c) => [c.metric, c.policyId, c.policyVersion, c.breachAt! - c.startedAt])).toEqual([
      ['first_response', 'default', 1, 60 * M],
      ['resolution', 'default', 1, 240 * M],
    ]);
    expect(clocks[0]!.nextCheckAt).toBe(nowMs + 48 * M);
    const stored = await rt.tickets.get(t.id);
    expect(stored.slaPolicyId).toBe('default');
    expect(stored.slaPolicyVersion).toBe(1);
    expect(Date.parse(stored.slaDueAt!)).toBe(nowMs + 60 * M);

    nowMs += 47 * M;
    await rt.sla.checkDue();
    expect(await topicsFor(db, t.id)).toEqual([]);
    nowMs += 1 * M;
    await rt.sla.checkDue();
    await rt.sla.checkDue();
    expect(await topicsFor(db, t.id)).toEqual(['sla.warning']);
    nowMs += 12 * M;
    await rt.sla.checkDue();
    await rt.sla.checkDue();
    const topics = await topicsFor(db, t.id);
    expect(topics.filter((x) => x === 'sla.breached')).toHaveLength(1);
    expect(topics).toContain('sla.escalated');
    const after = await rt.tickets.get(t.id);
    expect(after.tier).toBe('L2');
    expect(after.escalationCount).toBe(1);
    const alerts = await listAlerts(db, { ticketId: t.id, limit: 10 });
    expect(alerts.map((a) => a.dedupKey).sort()).toEqual([`${t.id}:first_response:breach`, `${t.id}:first_response:escalation-1`, `${t.id}:first_response:warning`]);
    expect(alerts.every((a) => a.suppressedReason === null)).toBe(true);
  });

  it('pausing while pending excludes that time; solving meets both clocks', async () => {
    const t = await rt.tickets.create({ subject: 'Invoice question', priority: 'high' }, 'tester');
    const start = nowMs;
    nowMs += 10 * M;
    await rt.tickets.changeStatus(t.id, { status: 'pending' }, 'tester');
    let [fr] = await ticketClocks(db, t.id);
    expect(fr!.nextCheckAt).toBeNull();
    nowMs += 300 * M; // far past the 4 h target, but waiting on the customer
    await rt.sla.checkDue();
    expect(await topicsFor(db, t.id)).toEqual([]);
    await rt.tickets.changeStatus(t.id, { status: 'open' }, 'tester');
    [fr] = await ticketClocks(db, t.id);
    expect(fr!.pausedMs).toBe(300 * M);
    expect(fr!.breachAt).toBe(start + 240 * M + 300 * M);
    nowMs += 5 * M;
    await rt.tickets.changeStatus(t.id, { status: 'solved' }, 'tester');
    const clocks = await ticketClocks(db, t.id);
    expect(clocks.every((c) => c.metAt === nowMs && c.nextCheckAt === null)).toBe(true);
    expect((await topicsFor(db, t.id)).filter((x) => x === 'sla.met')).toHaveLength(2);
  });

  it('counts business hours, and tickets keep the policy version they started with', async () => {
    await rt.sla.config.saveCalendar('office', { name: 'Office', timeZone: 'Europe/Berlin', weekly: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }], wed: [{ start: '09:00', end: '17:00' }], thu: [{ start: '09:00', end: '17:00' }], fri: [{ start: '09:00', end: '17:00' }] }, holidays: ['2026-06-08'] }, 'tester', false);
    const targets = { urgent: { firstResponseMinutes: 60, resolutionMinutes: 240 }, high: { firstResponseMinutes: 120, resolutionMinutes: 480 }, normal: { firstResponseMinutes: 240, resolutionMinutes: 960 }, low: { firstResponseMinutes: 480, resolutionMinutes: 2400 } };
    await rt.sla.config.savePolicy('office-hours', { name: 'Office hours', targets, calendarId: 'office', isDefault: true }, 'tester', false);
    nowMs = Date.parse('2026-06-05T16:00:00.000Z'); // Friday 18:00 Berlin, after hours
    const t = await rt.tickets.create({ subject: 'Weekend ticket', priority: 'high' }, 'tester');
    const [fr] = await ticketClocks(db, t.id);
    expect(fr!.policyId).toBe('office-hours');
    // Monday 8 June is a holiday: 120 business minutes run Tuesday 09:00–11:00 Berlin (07:00–09:00Z).
    expect(new Date(fr!.breachAt!).toISOString()).toBe('2026-06-09T09:00:00.000Z');
    await rt.sla.config.savePolicy('office-hours', { name: 'Office hours', targets: { ...targets, high: { firstResponseMinutes: 30, resolutionMinutes: 480 } }, calendarId: 'office', isDefault: true }, 'tester', true);
    const [again] = await ticketClocks(db, t.id);
    expect(again!.policyVersion).toBe(1);
    const t2 = await rt.tickets.create({ subject: 'Later ticket', priority: 'high' }, 'tester');
    expect((await ticketClocks(db, t2.id))[0]!.policyVersion).toBe(2);
    await rt.sla.config.savePolicy('default', { name: 'Default support SLA', targets: { urgent: { firstResponseMinutes: 60, resolutionMinutes: 240 }, high: { firstResponseMinutes: 240, resolutionMinutes: 1440 }, normal: { firstResponseMinutes: 480, resolutionMinutes: 4320 }, low: { firstResponseMinutes: 1440, resolutionMinutes: 7200 } }, isDefault: true }, 'tester', true);
  });

  it('in shadow mode records alerts as suppressed and neither sends nor escalates', async () => {
    await db.query(`INSERT INTO settings (key, value, updated_at) VALUES ('escalation.mode', '"shadow"'::jsonb, now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`);
    const ch = await rt.sla.channels.create({ kind: 'webhook', name: 'hook', url: 'http://127.0.0.1:9/none', secret: 'a-long-enough-secret' }, 'tester');
    const t = await rt.tickets.create({ subject: 'Shadow ticket', priority: 'urgent' }, 'tester');
    nowMs += 61 * M;
    await rt.sla.checkDue();
    const alerts = await listAlerts(db, { ticketId: t.id, limit: 10 });
    expect(alerts.length).toBeGreaterThanOrEqual(2);
    expect(alerts.every((a) => a.suppressedReason === 'shadow')).toBe(true);
    expect((await rt.sla.channels.deliveries({ channelId: ch.id, limit: 10 })).length).toBe(0);
    expect((await rt.tickets.get(t.id)).tier).toBe('L1');
    expect(await topicsFor(db, t.id)).toContain('alert.suppressed');
    await db.query(`DELETE FROM settings WHERE key = 'escalation.mode'`);
  });

  it('rejects bad configuration with pointers and unknown ids with 404', async () => {
    await expect(rt.sla.config.savePolicy('bad', { name: 'x', targets: {}, warningPercent: 120 }, 't', false)).rejects.toMatchObject({ code: 'OW_VALIDATION', errors: expect.arrayContaining([expect.objectContaining({ pointer: '/targets/urgent' })]) });
    await expect(rt.sla.config.savePolicy('bad', { name: 'x', targets: { urgent: { firstResponseMinutes: 1, resolutionMinutes: 2 }, high: { firstResponseMinutes: 1, resolutionMinutes: 2 }, normal: { firstResponseMinutes: 1, resolutionMinutes: 2 }, low: { firstResponseMinutes: 1, resolutionMinutes: 2 } }, calendarId: 'nope' }, 't', false)).rejects.toMatchObject({ errors: [{ pointer: '/calendarId' }] });
    await expect(rt.sla.config.getPolicy('missing')).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
  });
});

// The help desk service on both drivers: search ranks a journey found by its client name, the
// detective explains a task failed until dead-lettered from the stored events, a ticket is created
// from that finding, and unknown subjects are 404s that create nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import type { JourneyRuntime } from '../../src/engine/journey-runtime';
import { HelpdeskService } from '../../src/engine/helpdesk-service';
import { TicketService } from '../../src/engine/ticket-service';
import { listTickets } from '../../src/store/ticket-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';
import { TestClock, journeyRuntime } from './journey-helpers';

describe.each(DRIVERS)('help desk on %s', (driver) => {
  let db: Db;
  let jr: JourneyRuntime;
  let hd: HelpdeskService;
  let taskId: string;
  let journeyId: string;
  beforeAll(async () => {
    db = await openTestDb(driver);
    const clock = new TestClock();
    jr = journeyRuntime(db, clock);
    await jr.definitions.ensureBuiltins();
    hd = new HelpdeskService(db, clock, new TicketService(db, clock));
    const started = await jr.journeys.start({ definition: 'client-onboarding', clientId: 'initech-9', metadata: { clientName: 'Initech Logistics' } }, 'tester');
    journeyId = (started as unknown as { journey: { journeyId: string } }).journey.journeyId;
    const [t] = await jr.tasks.enqueue({ tasks: [{ key: 'x', handler: 'fail-n-times', input: { failures: 9, message: 'quota exceeded' }, retry: { maxRetries: 2, baseDelayMs: 0, maxDelayMs: 0 } }] }, 'tester');
    taskId = t!.id;
    while ((await jr.worker!.drain()) > 0);
  });
  afterAll(async () => {
    await db.close();
  });

  it('finds the journey and the client by the client name', async () => {
    const r = await hd.search('initech log');
    expect(r.map((x) => [x.type, x.id])).toEqual(expect.arrayContaining([['client', 'initech-9'], ['journey', journeyId]]));
  });

  it('explains the dead-lettered task with three failures as evidence, then turns the finding into a ticket', async () => {
    const findings = await hd.detective({ kind: 'task', id: taskId });
    const f = findings.find((x) => x.kind === 'repeated_handler_errors');
    expect(f?.evidence).toHaveLength(3);
    expect(f?.explanation).toContain('"quota exceeded"');
    const { ticket } = await hd.ticketFromFinding({ subject: { kind: 'task', id: taskId }, findingKind: 'repeated_handler_errors' }, 'ops');
    expect(ticket).toMatchObject({ priority: 'urgent', requester: 'ops' });
    expect(ticket.description).toContain('/help-desk/playbooks/handler-errors');
    expect((await listTickets(db, { limit: 10 })).map((t) => t.id)).toContain(ticket.id);
  });

  it('answers 404 for unknown subjects and creates nothing', async () => {
    const before = (await listTickets(db, { limit: 100 })).length;
    await expect(hd.detective({ kind: 'journey', id: 'nope' })).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
    await expect(hd.client('nobody')).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
    await expect(hd.ticketFromFinding({ subject: { kind: 'task', id: taskId }, findingKind: 'sla_breach' }, 'ops')).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
    expect((await listTickets(db, { limit: 100 })).length).toBe(before);
  });
});

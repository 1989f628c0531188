import { describe, expect, it } from 'vitest';
import { readiness } from '../../src/engine/health';
import { WorkerRegistration } from '../../src/engine/worker-registry';
import { migrate } from '../../src/store/migrate';
import { DRIVERS, openTestDb } from '../helpers/databases';

const clock = { now: () => new Date() };

describe.each(DRIVERS)('readiness on %s', (driver) => {
  it('fails while migrations are pending, then is ready, and warns with no live worker', async () => {
    const db = await openTestDb(driver, { migrate: false });
    try {
      const before = await readiness(db, clock);
      expect(before.status).toBe('fail');
      expect(before.checks.find((c) => c.name === 'migrations')).toMatchObject({ status: 'fail' });
      await migrate(db);
      const after = await readiness(db, clock);
      expect(after.status).toBe('ok');
      expect(after.checks.find((c) => c.name === 'workers')).toMatchObject({ status: 'warn' });
      const reg = new WorkerRegistration(db, clock, 'worker', 'health-test');
      await reg.start();
      expect((await readiness(db, clock)).checks.find((c) => c.name === 'workers')).toMatchObject({ status: 'ok', detail: expect.stringContaining('health-test') });
      await reg.stop();
      expect((await readiness(db, clock)).checks.find((c) => c.name === 'workers')?.status).toBe('warn');
    } finally {
      await db.close();
    }
  });

  it('fails when the database cannot be reached', async () => {
    const db = await openTestDb(driver);
    await db.close();
    const report = await readiness(db, clock);
    expect(report.status).toBe('fail');
    expect(report.checks.find((c) => c.name === 'database')?.status).toBe('fail');
  });
});

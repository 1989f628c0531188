// `ow migrate`: applies pending migrations (they also run at every start) and reports the schema version.
import { Command } from 'commander';
import { loadConfig } from '../../config';
import { openStore } from '../../store/open-store';
import { globalsOf, outOf } from '../context';

export function migrateCommand(): Command {
  return new Command('migrate').description('apply pending database migrations').action(async (_opts: unknown, cmd: Command) => {
    const g = globalsOf(cmd);
    const out = outOf(cmd);
    const config = loadConfig({ dataDir: g.dataDir, databaseUrl: g.databaseUrl });
    const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'migrate' });
    try {
      const report = { ...store.migrations, location: store.db.location, driver: store.db.driver };
      out.data(report, () => {
        for (const m of report.applied) out.line(`applied ${String(m.version).padStart(4, '0')}_${m.name}`);
        out.line(`${report.driver} at ${report.location}: schema ${report.current} of ${report.latest}${report.applied.length === 0 ? ' (up to date)' : ''}`);
      });
    } finally {
      await store.close();
    }
  });
}

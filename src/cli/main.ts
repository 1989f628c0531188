// The `ow` command line: one entry, subcommands registered here; exit codes 0 ok, 1 failed, 2 usage or invalid input.
import { Command, CommanderError } from 'commander';
import { AppError } from '../core/shared/error-codes';
import { formatLocations } from '../core/shared/zod-errors';
import { StoreOpenError } from '../store/db';
import { PortInUseError } from '../server/start';
import { VERSION } from '../version';
import { CliError } from './cli-error';
import { adviseCommand } from './commands/advise-command';
import { agentCommand } from './commands/agent-command';
import { helpdeskCommand } from './commands/helpdesk-command';
import { benchCommand } from './commands/bench-command';
import { metricsCommand } from './commands/metrics-command';
import { simCommand } from './commands/sim-command';
import { docsCommand } from './commands/docs-command';
import { journeyCommand } from './commands/journey-command';
import { migrateCommand } from './commands/migrate-command';
import { patternCommand } from './commands/pattern-command';
import { serveCommand } from './commands/serve-command';
import { tokenCommand } from './commands/token-command';
import { slaCommand } from './commands/sla-command';
import { ticketCommand, supportAgentCommand } from './commands/ticket-command';
import { workerCommand } from './commands/worker-command';
import { workspaceCommand } from './commands/workspace-command';
import { queueCommand } from './commands/queue-command';
import { deadLetterCommand } from './commands/dead-letter-command';

export function buildProgram(): Command {
  const program = new Command('ow')
    .description('Orchestration Wisdom: operational patterns from a one-screen diagram to a running, measured system')
    .version(VERSION)
    .option('--server <url>', 'talk to a running server instead of opening the store (or OW_SERVER)')
    .option('--token <token>', 'API token for --server (or OW_TOKEN)')
    .option('--data-dir <dir>', 'embedded data directory (default ./.ow-data, or OW_DATA_DIR)')
    .option('--database-url <url>', 'PostgreSQL URL instead of the embedded store (or DATABASE_URL)')
    .option('--json', 'print machine-readable JSON')
    .showHelpAfterError('(run ow --help for usage)')
    .exitOverride();
  for (const cmd of [serveCommand(), workerCommand(), migrateCommand(), tokenCommand(), slaCommand(), ticketCommand(), supportAgentCommand(), docsCommand(), patternCommand(), adviseCommand(), journeyCommand(), benchCommand(), metricsCommand(), simCommand(), workspaceCommand(), queueCommand(), deadLetterCommand(), agentCommand(), helpdeskCommand()]) {
    program.addCommand(cmd);
  }
  for (const cmd of program.commands) applyExitOverride(cmd);
  return program;
}

function applyExitOverride(cmd: Command, path = `ow ${cmd.name()}`): void {
  cmd.exitOverride();
  cmd.showHelpAfterError(`(run ${path} --help for usage)`);
  for (const sub of cmd.commands) applyExitOverride(sub, `${path} ${sub.name()}`);
}

export function exitCodeFor(err: unknown): { code: number; message?: string } {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return { code: 0 };
    return { code: 2 };
  }
  if (err instanceof CliError) return { code: err.exitCode, message: err.message };
  if (err instanceof AppError) {
    const located = err.errors.length ? `\n${formatLocations(err.errors)}` : '';
    return { code: err.status === 400 || err.status === 422 ? 2 : 1, message: `${err.code}: ${err.message}${located}` };
  }
  if (err instanceof StoreOpenError || err instanceof PortInUseError) return { code: 1, message: err.message };
  return { code: 1, message: `Unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}` };
}

export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    const { code, message } = exitCodeFor(err);
    if (message) process.stderr.write(`${message}\n`);
    return code;
  }
}

// A reader that stops early (`ow … | head`) closes the pipe; that is not an error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const code = await run(process.argv.slice(2));
process.exitCode = code;

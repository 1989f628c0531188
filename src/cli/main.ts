// The `ow` command line: one entry, subcommands registered here; exit codes 0 ok, 1 failed, 2 usage or invalid input.
import { Command, CommanderError } from 'commander';
import { AppError } from '../core/shared/error-codes';
import { formatLocations } from '../core/shared/zod-errors';
import { StoreOpenError } from '../store/db';
import { PortInUseError } from '../server/port-in-use-error';
import { VERSION } from '../version';
import { CliError } from './cli-error';
import { invokedCommand } from './invoked-command';

/**
 * The commands, each loaded only when it runs: loading every command pulls in the server, the engine
 * and every capability, which took seconds for a one-line `ow ticket show`. Help and unknown names load all.
 */
const COMMANDS: ReadonlyArray<{ names: readonly string[]; load: () => Promise<Command[]> }> = [
  { names: ['serve'], load: async () => [(await import('./commands/serve-command')).serveCommand()] },
  { names: ['worker'], load: async () => [(await import('./commands/worker-command')).workerCommand()] },
  { names: ['migrate'], load: async () => [(await import('./commands/migrate-command')).migrateCommand()] },
  { names: ['token'], load: async () => [(await import('./commands/token-command')).tokenCommand()] },
  { names: ['sla'], load: async () => [(await import('./commands/sla-command')).slaCommand()] },
  {
    names: ['ticket', 'support-agent'],
    load: async () => {
      const m = await import('./commands/ticket-command');
      return [m.ticketCommand(), m.supportAgentCommand()];
    },
  },
  { names: ['docs'], load: async () => [(await import('./commands/docs-command')).docsCommand()] },
  { names: ['pattern'], load: async () => [(await import('./commands/pattern-command')).patternCommand()] },
  { names: ['advise'], load: async () => [(await import('./commands/advise-command')).adviseCommand()] },
  { names: ['journey'], load: async () => [(await import('./commands/journey-command')).journeyCommand()] },
  { names: ['task'], load: async () => [(await import('./commands/task-command')).taskCommand()] },
  { names: ['bench'], load: async () => [(await import('./commands/bench-command')).benchCommand()] },
  { names: ['metrics'], load: async () => [(await import('./commands/metrics-command')).metricsCommand()] },
  { names: ['sim'], load: async () => [(await import('./commands/sim-command')).simCommand()] },
  { names: ['workspace'], load: async () => [(await import('./commands/workspace-command')).workspaceCommand()] },
  { names: ['queue'], load: async () => [(await import('./commands/queue-command')).queueCommand()] },
  { names: ['dead-letter'], load: async () => [(await import('./commands/dead-letter-command')).deadLetterCommand()] },
  { names: ['agent'], load: async () => [(await import('./commands/agent-command')).agentCommand()] },
  { names: ['helpdesk'], load: async () => [(await import('./commands/helpdesk-command')).helpdeskCommand()] },
];

async function loadCommands(argv: readonly string[]): Promise<Command[]> {
  const name = invokedCommand(argv);
  const one = COMMANDS.find((c) => name !== undefined && c.names.includes(name));
  const chosen = one ? [one] : COMMANDS;
  return (await Promise.all(chosen.map((c) => c.load()))).flat();
}

export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
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
  for (const cmd of await loadCommands(argv)) program.addCommand(cmd);
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
    await (await buildProgram(argv)).parseAsync(argv, { from: 'user' });
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

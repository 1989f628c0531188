// `ow task show|retry|cancel`: one task of the journey engine through a server (--server) or on the
// store. Retry and cancel are operator actions: each needs --reason, which the audit entry keeps.
import { Command } from 'commander';
import type { Runtime } from '../../engine/runtime';
import type { TaskRecord } from '../../store/task-repo';
import { apiRequest, type RemoteTarget } from '../api-client';
import { CliError } from '../cli-error';
import { globalsOf, localPrincipal, outOf, remoteTarget, withLocalRuntime, type GlobalOptions } from '../context';
import type { Out } from '../output';

const enc = encodeURIComponent;

async function via<T>(g: GlobalOptions, remote: (r: RemoteTarget) => Promise<T>, local: (rt: Runtime, actor: string) => Promise<T>): Promise<T> {
  const target = remoteTarget(g);
  return target ? remote(target) : withLocalRuntime(g, 'task', (rt) => local(rt, localPrincipal().name));
}

/** The reason as the API takes it; an empty one is a usage error here, before anything is sent. */
function reasonOf(opts: { reason: string }, action: string): { reason: string } {
  const reason = opts.reason.trim();
  if (reason === '') throw new CliError(`--reason: a ${action} needs a reason`, 2);
  if (reason.length > 500) throw new CliError(`--reason: a reason is at most 500 characters (got ${reason.length})`, 2);
  return { reason };
}

function printTask(out: Out, t: TaskRecord, what: string): void {
  out.data(t, () => {
    out.line(`${what}Task ${t.id} (${t.name}, ${t.kind === 'human' ? 'human' : t.handler}) is ${t.status}; ${t.totalAttempts} attempt(s).`);
    if (t.lastError) out.line(`Last error: ${t.lastError}`);
  });
}

export function taskCommand(): Command {
  const task = new Command('task').description('tasks of the journey engine: show one, retry a failed one, cancel one (with a reason)');

  task
    .command('show')
    .description('one task: status, attempts, last error')
    .argument('<id>')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      printTask(outOf(cmd), await via(g, (r) => apiRequest<TaskRecord>(r, 'GET', `api/tasks/${enc(id)}`), (rt) => rt.journeys.tasks.get(id)), '');
    });

  task
    .command('retry')
    .description('run a failed or cancelled task again with a fresh retry budget; the reason is kept in the audit log')
    .argument('<id>')
    .requiredOption('--reason <text>', 'why (1–500 characters)')
    .action(async (id: string, opts: { reason: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const body = reasonOf(opts, 'retry');
      const t = await via(g, (r) => apiRequest<TaskRecord>(r, 'POST', `api/tasks/${enc(id)}/retry`, body), (rt, actor) => rt.journeys.tasks.retryWithReason(id, body, actor));
      printTask(outOf(cmd), t, 'Retried. ');
    });

  task
    .command('cancel')
    .description('cancel a pending or running task; the reason is kept in the audit log')
    .argument('<id>')
    .requiredOption('--reason <text>', 'why (1–500 characters)')
    .action(async (id: string, opts: { reason: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const body = reasonOf(opts, 'cancellation');
      const t = await via(g, (r) => apiRequest<TaskRecord>(r, 'POST', `api/tasks/${enc(id)}/cancel`, body), (rt, actor) => rt.journeys.tasks.cancel(id, body, actor));
      printTask(outOf(cmd), t, 'Cancelled. ');
    });

  return task;
}

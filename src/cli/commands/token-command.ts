// `ow token create|list|revoke`: API tokens, through a server or directly on the store.
import { Command, Option } from 'commander';
import { ROLES } from '../../core/auth/roles';
import type { TokenRecord } from '../../store/tokens-repo';
import { apiRequest } from '../api-client';
import { globalsOf, localPrincipal, outOf, remoteTarget, withLocalRuntime } from '../context';

type CreatedToken = TokenRecord & { token: string };

export function tokenCommand(): Command {
  const token = new Command('token').description('manage API tokens (roles: viewer < operator < admin)');

  token
    .command('create')
    .description('create a token; its value is printed once')
    .addOption(new Option('--role <role>', 'role of the token').choices([...ROLES]).makeOptionMandatory())
    .option('--name <name>', 'a name that says who or what uses it')
    .action(async (opts: { role: string; name?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const body = { role: opts.role, ...(opts.name !== undefined ? { name: opts.name } : {}) };
      const remote = remoteTarget(g);
      const created = remote
        ? await apiRequest<CreatedToken>(remote, 'POST', 'api/tokens', body)
        : await withLocalRuntime(g, 'token', (rt) => rt.tokens.create(body, localPrincipal()));
      out.data(created, () => {
        out.line(`Created ${created.role} token ${created.id} "${created.name}".`);
        out.line(`Token: ${created.token}`);
        out.line('Store it now: it is not shown again.');
      });
    });

  token
    .command('list')
    .description('list tokens (never their values)')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const remote = remoteTarget(g);
      const items = remote
        ? (await apiRequest<{ items: TokenRecord[] }>(remote, 'GET', 'api/tokens')).items
        : await withLocalRuntime(g, 'token', (rt) => rt.tokens.list());
      out.data({ items }, () =>
        out.table(
          items.map((t) => ({ id: t.id, name: t.name, role: t.role, prefix: `${t.prefix}…`, created: t.createdAt, 'last used': t.lastUsedAt, revoked: t.revokedAt })),
          ['id', 'name', 'role', 'prefix', 'created', 'last used', 'revoked'],
        ),
      );
    });

  token
    .command('revoke')
    .description('revoke a token')
    .argument('<id>', 'token id (tok_…)')
    .option('--reason <text>', 'why it is revoked (recorded in the audit log)')
    .action(async (id: string, opts: { reason?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      const remote = remoteTarget(g);
      if (remote) {
        await apiRequest<void>(remote, 'DELETE', `api/tokens/${encodeURIComponent(id)}${opts.reason ? `?reason=${encodeURIComponent(opts.reason)}` : ''}`);
      } else {
        await withLocalRuntime(g, 'token', (rt) => rt.tokens.revoke(id, localPrincipal(), opts.reason));
      }
      out.data({ id, revoked: true }, () => out.line(`Revoked token ${id}.`));
    });

  return token;
}

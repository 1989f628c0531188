// SQL for alert channels. Reads meant for the API leave the secrets column out; only the sender reads it.
import type { ChannelKind, ChannelSecrets } from '../core/sla/alert-channel';
import type { Queryable } from './db';

export interface StoredChannel {
  id: string;
  kind: ChannelKind;
  name: string;
  enabled: boolean;
  config: Record<string, unknown>;
  /** names of the secrets that are set, never their values */
  secretsSet: string[];
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

interface ChannelRow {
  id: string;
  kind: ChannelKind;
  name: string;
  enabled: boolean;
  config: Record<string, unknown>;
  secret_names: string[] | null;
  created_at: Date;
  updated_at: Date;
  updated_by: string;
  version: number;
}

const COLUMNS = `id, kind, name, enabled, config, ARRAY(SELECT jsonb_object_keys(secrets) ORDER BY 1) AS secret_names, created_at, updated_at, updated_by, version`;

const toChannel = (r: ChannelRow): StoredChannel => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  enabled: r.enabled,
  config: r.config,
  secretsSet: r.secret_names ?? [],
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  updatedBy: r.updated_by,
  version: r.version,
});

export async function listChannels(q: Queryable): Promise<StoredChannel[]> {
  return (await q.query<ChannelRow>(`SELECT ${COLUMNS} FROM alert_channels ORDER BY created_at, id`)).map(toChannel);
}

export async function findChannel(q: Queryable, id: string): Promise<StoredChannel | undefined> {
  const rows = await q.query<ChannelRow>(`SELECT ${COLUMNS} FROM alert_channels WHERE id = $1`, [id]);
  return rows[0] ? toChannel(rows[0]) : undefined;
}

/** For the sender only. */
export async function channelSecrets(q: Queryable, id: string): Promise<ChannelSecrets | undefined> {
  const rows = await q.query<{ secrets: ChannelSecrets }>('SELECT secrets FROM alert_channels WHERE id = $1', [id]);
  return rows[0]?.secrets;
}

export async function insertChannel(q: Queryable, c: { id: string; kind: ChannelKind; name: string; enabled: boolean; config: Record<string, unknown>; secrets: ChannelSecrets }, actor: string, now: Date): Promise<StoredChannel> {
  await q.query(
    'INSERT INTO alert_channels (id, kind, name, enabled, config, secrets, created_at, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $7, $8)',
    [c.id, c.kind, c.name, c.enabled, JSON.stringify(c.config), JSON.stringify(c.secrets), now, actor],
  );
  return (await findChannel(q, c.id)) as StoredChannel;
}

/** Replaces the shown config; secrets given replace the stored ones, secrets left out are kept. */
export async function updateChannel(q: Queryable, id: string, c: { name: string; enabled: boolean; config: Record<string, unknown>; secrets: ChannelSecrets }, actor: string, now: Date): Promise<StoredChannel | undefined> {
  const rows = await q.query<{ id: string }>(
    `UPDATE alert_channels SET name = $2, enabled = $3, config = $4::jsonb, secrets = secrets || $5::jsonb, updated_at = $6, updated_by = $7, version = version + 1
     WHERE id = $1 RETURNING id`,
    [id, c.name, c.enabled, JSON.stringify(c.config), JSON.stringify(c.secrets), now, actor],
  );
  return rows[0] ? findChannel(q, id) : undefined;
}

export async function deleteChannel(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('DELETE FROM alert_channels WHERE id = $1 RETURNING id', [id])).length > 0;
}

-- Foundation: API tokens (hashed), the audit log, the event outbox and the worker registry.

CREATE TABLE api_tokens (
  id            text PRIMARY KEY,
  name          text NOT NULL,
  role          text NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
  token_hash    text NOT NULL UNIQUE,
  token_prefix  text NOT NULL,
  created_at    timestamptz NOT NULL,
  created_by    text,
  last_used_at  timestamptz,
  revoked_at    timestamptz
);

CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  actor       text NOT NULL,
  action      text NOT NULL,
  target      text NOT NULL,
  summary     text NOT NULL,
  details     jsonb,
  created_at  timestamptz NOT NULL
);
CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor);
CREATE INDEX audit_log_action_idx ON audit_log (action);

-- The transactional outbox: written in the same transaction as the change it describes.
CREATE TABLE events (
  id          bigserial PRIMARY KEY,
  topic       text NOT NULL,
  key         text,
  payload     jsonb NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX events_topic_idx ON events (topic, id);
CREATE INDEX events_key_idx ON events (key, id);

CREATE TABLE workers (
  id            text PRIMARY KEY,
  name          text NOT NULL,
  host          text NOT NULL,
  pid           integer NOT NULL,
  kind          text NOT NULL,
  started_at    timestamptz NOT NULL,
  heartbeat_at  timestamptz NOT NULL,
  stopped_at    timestamptz
);

CREATE TABLE settings (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL
);

-- SLA monitor (issue 6, part B): business calendars, versioned SLA policies, escalation policies,
-- per-ticket SLA clocks with their durable next check instant, alerts (de-duplicated), alert channels
-- and their deliveries (durable retries). A default calendar, escalation policy and policy make a fresh install work.

CREATE TABLE business_calendars (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  time_zone   text NOT NULL,
  weekly      jsonb NOT NULL,
  holidays    jsonb NOT NULL DEFAULT '[]',
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  updated_by  text NOT NULL,
  version     integer NOT NULL DEFAULT 1
);

CREATE TABLE escalation_policies (
  id                    text PRIMARY KEY,
  name                  text NOT NULL,
  levels                jsonb NOT NULL,
  repeat                integer NOT NULL DEFAULT 0,
  repeat_after_minutes  integer NOT NULL DEFAULT 30,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  updated_by            text NOT NULL,
  version               integer NOT NULL DEFAULT 1
);

-- Every version of a policy is kept: a ticket keeps measuring against the version it started with.
CREATE TABLE sla_policies (
  id                    text NOT NULL,
  version               integer NOT NULL CHECK (version >= 1),
  name                  text NOT NULL,
  description           text NOT NULL DEFAULT '',
  targets               jsonb NOT NULL,
  warning_percent       integer NOT NULL,
  breach_percent        integer NOT NULL,
  calendar_id           text NOT NULL REFERENCES business_calendars (id),
  escalation_policy_id  text REFERENCES escalation_policies (id),
  created_at            timestamptz NOT NULL,
  created_by            text NOT NULL,
  PRIMARY KEY (id, version)
);

-- The current version of each policy and which one new tickets get.
CREATE TABLE sla_policy_heads (
  id          text PRIMARY KEY,
  version     integer NOT NULL,
  is_default  boolean NOT NULL DEFAULT false,
  FOREIGN KEY (id, version) REFERENCES sla_policies (id, version)
);
CREATE UNIQUE INDEX sla_policy_heads_one_default ON sla_policy_heads (is_default) WHERE is_default;

CREATE TABLE sla_clocks (
  ticket_id         text NOT NULL,
  metric            text NOT NULL CHECK (metric IN ('first_response', 'resolution')),
  policy_id         text NOT NULL,
  policy_version    integer NOT NULL,
  priority          text NOT NULL,
  target_ms         bigint NOT NULL,
  warning_ms        bigint NOT NULL,
  breach_ms         bigint NOT NULL,
  started_at        timestamptz NOT NULL,
  elapsed_ms        bigint NOT NULL DEFAULT 0,
  running_since     timestamptz,
  paused_ms         bigint NOT NULL DEFAULT 0,
  paused_since      timestamptz,
  warning_at        timestamptz,
  breach_at         timestamptz,
  warned_at         timestamptz,
  breached_at       timestamptz,
  met_at            timestamptz,
  breached          boolean NOT NULL DEFAULT false,
  escalation_index  integer NOT NULL DEFAULT 0,
  -- The monitor wakes for the earliest of these and claims due rows with SKIP LOCKED: never a scan.
  next_check_at     timestamptz,
  updated_at        timestamptz NOT NULL,
  PRIMARY KEY (ticket_id, metric)
);
CREATE INDEX sla_clocks_next_check_idx ON sla_clocks (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX sla_clocks_at_risk_idx ON sla_clocks (breach_at) WHERE met_at IS NULL;

CREATE TABLE alert_channels (
  id          text PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('slack', 'email', 'webhook')),
  name        text NOT NULL,
  enabled     boolean NOT NULL DEFAULT true,
  -- What may be shown; secrets (webhook URLs with tokens, passwords, signing keys) live apart and never leave the server.
  config      jsonb NOT NULL,
  secrets     jsonb NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  updated_by  text NOT NULL,
  version     integer NOT NULL DEFAULT 1
);

CREATE TABLE alerts (
  id                 text PRIMARY KEY,
  -- ticket × metric × threshold: the second process to fire the same threshold inserts nothing.
  dedup_key          text NOT NULL UNIQUE,
  ticket_id          text,
  metric             text,
  threshold          text NOT NULL,
  priority           text NOT NULL,
  suppressed_reason  text,
  action             text,
  facts              jsonb NOT NULL,
  raised_at          timestamptz NOT NULL
);
CREATE INDEX alerts_raised_idx ON alerts (raised_at DESC);
CREATE INDEX alerts_ticket_idx ON alerts (ticket_id);

CREATE TABLE alert_deliveries (
  id               text PRIMARY KEY,
  alert_id         text NOT NULL REFERENCES alerts (id),
  channel_id       text NOT NULL REFERENCES alert_channels (id) ON DELETE CASCADE,
  status           text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  last_error       text,
  last_http_status integer,
  next_attempt_at  timestamptz,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  sent_at          timestamptz
);
CREATE INDEX alert_deliveries_due_idx ON alert_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX alert_deliveries_channel_idx ON alert_deliveries (channel_id, created_at DESC);
CREATE INDEX alert_deliveries_alert_idx ON alert_deliveries (alert_id);

INSERT INTO business_calendars (id, name, time_zone, weekly, holidays, created_at, updated_at, updated_by)
VALUES ('24x7', 'Around the clock', 'UTC',
  '{"sun":[{"start":"00:00","end":"24:00"}],"mon":[{"start":"00:00","end":"24:00"}],"tue":[{"start":"00:00","end":"24:00"}],"wed":[{"start":"00:00","end":"24:00"}],"thu":[{"start":"00:00","end":"24:00"}],"fri":[{"start":"00:00","end":"24:00"}],"sat":[{"start":"00:00","end":"24:00"}]}',
  '[]', now(), now(), 'system');

INSERT INTO escalation_policies (id, name, levels, repeat, repeat_after_minutes, created_at, updated_at, updated_by)
VALUES ('default', 'Tier up at breach',
  '[{"afterMinutes":0,"action":"next-tier","channelIds":[]},{"afterMinutes":60,"action":"notify","channelIds":[]}]',
  0, 30, now(), now(), 'system');

INSERT INTO sla_policies (id, version, name, description, targets, warning_percent, breach_percent, calendar_id, escalation_policy_id, created_at, created_by)
VALUES ('default', 1, 'Default support SLA', 'Urgent 1 h / 4 h, high 4 h / 1 d, normal 8 h / 3 d, low 24 h / 5 d, around the clock.',
  '{"urgent":{"firstResponseMinutes":60,"resolutionMinutes":240},"high":{"firstResponseMinutes":240,"resolutionMinutes":1440},"normal":{"firstResponseMinutes":480,"resolutionMinutes":4320},"low":{"firstResponseMinutes":1440,"resolutionMinutes":7200}}',
  80, 100, '24x7', 'default', now(), 'system');
INSERT INTO sla_policy_heads (id, version, is_default) VALUES ('default', 1, true);

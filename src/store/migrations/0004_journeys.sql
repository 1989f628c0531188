-- Journey engine (seed 003): versioned definitions, journey states with their stage visits,
-- units of work, the leased task queue with dependencies, gate validation results,
-- rollback history, durable timers, webhook task handlers and idempotent demo effects.

CREATE TABLE journey_definitions (
  id          text NOT NULL,
  version     integer NOT NULL CHECK (version >= 1),
  name        text NOT NULL,
  -- builtin (shipped), user (registered through the API) or sequence (derived from a musical sequence)
  source      text NOT NULL CHECK (source IN ('builtin', 'user', 'sequence')),
  document    jsonb NOT NULL,
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL,
  PRIMARY KEY (id, version)
);

-- Seed 003's journey_states, plus what rollback, re-entry and optimistic concurrency need.
CREATE TABLE journey_states (
  journey_id          text PRIMARY KEY,
  client_id           text NOT NULL,
  definition_id       text NOT NULL,
  definition_version  integer NOT NULL,
  current_stage       text NOT NULL,
  previous_stage      text,
  status              text NOT NULL CHECK (status IN ('active', 'rolling_back', 'completed', 'cancelled')),
  started_at          timestamptz NOT NULL,
  stage_started_at    timestamptz NOT NULL,
  completed_stages    text[] NOT NULL DEFAULT '{}',
  visits              jsonb NOT NULL,
  rollback            jsonb,
  metadata            jsonb NOT NULL DEFAULT '{}',
  -- handler names of the definition mapped to the handlers that run them ('*' = any other)
  handler_aliases     jsonb NOT NULL DEFAULT '{}',
  version             integer NOT NULL,
  created_by          text NOT NULL,
  updated_at          timestamptz NOT NULL,
  FOREIGN KEY (definition_id, definition_version) REFERENCES journey_definitions (id, version)
);
CREATE INDEX journey_states_stage_idx ON journey_states (current_stage);
CREATE INDEX journey_states_status_idx ON journey_states (status);
CREATE INDEX journey_states_client_idx ON journey_states (client_id);
CREATE INDEX journey_states_definition_idx ON journey_states (definition_id);

-- Every entry into a stage, with when it was left: the timeline a portal draws.
CREATE TABLE journey_stage_visits (
  journey_id    text NOT NULL REFERENCES journey_states (journey_id),
  seq           integer NOT NULL,
  stage         text NOT NULL,
  visit         integer NOT NULL,
  entered_at    timestamptz NOT NULL,
  entered_on    text NOT NULL,
  left_at       timestamptz,
  left_on       text,
  PRIMARY KEY (journey_id, seq)
);

-- Seed 003's units_of_work; its tasks live in the tasks table so workers can claim them one by one.
CREATE TABLE units_of_work (
  uow_id          text PRIMARY KEY,
  seq             bigserial NOT NULL,
  journey_id      text NOT NULL REFERENCES journey_states (journey_id),
  stage           text NOT NULL,
  visit           integer NOT NULL,
  key             text NOT NULL,
  name            text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('stage', 'rollback')),
  dependencies    text[] NOT NULL DEFAULT '{}',
  status          text NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed', 'rolled_back', 'cancelled')),
  status_reason   text NOT NULL DEFAULT '',
  created_at      timestamptz NOT NULL,
  started_at      timestamptz,
  completed_at    timestamptz,
  rolled_back_at  timestamptz
);
CREATE INDEX units_of_work_journey_idx ON units_of_work (journey_id, stage);

-- The durable task queue. A task is claimable when pending, automated, not waiting on any
-- dependency and due; a running task holds a lease that its worker renews by heartbeat.
CREATE TABLE tasks (
  id                  text PRIMARY KEY,
  seq                 bigserial NOT NULL,
  journey_id          text REFERENCES journey_states (journey_id),
  uow_id              text REFERENCES units_of_work (uow_id),
  stage               text,
  key                 text NOT NULL,
  name                text NOT NULL,
  -- the handler that runs it; agent is the name the definition gave (they differ when aliased)
  handler             text NOT NULL,
  agent               text NOT NULL,
  kind                text NOT NULL CHECK (kind IN ('automated', 'human')),
  status              text NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
  -- attempts started since the task was created or last retried by an operator
  attempt             integer NOT NULL DEFAULT 0,
  total_attempts      integer NOT NULL DEFAULT 0,
  max_retries         integer NOT NULL,
  retry               jsonb NOT NULL,
  -- dependencies not yet completed; 0 means ready
  waiting_on          integer NOT NULL DEFAULT 0,
  -- tasks that depend on this one (a completion with none skips releasing dependants)
  dependants          integer NOT NULL DEFAULT 0,
  run_at              timestamptz NOT NULL,
  lease_owner         text,
  lease_expires_at    timestamptz,
  idempotency_key     text NOT NULL UNIQUE,
  input               jsonb NOT NULL DEFAULT '{}',
  output              jsonb,
  output_schema       jsonb,
  emits               text,
  last_error          text,
  created_at          timestamptz NOT NULL,
  ready_at            timestamptz,
  started_at          timestamptz,
  attempt_started_at  timestamptz,
  finished_at         timestamptz,
  dead_lettered_at    timestamptz,
  updated_at          timestamptz NOT NULL
);
CREATE INDEX tasks_claim_idx ON tasks (run_at, seq) WHERE status = 'pending' AND kind = 'automated' AND waiting_on = 0;
CREATE INDEX tasks_lease_idx ON tasks (lease_expires_at) WHERE status = 'running';
CREATE INDEX tasks_journey_idx ON tasks (journey_id, stage);
CREATE INDEX tasks_uow_idx ON tasks (uow_id);
CREATE INDEX tasks_status_idx ON tasks (status, seq);

CREATE TABLE task_dependencies (
  task_id     text NOT NULL REFERENCES tasks (id),
  depends_on  text NOT NULL REFERENCES tasks (id),
  PRIMARY KEY (task_id, depends_on)
);
CREATE INDEX task_dependencies_upstream_idx ON task_dependencies (depends_on);

-- Seed 003's ValidationResult for every gate evaluated, passed or failed.
CREATE TABLE validation_results (
  id            bigserial PRIMARY KEY,
  journey_id    text NOT NULL REFERENCES journey_states (journey_id),
  stage         text NOT NULL,
  event         text NOT NULL,
  target_stage  text NOT NULL,
  passed        boolean NOT NULL,
  checks        jsonb NOT NULL,
  summary       text NOT NULL,
  metrics       jsonb NOT NULL DEFAULT '{}',
  actor         text NOT NULL,
  created_at    timestamptz NOT NULL
);
CREATE INDEX validation_results_journey_idx ON validation_results (journey_id, id);

CREATE TABLE rollback_history (
  id             bigserial PRIMARY KEY,
  journey_id     text NOT NULL REFERENCES journey_states (journey_id),
  from_stage     text NOT NULL,
  -- a stage id, or 'cancel'
  target         text NOT NULL,
  trigger        text NOT NULL,
  reason         text NOT NULL,
  automatic      boolean NOT NULL,
  evidence       jsonb NOT NULL DEFAULT '[]',
  actor          text NOT NULL,
  started_at     timestamptz NOT NULL,
  completed_at   timestamptz,
  outcome        text CHECK (outcome IN ('resumed', 'cancelled')),
  resumed_stage  text
);
CREATE INDEX rollback_history_journey_idx ON rollback_history (journey_id, id);

-- Durable timers (e.g. the pilot's 7-day bug-free window): they survive restarts and fire once.
CREATE TABLE timers (
  id          text PRIMARY KEY,
  journey_id  text NOT NULL REFERENCES journey_states (journey_id),
  stage       text NOT NULL,
  key         text NOT NULL,
  fire_at     timestamptz NOT NULL,
  event       text,
  status      text NOT NULL CHECK (status IN ('scheduled', 'fired', 'cancelled')),
  result      text,
  created_at  timestamptz NOT NULL,
  fired_at    timestamptz
);
CREATE INDEX timers_due_idx ON timers (fire_at) WHERE status = 'scheduled';
CREATE INDEX timers_journey_idx ON timers (journey_id);

-- Agents reached over HTTP: tasks whose handler has this name are POSTed, signed, to the URL.
CREATE TABLE task_handlers (
  name        text PRIMARY KEY,
  url         text NOT NULL,
  secret      text NOT NULL,
  timeout_ms  integer NOT NULL,
  description text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL
);

-- Effects applied by the built-in record-effect handler: one row per idempotency key, however
-- often the task ran, so a re-run after a crash cannot apply its effect twice.
CREATE TABLE task_effects (
  idempotency_key  text PRIMARY KEY,
  task_id          text NOT NULL,
  runs             integer NOT NULL,
  first_at         timestamptz NOT NULL,
  last_at          timestamptz NOT NULL
);

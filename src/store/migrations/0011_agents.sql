-- Agent factory and servicing (seed 002, stories 5.1.10 and 5.1.11): agents (task handler names),
-- their immutable numbered versions, the deployment saying which versions run, the history of
-- every rollout and rollback, and one row per run of a version by a task attempt.

CREATE TABLE agents (
  name         text PRIMARY KEY,
  description  text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL,
  created_by   text NOT NULL
);

CREATE TABLE agent_versions (
  agent          text NOT NULL REFERENCES agents (name),
  version        integer NOT NULL CHECK (version >= 1),
  template       text NOT NULL CHECK (template IN ('webhook', 'human', 'builtin')),
  config         jsonb NOT NULL,
  output_schema  jsonb,
  notes          text NOT NULL DEFAULT '',
  created_at     timestamptz NOT NULL,
  created_by     text NOT NULL,
  PRIMARY KEY (agent, version)
);

-- One row per agent once a version is provisioned; the state of src/core/agents' machine.
CREATE TABLE agent_deployments (
  agent            text PRIMARY KEY REFERENCES agents (name),
  stable           integer,
  previous_stable  integer,
  candidate        integer,
  strategy         text CHECK (strategy IN ('blue-green', 'canary')),
  steps            jsonb NOT NULL DEFAULT '[]',
  step_index       integer NOT NULL DEFAULT 0,
  threshold        jsonb,
  auto_raise_after integer,
  rollout_id       bigint,
  updated_at       timestamptz NOT NULL
);

CREATE TABLE agent_rollouts (
  id            bigserial PRIMARY KEY,
  agent         text NOT NULL REFERENCES agents (name),
  -- the rollout this row belongs to (its first row's id)
  rollout_id    bigint NOT NULL,
  action        text NOT NULL CHECK (action IN ('provision', 'blue-green', 'canary-start', 'raise', 'promote', 'rollback')),
  from_version  integer,
  to_version    integer,
  strategy      text,
  share         real NOT NULL,
  reason        text NOT NULL DEFAULT '',
  automatic     boolean NOT NULL DEFAULT false,
  figures       jsonb,
  actor         text NOT NULL,
  at            timestamptz NOT NULL
);
CREATE INDEX agent_rollouts_agent_idx ON agent_rollouts (agent, id);

CREATE TABLE agent_runs (
  id           bigserial PRIMARY KEY,
  agent        text NOT NULL,
  version      integer NOT NULL,
  rollout_id   bigint,
  lane         text NOT NULL CHECK (lane IN ('stable', 'candidate')),
  step_index   integer NOT NULL DEFAULT 0,
  task_id      text NOT NULL,
  attempt      integer NOT NULL,
  bucket       integer NOT NULL,
  outcome      text NOT NULL CHECK (outcome IN ('succeeded', 'failed')),
  error        text,
  duration_ms  integer NOT NULL,
  finished_at  timestamptz NOT NULL
);
CREATE INDEX agent_runs_rollout_idx ON agent_runs (rollout_id, lane, id);
CREATE INDEX agent_runs_agent_idx ON agent_runs (agent, version, id);
CREATE INDEX agent_runs_task_idx ON agent_runs (task_id);

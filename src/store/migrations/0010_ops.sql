-- Operations portal (seed 002, stories 5.1.0, 5.1.7, 5.1.8): per-minute queue samples for the
-- depth/throughput/failure charts (kept 7 days), and the trail of dead letters purged by operators.

-- One row per queue and minute; the primary key makes a second sampler's insert a no-op.
CREATE TABLE queue_samples (
  queue          text NOT NULL,
  at             timestamptz NOT NULL,
  depth          integer NOT NULL,
  running        integer NOT NULL,
  oldest_age_ms  bigint NOT NULL,
  completed      integer NOT NULL,
  failed         integer NOT NULL,
  dead_lettered  integer NOT NULL,
  PRIMARY KEY (queue, at)
);
CREATE INDEX queue_samples_at_idx ON queue_samples (at);

-- What a purge removed from the dead-letter queue, by whom and why: the task as it was.
CREATE TABLE purged_tasks (
  purge_id    text NOT NULL,
  task_id     text NOT NULL,
  queue       text NOT NULL,
  journey_id  text,
  task        jsonb NOT NULL,
  purged_by   text NOT NULL,
  reason      text NOT NULL,
  purged_at   timestamptz NOT NULL,
  PRIMARY KEY (purge_id, task_id)
);
CREATE INDEX purged_tasks_task_idx ON purged_tasks (task_id);

-- The sampler counts a minute's failed attempts and dead letters from the event log by time.
CREATE INDEX events_created_idx ON events (created_at);

-- Operator workspaces (issue 6, seed 000): a pattern assigned to a team, carried through kickoff,
-- Jira export, baseline, shadow, production, stabilization, measurement, report and lessons.

CREATE TABLE workspaces (
  id                     text PRIMARY KEY,
  team                   text NOT NULL,
  owner                  text NOT NULL,
  pattern_slug           text NOT NULL,
  pattern_version        integer NOT NULL,
  stage                  text NOT NULL CHECK (stage IN ('assigned', 'kickoff', 'implementation', 'baselined', 'shadow', 'production', 'measured', 'reported', 'lessons')),
  -- Checklist items with their owners: [{ id, summary, suggestedOwner, owner, effortPersonWeeks }].
  items                  jsonb NOT NULL DEFAULT '[]',
  baseline_snapshot_id   text,
  measured_snapshot_id   text,
  lessons                jsonb NOT NULL DEFAULT '[]',
  -- The whole core state (src/core/workspace/workspace-schema.ts); the columns above are its indexed facts.
  state                  jsonb NOT NULL,
  stabilization_ends_at  timestamptz,
  -- Set once by whichever process sees the window end first (loop or read), with its event.
  stabilized_at          timestamptz,
  version                integer NOT NULL,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL
);
CREATE INDEX workspaces_updated_idx ON workspaces (updated_at DESC);
CREATE INDEX workspaces_pattern_idx ON workspaces (pattern_slug);
-- The stabilization timer: only windows still running are in the index, so a check reads only what is due.
CREATE INDEX workspaces_window_due_idx ON workspaces (stabilization_ends_at) WHERE stabilized_at IS NULL AND stabilization_ends_at IS NOT NULL;

CREATE TABLE workspace_stage_history (
  workspace_id  text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  seq           integer NOT NULL,
  step          text NOT NULL,
  stage         text NOT NULL,
  actor         text NOT NULL,
  note          text,
  at            timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, seq)
);

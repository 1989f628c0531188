-- Metrics (issue 6): imported ticket history to take a baseline from, and metric snapshots
-- (a baseline or a measurement, with its figures per priority) that before/after reports compare.

CREATE TABLE ticket_imports (
  id          text PRIMARY KEY,
  rows_total  integer NOT NULL,
  rows_valid  integer NOT NULL,
  -- The rows refused at import (line, column, message), kept so the import can be explained later.
  errors      jsonb NOT NULL,
  columns     jsonb NOT NULL,
  first_created_at timestamptz,
  last_created_at  timestamptz,
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL
);

CREATE TABLE ticket_import_rows (
  import_id          text NOT NULL REFERENCES ticket_imports (id) ON DELETE CASCADE,
  line               integer NOT NULL,
  external_id        text,
  priority           text NOT NULL CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
  assignee           text,
  created_at         timestamptz NOT NULL,
  first_response_at  timestamptz,
  resolved_at        timestamptz,
  escalation_count   integer NOT NULL CHECK (escalation_count >= 0),
  reopen_count       integer NOT NULL CHECK (reopen_count >= 0),
  PRIMARY KEY (import_id, line)
);

CREATE TABLE metric_snapshots (
  id            text PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('baseline', 'measured')),
  source        text NOT NULL CHECK (source IN ('import', 'live', 'simulation')),
  import_id     text REFERENCES ticket_imports (id),
  window_start  timestamptz,
  window_end    timestamptz,
  -- FiguresByPriority of src/core/metrics: { all, byPriority: { urgent, high, normal, low } }.
  figures       jsonb NOT NULL,
  workspace_id  text,
  created_at    timestamptz NOT NULL,
  created_by    text NOT NULL
);
CREATE INDEX metric_snapshots_created_idx ON metric_snapshots (created_at DESC);
CREATE INDEX metric_snapshots_workspace_idx ON metric_snapshots (workspace_id, created_at DESC) WHERE workspace_id IS NOT NULL;

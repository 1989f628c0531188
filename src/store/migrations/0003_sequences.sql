-- Sequence documents: every publication of a sequence is a new, immutable version; earlier ones stay listable.

CREATE TABLE sequence_versions (
  id             text NOT NULL,
  version        integer NOT NULL CHECK (version >= 1),
  name           text NOT NULL,
  title          text,
  document       jsonb NOT NULL,
  -- Path of the source JSON as its author's repository knows it: the documents' "Canonical Reference" link.
  source_path    text,
  movements      integer NOT NULL,
  beats          integer NOT NULL,
  -- Findings of the import (encoding repair, consistency), each { severity, pointer, message }.
  warnings       jsonb NOT NULL,
  warning_count  integer NOT NULL,
  error_count    integer NOT NULL,
  created_at     timestamptz NOT NULL,
  created_by     text NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE INDEX sequence_versions_created_idx ON sequence_versions (created_at DESC);

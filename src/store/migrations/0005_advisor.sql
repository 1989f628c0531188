-- Operations toolkit: saved toolkit documents (risk registers, KPI sets, work breakdowns, value
-- streams). Every save is a new, immutable version; earlier versions stay readable.

CREATE TABLE advisor_documents (
  id          text NOT NULL,
  version     integer NOT NULL CHECK (version >= 1),
  kind        text NOT NULL CHECK (kind IN ('risk-register', 'kpi-set', 'work-breakdown', 'value-stream')),
  name        text NOT NULL,
  -- The validated, normalised input of the kind's analysis (defaults filled in).
  content     jsonb NOT NULL,
  -- One line for lists: "7 tasks, 144 points", "4 risks, 1 high".
  summary     text NOT NULL,
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE INDEX advisor_documents_kind_idx ON advisor_documents (kind, id);

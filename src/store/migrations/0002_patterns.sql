-- Pattern library: every publication of a pattern is a new, immutable version (earlier ones stay
-- listable), and one reference counter per slug feeds the "most referenced" sort. The events of
-- the library (pattern.published, pattern.detail.viewed, article.downloaded, checklist.downloaded)
-- go to the shared outbox with the slug as their key.

CREATE TABLE pattern_versions (
  slug          text NOT NULL,
  version       integer NOT NULL CHECK (version >= 1),
  title         text NOT NULL,
  -- The pattern file ({ ows, library }) as it passed the gates, library.version set to `version`.
  document      jsonb NOT NULL,
  published_at  timestamptz NOT NULL,
  created_by    text NOT NULL,
  PRIMARY KEY (slug, version)
);
CREATE INDEX pattern_versions_published_idx ON pattern_versions (published_at DESC);

CREATE TABLE pattern_references (
  slug               text PRIMARY KEY,
  views              bigint NOT NULL DEFAULT 0 CHECK (views >= 0),
  article_downloads  bigint NOT NULL DEFAULT 0 CHECK (article_downloads >= 0),
  checklist_exports  bigint NOT NULL DEFAULT 0 CHECK (checklist_exports >= 0),
  updated_at         timestamptz NOT NULL
);

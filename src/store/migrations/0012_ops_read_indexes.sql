-- Operations portal reads under load (issue 7): every list and count the portal polls finds its rows
-- through an index instead of scanning tasks or events (checked with EXPLAIN on 100,000 rows).

-- Queue overview: live depth/running per handler (pending and running tasks only) and dead letters per
-- handler, newest first (the dead-letter list filters by handler and sorts by seq).
CREATE INDEX tasks_active_handler_idx ON tasks (handler) WHERE status IN ('pending', 'running');
CREATE INDEX tasks_dead_letters_idx ON tasks (handler, seq) WHERE status = 'failed' AND dead_lettered_at IS NOT NULL;
CREATE INDEX tasks_dead_letters_seq_idx ON tasks (seq) WHERE status = 'failed' AND dead_lettered_at IS NOT NULL;

-- Context events: "payload.handler (or queue, journeyId, clientId, agent) is X" as containment on one
-- GIN index, and a journey's child keys ("<id>/…") by prefix.
CREATE INDEX events_payload_idx ON events USING gin (payload jsonb_path_ops);
CREATE INDEX events_key_prefix_idx ON events (key text_pattern_ops);

-- The task list newest first (unfiltered, or by handler); the handler index also lists every handler
-- that has tasks by a skip scan (one index probe per handler).
CREATE INDEX tasks_seq_idx ON tasks (seq);
CREATE INDEX tasks_handler_seq_idx ON tasks (handler, seq);

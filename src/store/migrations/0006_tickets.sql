-- Escalation runtime, part A: support agents, tickets, their comments and every routing decision.

CREATE TABLE support_agents (
  id                text PRIMARY KEY,
  name              text NOT NULL,
  email             text,
  tier              text NOT NULL CHECK (tier IN ('L1', 'L2', 'L3')),
  skills            jsonb NOT NULL DEFAULT '[]',
  max_concurrent    integer CHECK (max_concurrent IS NULL OR max_concurrent >= 0),
  status            text NOT NULL DEFAULT 'offline' CHECK (status IN ('online', 'away', 'offline')),
  schedule          jsonb,
  last_assigned_at  timestamptz,
  last_active_at    timestamptz,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  version           integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX support_agents_email ON support_agents (lower(email)) WHERE email IS NOT NULL;

CREATE SEQUENCE ticket_seq;

CREATE TABLE tickets (
  id                          text PRIMARY KEY,
  seq                         bigint NOT NULL UNIQUE,
  source                      text NOT NULL CHECK (source IN ('api', 'zendesk', 'jira', 'import')),
  external_id                 text,
  subject                     text NOT NULL,
  description                 text NOT NULL DEFAULT '',
  requester                   text NOT NULL,
  client_id                   text,
  priority                    text NOT NULL CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
  -- The queue orders by priority first; a stored rank keeps that order indexable.
  priority_rank               smallint GENERATED ALWAYS AS (CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END) STORED,
  status                      text NOT NULL CHECK (status IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
  tier                        text NOT NULL CHECK (tier IN ('L1', 'L2', 'L3')),
  required_skills             jsonb NOT NULL DEFAULT '[]',
  assignee_id                 text REFERENCES support_agents (id),
  queued_at                   timestamptz,
  sla_due_at                  timestamptz,
  created_at                  timestamptz NOT NULL,
  updated_at                  timestamptz NOT NULL,
  first_response_at           timestamptz,
  resolved_at                 timestamptz,
  escalation_count            integer NOT NULL DEFAULT 0,
  reopen_count                integer NOT NULL DEFAULT 0,
  reopened_after_escalation   boolean NOT NULL DEFAULT false,
  sla_policy_id               text,
  sla_policy_version          integer,
  version                     integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX tickets_external ON tickets (source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX tickets_queue ON tickets (priority_rank, sla_due_at, created_at) WHERE queued_at IS NOT NULL;
CREATE INDEX tickets_assignee_open ON tickets (assignee_id) WHERE status NOT IN ('solved', 'closed');
CREATE INDEX tickets_status ON tickets (status, seq);

CREATE TABLE ticket_comments (
  ticket_id   text NOT NULL REFERENCES tickets (id),
  seq         integer NOT NULL,
  author      text NOT NULL,
  public      boolean NOT NULL,
  body        text NOT NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (ticket_id, seq)
);

CREATE TABLE routing_decisions (
  id               bigserial PRIMARY KEY,
  ticket_id        text NOT NULL REFERENCES tickets (id),
  strategy         text NOT NULL,
  mode             text NOT NULL CHECK (mode IN ('production', 'shadow')),
  candidates       jsonb NOT NULL,
  chosen_agent_id  text,
  reason           text NOT NULL,
  decided_at       timestamptz NOT NULL
);
CREATE INDEX routing_decisions_ticket ON routing_decisions (ticket_id, id);

-- Each support agent's open-ticket count as a stored column, kept by a trigger on tickets in the writer's own
-- transaction (every writer, both drivers), so routing reads one column instead of counting an agent's tickets.
-- Open = new, open, pending, on_hold (support-agent-repo's OPEN_STATUSES_SQL).
ALTER TABLE support_agents ADD COLUMN open_load integer NOT NULL DEFAULT 0;

UPDATE support_agents a SET open_load = (
  SELECT count(*) FROM tickets t WHERE t.assignee_id = a.id AND t.status IN ('new', 'open', 'pending', 'on_hold')
);

CREATE FUNCTION tickets_keep_open_load() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_open boolean := TG_OP <> 'INSERT' AND OLD.assignee_id IS NOT NULL AND OLD.status IN ('new', 'open', 'pending', 'on_hold');
  is_open boolean := TG_OP <> 'DELETE' AND NEW.assignee_id IS NOT NULL AND NEW.status IN ('new', 'open', 'pending', 'on_hold');
BEGIN
  -- An update that leaves the ticket counted on the same agent changes nothing.
  IF was_open AND is_open AND OLD.assignee_id = NEW.assignee_id THEN
    RETURN NULL;
  END IF;
  IF was_open THEN
    UPDATE support_agents SET open_load = open_load - 1 WHERE id = OLD.assignee_id;
  END IF;
  IF is_open THEN
    UPDATE support_agents SET open_load = open_load + 1 WHERE id = NEW.assignee_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER tickets_open_load AFTER INSERT OR DELETE OR UPDATE OF assignee_id, status ON tickets
  FOR EACH ROW EXECUTE FUNCTION tickets_keep_open_load();

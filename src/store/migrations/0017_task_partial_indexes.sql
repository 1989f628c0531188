-- Standalone tasks (queue work outside journeys) have no journey and no unit. Full indexes on those
-- columns took a NULL entry on every insert and on every claim and completion (an update that changes
-- status cannot be HOT): about 15 % of the server's time per queued task. Only rows with a value are
-- indexed now; lookups by a journey or a unit (and the foreign keys' checks) are equalities, which
-- imply IS NOT NULL, so they keep their index.
DROP INDEX tasks_journey_idx;
CREATE INDEX tasks_journey_idx ON tasks (journey_id, stage) WHERE journey_id IS NOT NULL;
DROP INDEX tasks_uow_idx;
CREATE INDEX tasks_uow_idx ON tasks (uow_id) WHERE uow_id IS NOT NULL;

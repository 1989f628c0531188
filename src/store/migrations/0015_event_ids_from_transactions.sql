-- Event ids are derived from the writing transaction's id (see src/store/events-repo.ts), so that
-- readers can tail the outbox without a global writer lock. The sequence default goes: an event
-- inserted with a sequence id would sort below events already read and be skipped by every reader.
ALTER TABLE events ALTER COLUMN id DROP DEFAULT;

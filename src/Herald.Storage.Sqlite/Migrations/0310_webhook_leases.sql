-- Webhook outbox rows are claimed under a lease, as messages are: a row claimed by one worker is not handed to
-- another until the lease ends, and only the claimer records the attempt.
ALTER TABLE webhook_outbox ADD COLUMN lease_owner TEXT NULL;
ALTER TABLE webhook_outbox ADD COLUMN lease_expires_at INTEGER NULL;

-- As SQLite's 0710: the console lists an address's webhook deliveries (issue 11) and erasure removes them, both by
-- this column rather than by searching the JSON payload, where System.Text.Json writes '+' as \u002B.
ALTER TABLE webhook_outbox ADD COLUMN address TEXT NULL;

UPDATE webhook_outbox SET address = lower(payload::jsonb -> 'data' ->> 'address')
WHERE payload::jsonb -> 'data' ->> 'address' IS NOT NULL; -- every payload is JSON written by Herald

CREATE INDEX ix_webhook_outbox_address ON webhook_outbox (address, seq) WHERE address IS NOT NULL;

-- The console lists an address's webhook deliveries (issue 11) and erasure removes them: both by this column rather
-- than by searching the JSON payload, where System.Text.Json writes '+' as \u002B, so "a+b@x" is not found in it.
ALTER TABLE webhook_outbox ADD COLUMN address TEXT NULL;

UPDATE webhook_outbox SET address = lower(json_extract(payload, '$.data.address'))
WHERE json_valid(payload) AND json_extract(payload, '$.data.address') IS NOT NULL;

CREATE INDEX ix_webhook_outbox_address ON webhook_outbox (address, seq) WHERE address IS NOT NULL;

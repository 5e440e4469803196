-- Webhooks operators can manage (issue 15), as SQLite's 0700: every attempt of an outbox row is kept, so a delivery
-- lists what the endpoint answered each time; a row with neither a next attempt nor a delivery is a dead letter.
CREATE TABLE webhook_attempts (
    seq         BIGINT  NOT NULL,           -- webhook_outbox.seq
    at          BIGINT  NOT NULL,
    delivered   INTEGER NOT NULL,           -- 0 | 1
    status_code INTEGER NULL,               -- the endpoint's HTTP status; NULL when no answer came
    error       TEXT    NULL
);

CREATE INDEX ix_webhook_attempts ON webhook_attempts (seq, at);

-- Listing one endpoint's rows latest first.
CREATE INDEX ix_webhook_outbox_endpoint ON webhook_outbox (endpoint, seq);

-- Retention and erasure delete outbox rows; their attempts go with them. A trigger rather than a foreign key, so that
-- herald db copy may fill the tables in any order.
CREATE FUNCTION webhook_outbox_attempts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM webhook_attempts WHERE seq = OLD.seq;
    RETURN OLD;
END;
$$;

CREATE TRIGGER tr_webhook_outbox_attempts AFTER DELETE ON webhook_outbox
    FOR EACH ROW EXECUTE FUNCTION webhook_outbox_attempts();

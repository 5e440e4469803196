-- Feedback loop (issue 4): suppression ledger, its audit history, domain incidents, provider replay guard, webhook outbox.
-- The ledger row keeps the whole AddressLedger as JSON; state, reason, since and expires_at are copied out for listing.
CREATE TABLE address_ledger (
    address     TEXT    NOT NULL PRIMARY KEY,   -- lower case
    state       TEXT    NOT NULL,               -- active | suspended
    reason      TEXT    NULL,
    since       INTEGER NULL,
    expires_at  INTEGER NULL,
    ledger_json TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE INDEX ix_address_ledger_suspended ON address_ledger (address) WHERE state = 'suspended';

CREATE TABLE address_history (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    address    TEXT    NOT NULL,
    time       INTEGER NOT NULL,
    action     TEXT    NOT NULL,
    reason     TEXT    NULL,
    actor      TEXT    NOT NULL,
    detail     TEXT    NULL,
    message_id TEXT    NULL
);

CREATE INDEX ix_address_history ON address_history (address, seq);

CREATE TABLE block_hits (
    domain    TEXT    NOT NULL,
    signature TEXT    NOT NULL,
    address   TEXT    NOT NULL,
    time      INTEGER NOT NULL
);

CREATE INDEX ix_block_hits ON block_hits (domain, signature, time);

CREATE TABLE domain_incidents (
    id        TEXT    NOT NULL PRIMARY KEY,
    domain    TEXT    NOT NULL,
    signature TEXT    NOT NULL,
    first_at  INTEGER NOT NULL,
    last_at   INTEGER NOT NULL,
    addresses INTEGER NOT NULL,
    sample    TEXT    NOT NULL
);

CREATE INDEX ix_domain_incidents ON domain_incidents (domain, signature, last_at);

-- Provider event ids (SNS MessageId, Mailgun event id) already applied: exactly once, across restarts.
CREATE TABLE replay_guard (
    provider   TEXT    NOT NULL,
    id         TEXT    NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (provider, id)
);

CREATE TABLE webhook_outbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT    NOT NULL,
    endpoint        TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NULL,            -- NULL once delivered or given up
    delivered_at    INTEGER NULL,
    last_error      TEXT    NULL
);

CREATE INDEX ix_webhook_outbox_due ON webhook_outbox (next_attempt_at) WHERE next_attempt_at IS NOT NULL;

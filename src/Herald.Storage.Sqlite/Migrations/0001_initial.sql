-- Times are INTEGER unix milliseconds (UTC): compact, and ordered by plain integer comparison.
CREATE TABLE messages (
    id                TEXT    NOT NULL PRIMARY KEY,
    type              TEXT    NOT NULL,
    category          TEXT    NOT NULL,
    priority          INTEGER NOT NULL,
    to_address        TEXT    NOT NULL,
    to_address_lower  TEXT    NOT NULL,
    data_json         TEXT    NULL,
    secret_fields     TEXT    NOT NULL,
    idempotency_key   TEXT    NULL,
    request_hash      TEXT    NOT NULL,
    created_at        INTEGER NOT NULL,
    expires_at        INTEGER NOT NULL,
    message_id_header TEXT    NOT NULL,
    return_path       TEXT    NOT NULL UNIQUE,
    route             TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    attempts          INTEGER NOT NULL,
    next_attempt_at   INTEGER NOT NULL,
    lease_owner       TEXT    NULL,
    lease_token       TEXT    NULL,
    lease_expires_at  INTEGER NULL,
    updated_at        INTEGER NOT NULL,
    version           INTEGER NOT NULL
);

-- Claim: only non-final rows are indexed, so delivered mail does not slow the dispatcher down.
-- The claim query repeats this exact WHERE term so that SQLite can use the partial index.
CREATE INDEX ix_messages_claim ON messages (priority, next_attempt_at)
    WHERE status IN ('queued', 'deferred');

-- In-flight jobs (a few hundred at most): lets NextDueAt find the earliest lease expiry without a scan.
CREATE INDEX ix_messages_leased ON messages (lease_expires_at)
    WHERE lease_token IS NOT NULL;

-- Recipient listing, newest first, keyset-paged on (created_at, id).
CREATE INDEX ix_messages_recipient ON messages (to_address_lower, created_at DESC, id DESC);

-- Idempotency look-up within a window; most messages have no key, so they are left out.
CREATE INDEX ix_messages_idempotency ON messages (idempotency_key, created_at)
    WHERE idempotency_key IS NOT NULL;

CREATE TABLE events (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id      TEXT    NOT NULL,
    time            INTEGER NOT NULL,
    type            TEXT    NOT NULL,
    attempt         INTEGER NULL,
    route           TEXT    NULL,
    remote_host     TEXT    NULL,
    smtp_code       INTEGER NULL,
    enhanced_status TEXT    NULL,
    reply           TEXT    NULL,
    next_attempt_at INTEGER NULL,
    duration_ms     INTEGER NULL,
    detail          TEXT    NULL
);

CREATE INDEX ix_events_message ON events (message_id, seq);

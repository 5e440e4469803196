-- Recipients (issue 5): an application's user by its own id, its contact addresses, preferences and
-- address verification. Times are INTEGER unix milliseconds (UTC), as in 0001.
CREATE TABLE recipients (
    id         TEXT    NOT NULL PRIMARY KEY,
    created_at INTEGER NOT NULL
);

-- An address belongs to at most one recipient, so a message to a bare address finds its owner's preferences.
CREATE TABLE recipient_addresses (
    address_lower TEXT    NOT NULL PRIMARY KEY,
    recipient_id  TEXT    NOT NULL,
    address       TEXT    NOT NULL,
    is_primary    INTEGER NOT NULL,
    added_at      INTEGER NOT NULL,
    verified_at   INTEGER NULL,
    verified_by   TEXT    NULL
);

CREATE INDEX ix_recipient_addresses_recipient ON recipient_addresses (recipient_id);

-- Only categories a recipient (or the application for it) changed; the rest follow the catalogue default.
CREATE TABLE recipient_preferences (
    recipient_id TEXT    NOT NULL,
    category     TEXT    NOT NULL,
    enabled      INTEGER NOT NULL,
    changed_at   INTEGER NOT NULL,
    source       TEXT    NOT NULL,
    PRIMARY KEY (recipient_id, category)
);

-- One pending token per address: issuing a new one replaces the row, so the older link stops working.
-- Only keyed hashes are stored; a copy of the database does not hold usable links or codes.
CREATE TABLE verification_tokens (
    address_lower TEXT    NOT NULL PRIMARY KEY,
    recipient_id  TEXT    NOT NULL,
    token_hash    TEXT    NOT NULL UNIQUE,
    code_hash     TEXT    NULL,
    code_failures INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    used_at       INTEGER NULL
);

-- Verification e-mail requests per address (known or not), for the re-send rate limit.
CREATE TABLE verification_requests (
    address_lower TEXT    NOT NULL,
    requested_at  INTEGER NOT NULL
);

CREATE INDEX ix_verification_requests ON verification_requests (address_lower, requested_at);

-- Old requests of every address are pruned by time, so addresses tried once (by a prober) do not pile up.
CREATE INDEX ix_verification_requests_time ON verification_requests (requested_at);

-- API keys: only the SHA-256 of each key is stored; a revoked key stays, with its revocation time, for the audit.
CREATE TABLE api_keys (
    id           TEXT    NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    scopes       TEXT    NOT NULL,
    secret_hash  TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    revoked_at   INTEGER NULL
);

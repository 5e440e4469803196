-- Data lifecycle (issue 17). A suppression that outlives the erasure of its address keeps only a keyed hash of the
-- address (HMAC-SHA256 with a key kept outside this file), its reason and its dates: a later send is still suppressed.
CREATE TABLE erased_suppressions (
    fingerprint TEXT    NOT NULL PRIMARY KEY,
    reason      TEXT    NOT NULL,
    since       INTEGER NOT NULL,
    expires_at  INTEGER NULL,
    erased_at   INTEGER NOT NULL
);

-- The audit of erasures: that one happened, when, and at whose request; never what was erased.
CREATE TABLE erasures (
    id    TEXT    NOT NULL PRIMARY KEY,
    at    INTEGER NOT NULL,
    actor TEXT    NOT NULL
);

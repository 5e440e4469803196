-- Portal links: only the SHA-256 of each token; used_at makes a link single-use. Operators: the support console's
-- users, with an ASP.NET Core Identity password hash (PBKDF2), never the password.
CREATE TABLE portal_links (
    token_hash    TEXT    NOT NULL PRIMARY KEY,
    recipient_id  TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    used_at       INTEGER NULL
);
CREATE INDEX portal_links_expires ON portal_links (expires_at);

CREATE TABLE operators (
    name           TEXT    NOT NULL PRIMARY KEY,
    password_hash  TEXT    NOT NULL,
    created_at     INTEGER NOT NULL
);

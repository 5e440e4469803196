-- The queue's moving part in a narrow table of its own (issue 13), the way queue tables on PostgreSQL are kept narrow.
-- Before, a claim and an outcome each changed the lease columns of the wide messages row, columns that 0006's
-- ix_messages_claimable and ix_messages_leased cover: every such UPDATE was non-HOT and added an entry to EVERY index
-- of messages (primary key, return_path, recipient, rate, both partials). Measured with
-- PG_ONLY=1 PG_STATEMENTS=1 bash bench/delivery-postgres.sh 8000 on 2026-12-01: the outcome touched ~36 buffer pages
-- and wrote ~1,490 WAL bytes per call, the claim ~28 pages and ~1,450 WAL bytes per claimed row, and
-- "messages updated=16000 hot=0"; PostgreSQL spent ~1.0 CPU s per 1,000 delivered messages.
--
-- Now a waiting message (queued or deferred) has one row here, and only here live its lease and the time and count
-- the claim orders and increments: a claim updates this row alone, with its own three small indexes; an outcome
-- deletes it (final) or moves it (deferred), and updates messages only in columns no index covers, so that update is
-- HOT. A row here exists exactly while the message's status is queued or deferred (written in the same statement as
-- that status: enqueue, outcome, suppression at intake), so it holds no status of its own.
--
-- messages keeps attempts and next_attempt_at, the columns SQLite has (herald db copy compares them column by column),
-- as the copy of the last enqueue or outcome, written in the same statement as this table's; while a row here exists
-- it is the home of both, and every read of a message takes them from it (MessageRows.From). The lease columns move
-- here and are dropped from messages: one home for the lease.
--
-- No foreign key to messages: its check would lock the new message row at every enqueue, and herald db copy fills
-- tables in its own order. The one statement that deletes waiting messages (erasure) deletes their rows here first.
CREATE TABLE queue (
    id               TEXT    COLLATE "C" NOT NULL PRIMARY KEY, -- messages.id
    priority         INTEGER NOT NULL,                         -- messages.priority, which never changes
    next_attempt_at  BIGINT  NOT NULL,
    attempts         INTEGER NOT NULL,
    lease_owner      TEXT    NULL,
    lease_node       TEXT    NULL,
    lease_token      TEXT    NULL,
    lease_expires_at BIGINT  NULL
);

-- An upgrade loses nothing: every waiting message, its lease (a job in flight during the upgrade) included.
INSERT INTO queue (id, priority, next_attempt_at, attempts, lease_owner, lease_node, lease_token, lease_expires_at)
SELECT id, priority, next_attempt_at, attempts, lease_owner, lease_node, lease_token, lease_expires_at
FROM messages WHERE status IN ('queued', 'deferred');

-- 0006's lesson kept: the claim never walks past leased rows. Free rows come from the claimable index, which holds no
-- leased row; expired leases are found through the leased one (QueueWrites.ClaimSql).
CREATE INDEX ix_queue_claimable ON queue (priority, next_attempt_at) WHERE lease_token IS NULL;
CREATE INDEX ix_queue_leased ON queue (lease_expires_at) WHERE lease_token IS NOT NULL;

DROP INDEX ix_messages_claimable;
DROP INDEX ix_messages_leased;
ALTER TABLE messages DROP COLUMN lease_owner, DROP COLUMN lease_node, DROP COLUMN lease_token, DROP COLUMN lease_expires_at;

-- A HOT update needs room for the new version on the row's own page (or room that pruning frees there: only versions
-- older than every running transaction's snapshot can go); at the default fillfactor (100) the pages the enqueue filled
-- have none, and the outcome would move the row to another page and add an entry to each of its indexes after all.
-- Measured with PG_ONLY=1 PG_STATEMENTS=1 bash bench/delivery-postgres.sh 20000 on 2026-12-01, messages updated=20000
-- (the outcomes; claims no longer update messages): fillfactor 85 gave hot=12958 and 13847, the outcome ~1,400 WAL
-- bytes and ~29 buffer pages per call; 70 gave hot=17126 and 15985, ~1,150-1,230 WAL bytes and ~27 pages. 70 it is: each message is
-- updated once or twice in its life, so the room kept on a page of old messages is the price of every one of those
-- updates staying HOT (its pages are ~1.4 times as many as full ones would be).
-- Pages already written get the room as vacuum frees them.
ALTER TABLE messages SET (fillfactor = 70);

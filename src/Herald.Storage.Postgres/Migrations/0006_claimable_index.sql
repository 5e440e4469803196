-- A claimed message stays queued or deferred while its attempt is in flight, so 0001's claim index also held every
-- leased row: each claim walked past all of them, and their dead versions, before reaching a free one. Measured with
-- PG_ONLY=1 PG_STATEMENTS=1 bench/delivery-postgres.sh 4000 on 2026-12-01: 1.6 ms of PostgreSQL's time per claim, the
-- most expensive statement of a delivered message. This index holds free rows only; a lease that expired is found
-- through ix_messages_leased (QueueWrites.ClaimSql), and the queue depth counts both.
CREATE INDEX ix_messages_claimable ON messages (priority, next_attempt_at)
    WHERE status IN ('queued', 'deferred') AND lease_token IS NULL;
DROP INDEX ix_messages_claim;

-- The node (process) whose store claimed the job: at start-up a node releases only its own leases and expired ones,
-- never the live lease of another node working on the same database. NULL on leases taken before this column existed:
-- those are released once they expire.
ALTER TABLE messages ADD COLUMN lease_node TEXT NULL;

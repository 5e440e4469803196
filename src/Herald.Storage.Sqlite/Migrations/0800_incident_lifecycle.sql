-- Domain incidents get an explicit lifecycle (issue 15): an incident closes when a message to its domain is delivered
-- after its last hit, or when no hit came for the incident window; its opening and its closing are webhook events.
ALTER TABLE domain_incidents ADD COLUMN closed_at INTEGER NULL;
ALTER TABLE domain_incidents ADD COLUMN close_reason TEXT NULL;    -- delivered | quiet

-- The sweep looks for open incidents by their last hit.
CREATE INDEX ix_domain_incidents_open ON domain_incidents (last_at) WHERE closed_at IS NULL;

-- Incidents whose last hit is over a day old (what the console and the doctor no longer showed as open) close as quiet
-- at the end of the default one-hour window, without an event: an upgrade must not send a year of incident.closed at
-- once to applications that never heard them open. Newer ones stay open and go through the lifecycle.
UPDATE domain_incidents SET closed_at = last_at + 3600000, close_reason = 'quiet'
WHERE last_at < CAST(unixepoch('subsec') * 1000 AS INTEGER) - 86400000;

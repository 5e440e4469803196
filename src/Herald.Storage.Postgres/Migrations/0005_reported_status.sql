-- As SQLite's 0810: a bounce or complaint that came back while the message's attempt was still in flight, kept so the
-- attempt settles on it when it commits (ReportedStatus.Settle).
ALTER TABLE messages ADD COLUMN reported_status TEXT NULL;

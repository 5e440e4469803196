-- A bounce or complaint that came back while the message's attempt was still in flight (a DSN can arrive before the
-- attempt's 250 is stored): kept here so the attempt settles on it when it commits (ReportedStatus.Settle).
ALTER TABLE messages ADD COLUMN reported_status TEXT NULL;

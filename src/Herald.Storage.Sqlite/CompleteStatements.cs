using Herald.Core.Messages;
using Herald.Core.Queue;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>Applies a job transition only while the caller still holds the lease (compare-and-set on the token).</summary>
internal sealed class CompleteStatements
{
    private readonly WriterSession _session;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _settle;
    private readonly SqliteCommand _readData;
    private readonly SqliteCommand _writeData;

    public CompleteStatements(WriterSession session)
    {
        _session = session;
        _update = session.Prepare(
            "UPDATE messages SET status = $status, next_attempt_at = COALESCE($next, next_attempt_at), " +
            "lease_owner = NULL, lease_node = NULL, lease_token = NULL, lease_expires_at = NULL, updated_at = $updated, version = version + 1 " +
            "WHERE id = $id AND lease_token = $token RETURNING reported_status");
        _update.Parameters.Add("$status", SqliteType.Text);
        _update.Parameters.Add("$next", SqliteType.Integer);
        _update.Parameters.Add("$updated", SqliteType.Integer);
        _update.Parameters.Add("$id", SqliteType.Text);
        _update.Parameters.Add("$token", SqliteType.Text);

        _settle = session.Prepare("UPDATE messages SET status = $status WHERE id = $id");
        _settle.Parameters.Add("$status", SqliteType.Text);
        _settle.Parameters.Add("$id", SqliteType.Text);

        _readData = session.Prepare("SELECT data_json, secret_fields, request_hash FROM messages WHERE id = $id");
        _readData.Parameters.Add("$id", SqliteType.Text);
        // The request hash goes with the secrets: the part of it that covers them would give a sign-in code back.
        _writeData = session.Prepare("UPDATE messages SET data_json = $data, request_hash = $hash WHERE id = $id");
        _writeData.Parameters.Add("$data", SqliteType.Text);
        _writeData.Parameters.Add("$hash", SqliteType.Text);
        _writeData.Parameters.Add("$id", SqliteType.Text);
    }

    public bool Run(DeliveryJob job, JobTransition transition)
    {
        var id = job.Message.Id;
        foreach (var e in transition.Events)
        {
            if (e.MessageId != id)
            {
                throw new ArgumentException($"event for {e.MessageId} in the transition of {id}", nameof(transition));
            }
        }

        var updatedAt = transition.Events.Count > 0 ? transition.Events[^1].Time : _session.TimeProvider.GetUtcNow();
        var p = _update.Parameters;
        p[0].Value = transition.Status.ToWire();
        p[1].Value = DbValue.Of(transition.NextAttemptAt);
        p[2].Value = UnixMs.From(updatedAt);
        p[3].Value = id;
        p[4].Value = job.LeaseToken;
        string? reported;
        using (var reader = _update.ExecuteReader())
        {
            if (!reader.Read())
            {
                // Lease lost: it expired and another worker claimed the job, or this job was already completed.
                return false;
            }

            reported = reader.IsDBNull(0) ? null : reader.GetString(0);
        }

        // A bounce or complaint that came back while this attempt was in flight outranks its delivery.
        if (reported is not null && ReportedStatus.Settle(transition.Status, MessageStatusExtensions.ParseWire(reported)) is var settled
            && settled != transition.Status)
        {
            _settle.Parameters[0].Value = settled.ToWire();
            _settle.Parameters[1].Value = id;
            _settle.ExecuteNonQuery();
        }

        foreach (var e in transition.Events)
        {
            _session.InsertEvent(e);
        }

        // A message without secret fields (most of them) keeps its data as it is: reading, re-parsing and rewriting it
        // would only cost the single writer time and change nothing.
        if (transition.PurgeSecrets && job.Message.SecretFields.Count > 0)
        {
            PurgeSecrets(id);
        }

        return true;
    }

    private void PurgeSecrets(string id)
    {
        string? data;
        IReadOnlyList<string> secrets;
        string hash;
        _readData.Parameters[0].Value = id;
        using (var reader = _readData.ExecuteReader())
        {
            reader.Read();
            data = reader.IsDBNull(0) ? null : reader.GetString(0);
            secrets = SecretFieldsJson.Read(reader.GetString(1));
            hash = reader.GetString(2);
        }

        _writeData.Parameters[0].Value = DbValue.Of(SecretData.Purge(data, secrets));
        _writeData.Parameters[1].Value = RequestHashes.Purged(hash);
        _writeData.Parameters[2].Value = id;
        _writeData.ExecuteNonQuery();
        _session.MarkWipe();
    }
}

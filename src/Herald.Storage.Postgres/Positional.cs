using Npgsql;

namespace Herald.Storage.Postgres;

/// <summary>Positional parameters ($1, $2, ...) for the statements written without Dapper (batches, arrays).</summary>
internal static class Positional
{
    /// <summary>Adds <paramref name="values"/> in order, null as SQL NULL.</summary>
    public static void Add(NpgsqlParameterCollection parameters, params object?[] values)
    {
        foreach (var value in values)
        {
            parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }
}

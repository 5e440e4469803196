using Npgsql;
using NpgsqlTypes;

namespace Herald.Storage.Postgres;

/// <summary>Positional parameters ($1, $2, ...) for the statements written without Dapper (batches, arrays).</summary>
internal static class Positional
{
    /// <summary>
    /// Adds <paramref name="values"/> in order; a value that is a parameter already is added as it is. A value that may be
    /// null goes in typed (<see cref="Text"/>, <see cref="Bigint"/>): a bare null is refused, for the reason given there.
    /// </summary>
    /// <exception cref="ArgumentException">A value is a bare null.</exception>
    public static void Add(NpgsqlParameterCollection parameters, params object?[] values)
    {
        foreach (var value in values)
        {
            parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter
            {
                Value = value ?? throw new ArgumentException(
                    $"parameter ${parameters.Count + 1} is a bare null: pass it typed (Positional.Text, Positional.Bigint)", nameof(values)),
            });
        }
    }

    /// <summary>
    /// A text parameter that may be null, typed either way. An untyped null is sent as "unknown", and Npgsql prepares a
    /// statement for one list of parameter types: a statement that was sent a string in one call and a null in the next
    /// was prepared again, and PostgreSQL planned it again, at nearly every call (an outcome with secrets to purge
    /// between outcomes without: 34 plans in 40 calls, PostgresPlanCacheTests).
    /// </summary>
    public static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    /// <summary>A bigint parameter that may be null, typed either way (see <see cref="Text"/>).</summary>
    public static NpgsqlParameter Bigint(long? value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)value ?? DBNull.Value };
}

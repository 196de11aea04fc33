using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace PolicyTracker.Data;

/// <summary>How long a request may wait for the database before it is told the database is unavailable.
/// EF's default strategy retries six times with delays up to 30 s, so with the server down every page
/// and the readiness probe hung for about a minute. Here: a 3 s connect timeout and two retries at most
/// 1 s apart, a few seconds in all, still enough to ride over a server restart or a failover.</summary>
public static class DatabaseResilience
{
    public const int MaxRetryCount = 2;

    public const int ConnectTimeoutSeconds = 3;

    public const int CommandTimeoutSeconds = 30;

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    private const int NpgsqlDefaultConnectTimeout = 15;

    /// <summary>The connection string with the short connect timeout, unless it sets a timeout of its own.</summary>
    public static string WithTimeouts(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (builder.Timeout == NpgsqlDefaultConnectTimeout)
            {
                builder.Timeout = ConnectTimeoutSeconds;
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            // Unparseable: left as it is for the start-up check to report.
            return connectionString;
        }
    }

    public static NpgsqlDbContextOptionsBuilder Bounded(this NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.EnableRetryOnFailure(MaxRetryCount, MaxRetryDelay, errorCodesToAdd: null).CommandTimeout(CommandTimeoutSeconds);
}

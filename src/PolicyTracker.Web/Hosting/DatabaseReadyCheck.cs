using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace PolicyTracker.Web.Hosting;

/// <summary>Readiness: one SELECT 1 on a connection with a 2 s connect and command timeout and no retries,
/// so that a probe learns within seconds that the database is gone (EF's context check went through the
/// retrying execution strategy and took about a minute).</summary>
public sealed class DatabaseReadyCheck(IConfiguration configuration) : IHealthCheck
{
    public const int TimeoutSeconds = 2;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Default"))
            {
                Timeout = TimeoutSeconds,
                CommandTimeout = TimeoutSeconds,
            };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or ArgumentException or InvalidOperationException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database is unavailable: " + ex.GetBaseException().Message);
        }
    }
}

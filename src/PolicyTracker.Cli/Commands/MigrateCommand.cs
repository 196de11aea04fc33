using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;

namespace PolicyTracker.Cli.Commands;

internal static class MigrateCommand
{
    public const string ConnectionVariable = "ConnectionStrings__Default";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (ResolveConnection("migrate", args, stderr) is not { } connectionString)
        {
            return 2;
        }

        try
        {
            var collection = new ServiceCollection().AddPolicyTrackerData(connectionString);
            collection.AddLogging();
            collection.AddPolicyTrackerAccounts(connectionString);
            await using var services = collection.BuildServiceProvider();
            await DatabaseMigrator.MigrateAsync(services);
            await stdout.WriteLineAsync("migrate: the database is up to date");
            return 0;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            await stderr.WriteLineAsync($"migrate: {e.Message}");
            return 1;
        }
    }

    // --connection CS, or --connection=CS, else the environment; nothing else is accepted.
    internal static string? ResolveConnection(string command, string[] args, TextWriter stderr)
    {
        string? connection = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--connection" && i + 1 < args.Length)
            {
                connection = args[++i];
            }
            else if (args[i].StartsWith("--connection=", StringComparison.Ordinal))
            {
                connection = args[i]["--connection=".Length..];
            }
            else
            {
                stderr.WriteLine($"usage: policytracker {command} [--connection CONNECTION-STRING]");
                stderr.WriteLine($"  without --connection, the connection string comes from {ConnectionVariable}");
                return null;
            }
        }

        connection ??= Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            stderr.WriteLine($"{command}: no database: pass --connection or set {ConnectionVariable}");
            return null;
        }

        return connection;
    }
}

using System.Diagnostics;
using Npgsql;

namespace PolicyTracker.IntegrationTests.Support;

/// <summary>A PostgreSQL cluster of the test's own, started and stopped with scripts/lib/postgres.sh, for
/// tests that take the database away under a running app (the shared POLICYTRACKER_TEST_DB must stay up).</summary>
public sealed class PrivateCluster : IAsyncDisposable
{
    private readonly string _data;
    private readonly string _script;

    private PrivateCluster(string data, int port, string script)
    {
        _data = data;
        Port = port;
        _script = script;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ConnectionString;

    public static async Task<PrivateCluster> StartAsync()
    {
        var script = FindScript();
        // Test assemblies run in parallel and each may want a cluster: start from a random port, and
        // take the next one when another process won the race for it.
        for (var attempt = 1; ; attempt++)
        {
            var data = Path.Combine(Path.GetTempPath(), $"policytracker-private-pg-{Guid.NewGuid():N}");
            var from = 57400 + Random.Shared.Next(0, 400);
            var port = int.Parse((await BashAsync(script, $"pg_free_port {from}")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var cluster = new PrivateCluster(data, port, script);
            try
            {
                await cluster.StartAgainAsync();
                return cluster;
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                await cluster.DisposeAsync();
            }
        }
    }

    public Task StartAgainAsync() =>
        BashAsync(_script, $"pg_start '{_data}' {Port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off");

    /// <summary>pg_ctl restart -m fast: every session is ended, in-flight transactions roll back, the server comes back.</summary>
    public Task RestartAsync() =>
        BashAsync(_script, $"pg_as_owner \"$(pg_bindir)/pg_ctl\" -D '{_data}' -l '{_data}/server.log' -m fast -w -t 60 restart >/dev/null");

    /// <summary>As a crash or a pulled cable looks to the app: no shutdown courtesy.</summary>
    public Task StopAsync() => BashAsync(_script, $"pg_stop '{_data}' immediate");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await StopAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; the OS cleans it up.
        }
        catch (UnauthorizedAccessException)
        {
            // Owned by the postgres account.
        }
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scripts", "lib", "postgres.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("scripts/lib/postgres.sh not found above " + AppContext.BaseDirectory);
    }

    private static async Task<string> BashAsync(string script, string command)
    {
        var start = new ProcessStartInfo("bash", ["-c", $". '{script}' && {command}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{command}` failed ({process.ExitCode}): {await errors}");
        }

        return await output;
    }
}

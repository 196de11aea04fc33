using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PolicyTracker.Data;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;
using PolicyTracker.Data.Import.Jobs;
using PolicyTracker.IntegrationTests.Support;

namespace PolicyTracker.IntegrationTests.Import;

/// <summary>The test's own PostgreSQL (never the shared test server) restarted with pg_ctl while a worker is inside
/// a report's transaction: the job goes on by itself when the server is back, and every report is stored once.</summary>
public sealed class ImportRestartTests : IDisposable
{
    private const int Count = 40;
    private const int Held = 17;

    private readonly string _folder = Directory.CreateTempSubdirectory("pt-restart-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Report(int n) =>
        $"Beijing, April {1 + (n % 28)} -- The Invented Commission on Restarted Servers number {n} held its "
        + $"session {n} on Monday, chaired by Wen Lanxi and attended by Hao Dongmei. The meeting adopted a plan on uptime, item {n}.";

    [Fact]
    public async Task A_server_restart_in_the_middle_of_an_import_loses_and_doubles_no_report_and_the_job_completes()
    {
        await using var cluster = await PrivateCluster.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICurrentUser>(new TestUser());
        services.AddPolicyTrackerData(cluster.ConnectionString("pt_restart"));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        for (var i = 0; i < Count; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(_folder, $"report-{i:D3}.txt"), Report(i));
        }

        var jobs = new ImportJobs(factory, TimeProvider.System);
        var job = await jobs.CreateAsync(ImportSourceKind.Folder, _folder, false, "tester", ImportSources.Folder(_folder));

        // Report 17 is held at its first lock by a transaction of the test's, so the restart finds the worker inside it.
        // Not pooled: the restart ends it, and a pooled connection's reset on dispose would throw.
        var hold = new NpgsqlConnection(cluster.ConnectionString("pt_restart") + ";Pooling=false");
        await hold.OpenAsync();
        await using (var begin = new NpgsqlCommand("BEGIN; SELECT pg_advisory_xact_lock(@key)", hold))
        {
            begin.Parameters.AddWithValue("key", KeyLocks.Key(KeyLocks.Phase.Names, "text:" + TextKeys.Sha256Hex(Report(Held))));
            await begin.ExecuteNonQueryAsync();
        }

        var worker = new ImportWorker(factory, new ReportImporter(factory, TimeProvider.System, new TestUser()), TimeProvider.System,
            new ImportWorkerOptions { Lease = TimeSpan.FromSeconds(3), BatchSize = 2, IdleDelay = TimeSpan.FromMilliseconds(100) });
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => worker.RunAsync(stop.Token));

        await WaitAsync(async () =>
        {
            await using var check = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", hold);
            return (long)(await check.ExecuteScalarAsync())! > 0;
        }, "the worker waiting inside report 17's transaction");
        var before = (await jobs.ProgressAsync(job))!;
        before.Imported.ShouldBe(Held);
        before.Status.ShouldBe(ImportJobStatus.Running);

        await cluster.RestartAsync();
        await hold.DisposeAsync();
        NpgsqlConnection.ClearAllPools();

        await WaitAsync(async () => (await jobs.ProgressAsync(job))?.Status == ImportJobStatus.Completed, "the job completed after the restart");
        await stop.CancelAsync();
        await running;

        var progress = (await jobs.ProgressAsync(job))!;
        (progress.Total, progress.Imported, progress.Done, progress.Failed).ShouldBe((Count, Count, Count, 0));
        var items = (await jobs.ItemsAsync(job, null, 0, 1000)).Rows;
        items.ShouldAllBe(i => i.Status == ImportItemStatus.Imported && i.ReportId != null);
        await using var after = await factory.CreateDbContextAsync();
        (await after.Reports.CountAsync()).ShouldBe(Count);
        (await after.Reports.Select(r => r.Id).ToListAsync()).ShouldBe(items.Select(i => i.ReportId!.Value), ignoreOrder: true);
        (await after.Reports.Select(r => r.ContentHash).Distinct().CountAsync()).ShouldBe(Count);
        // Each report's records once: no meeting source (what a report's copy would add first) is doubled.
        (await after.MeetingSources.GroupBy(s => s.SourceReportId).Where(g => g.Count() > 1).CountAsync()).ShouldBe(0);
    }

    // Polls a condition the test waits for (not a fixed sleep); the bound only ends a run that is stuck.
    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (NpgsqlException) when (clock.Elapsed < TimeSpan.FromMinutes(3))
            {
                // The server is still coming back.
            }

            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(3), $"waiting for {what}");
            await Task.Delay(100);
        }
    }
}

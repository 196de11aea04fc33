using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import.Jobs;
using PolicyTracker.IntegrationTests.Support;

namespace PolicyTracker.IntegrationTests.Import;

// `policytracker import` as real processes against the test database: killed with SIGKILL mid-import
// and started again, and two processes on one queue.
[Collection(DatabaseTestGroup.Name)]
public sealed class ImportCliProcessTests(DatabaseFixture fixture) : IAsyncLifetime, IDisposable
{
    private const int Reports = 160;

    private readonly string _folder = Directory.CreateTempSubdirectory("pt-import-cli-").FullName;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Invented texts: each names a different body and day so no two share a content hash.
    private static string Report(int n) =>
        $"Beijing, March {1 + (n % 28)} -- The Invented Standing Committee on Coastal Affairs number {n} held its "
        + $"session {n} on Tuesday, chaired by Wen Lanxi. The meeting reviewed a draft plan on harbour dredging, item {n}.";

    private async Task WriteFolderAsync()
    {
        for (var i = 0; i < Reports; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(_folder, $"report-{i:D3}.txt"), Report(i));
        }
    }

    private static readonly string CliDll = Path.Combine(AppContext.BaseDirectory, "policytracker.dll");

    private Process StartImport()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var arg in new[] { CliDll, "import", _folder, "--workers", "2", "--lease", "2", "--connection", fixture.ConnectionString })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> FinishAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private async Task<int> CountAsync(ImportItemStatus status)
    {
        await using var db = await fixture.CreateDbContextAsync();
        return await db.ImportItems.CountAsync(i => i.Status == status);
    }

    private async Task AssertEveryReportStoredOnceAsync()
    {
        await using var db = await fixture.CreateDbContextAsync();
        (await db.ImportJobs.CountAsync()).ShouldBe(1);
        var items = await db.ImportItems.AsNoTracking().ToListAsync();
        items.Count.ShouldBe(Reports);
        items.ShouldAllBe(i => i.Status == ImportItemStatus.Imported && i.ReportId != null);
        items.Select(i => i.ReportId).Distinct().Count().ShouldBe(Reports);
        (await db.Reports.CountAsync()).ShouldBe(Reports);
        (await db.Reports.Select(r => r.ContentHash).Distinct().CountAsync()).ShouldBe(Reports);
        (await db.ImportJobs.SingleAsync()).Status.ShouldBe(ImportJobStatus.Completed);
    }

    [Fact]
    public async Task An_import_killed_with_SIGKILL_resumes_on_the_next_run_and_stores_every_report_exactly_once()
    {
        File.Exists(CliDll).ShouldBeTrue($"the CLI is copied beside the tests: {CliDll}");
        await WriteFolderAsync();

        using (var first = StartImport())
        {
            var waited = Stopwatch.StartNew();
            while (await CountAsync(ImportItemStatus.Imported) < 10)
            {
                first.HasExited.ShouldBeFalse("the import finished or died before it could be killed");
                waited.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(2));
                await Task.Delay(50);
            }

            first.Kill(); // SIGKILL on Unix: no handler, no clean-up
            await first.WaitForExitAsync();
        }

        await using (var db = await fixture.CreateDbContextAsync())
        {
            // One statement, one snapshot: a COMMIT the killed process had already sent may still land after the kill.
            await db.Database.OpenConnectionAsync();
            await using var count = new Npgsql.NpgsqlCommand(
                "SELECT (SELECT count(*) FROM import_items WHERE status = 'Imported')::int, (SELECT count(*) FROM reports)::int",
                (Npgsql.NpgsqlConnection)db.Database.GetDbConnection());
            await using var row = await count.ExecuteReaderAsync();
            (await row.ReadAsync()).ShouldBeTrue();
            var (importedAtKill, reportsAtKill) = (row.GetInt32(0), row.GetInt32(1));
            importedAtKill.ShouldBeLessThan(Reports, "the kill came after the import had finished");
            // No half-stored report: every report the killed process stored has its item marked, and no other.
            reportsAtKill.ShouldBe(importedAtKill);
        }

        using var second = StartImport();
        var (exit, stdout, stderr) = await FinishAsync(second);

        exit.ShouldBe(0, $"stdout: {stdout}\nstderr: {stderr}");
        stderr.ShouldContain("import: resuming job");
        stdout.ShouldContain($"{Reports} items, {Reports} stored, 0 duplicates, 0 failed");
        await AssertEveryReportStoredOnceAsync();

        // The same folder again: a new job whose items are all duplicates; nothing stored twice.
        using var third = StartImport();
        var again = await FinishAsync(third);
        again.ExitCode.ShouldBe(0, again.Stderr);
        again.Stdout.ShouldContain($"{Reports} items, 0 stored, {Reports} duplicates, 0 failed");
        await using var after = await fixture.CreateDbContextAsync();
        (await after.Reports.CountAsync()).ShouldBe(Reports);
    }

    [Fact]
    public async Task Two_import_processes_share_one_job_without_storing_any_report_twice()
    {
        File.Exists(CliDll).ShouldBeTrue($"the CLI is copied beside the tests: {CliDll}");
        await WriteFolderAsync();
        // Queued first (as the Import page does), so both processes take up the same job.
        await new ImportJobs(fixture.Factory, TimeProvider.System)
            .CreateAsync(ImportSourceKind.Folder, _folder, false, "tester", ImportSources.Folder(_folder));

        using var one = StartImport();
        using var two = StartImport();
        var results = await Task.WhenAll(FinishAsync(one), FinishAsync(two));

        results.ShouldAllBe(r => r.ExitCode == 0);
        await AssertEveryReportStoredOnceAsync();
        await using var db = await fixture.CreateDbContextAsync();
        var processes = await db.ImportItems.Select(i => i.ClaimedBy!).ToListAsync();
        // Worker ids are MACHINE:PID:N; both processes did part of the work.
        processes.Select(p => p.Split(':')[1]).Distinct().Count().ShouldBe(2);
    }
}

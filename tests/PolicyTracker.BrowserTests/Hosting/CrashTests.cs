using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Import;
using PolicyTracker.TestSupport;
using Xunit.Abstractions;

namespace PolicyTracker.BrowserTests.Hosting;

/// <summary>The app as it is deployed, a process of its own, killed with SIGKILL while it publishes a large
/// report from the review page, then started again: twenty times, half of them held inside the publishing transaction. Each report is afterwards either fully
/// published or still a draft exactly as it was, the published flags and stored counts agree with the
/// reports, and the audit holds the publication exactly when it happened. In the app collection only so
/// that it does not run beside the other browser tests; its app, database and pages are its own.</summary>
[Collection(AppCollection.Name)]
public sealed class CrashTests(AppFixture fixture, ITestOutputHelper output)
{
    private const int Runs = 20;

    // About 300 KB and some 400 records per report: long enough to publish that a random kill can land inside it.
    private static string Report(int run)
    {
        var day = new DateOnly(2023, 1, 2).AddDays(7 * run);
        var text = new StringBuilder(FormattableString.Invariant($"Crash test readout {run}\n  ·  {day:yyyy-MM-dd}  ·   Source: Crash Wire\n\n"));
        string[] bodies = ["Harbour Council", "State Council", "Council of Ministers", "Budget Committee", "Water Board"];
        string[] people = ["Ana Ruiz", "Li Wei", "Karin Holm", "Omar Haddad", "Joao Silva", "Mei Tanaka"];
        for (var i = 0; text.Length < 300_000; i++)
        {
            if (i % 3 == 0)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"Premier {people[i % people.Length]} chaired a meeting of the {bodies[i / 3 % bodies.Length]} on Monday, and the meeting approved a plan on harbour works item {i}. ");
                text.Append(CultureInfo.InvariantCulture, $"Minister {people[(i + 1) % people.Length]} attended.\n\n");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"Paragraph {i:D5} goes over the tides, the dredging schedule and what the crews reported from the quays this week.\n\n");
            }
        }

        return text.ToString();
    }

    [Fact]
    public async Task A_publish_killed_with_SIGKILL_leaves_the_report_fully_published_or_untouched_and_the_audit_agrees()
    {
        await using var database = await TestDatabase.CreateAsync("pt_crash");
        await database.MigrateAsync();
        var reports = new List<Guid>();
        await using (var services = new ServiceCollection().AddPolicyTrackerData(database.ConnectionString).BuildServiceProvider())
        {
            await using var scope = services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<ReportImporter>();
            for (var run = 0; run < Runs; run++)
            {
                var imported = await importer.ImportAsync(new ImportRequest(Report(run)));
                imported.Succeeded.ShouldBeTrue(imported.Message);
                reports.Add(imported.ReportId!.Value);
            }
        }

        var port = FreePort();
        var outcomes = new List<string>();
        var random = new Random(10);
        for (var run = 0; run < Runs; run++)
        {
            var id = reports[run];
            await using var app = await AppProcess.StartAsync(database.ConnectionString, port, run);
            var page = await NewPageAsync(app.BaseUrl);
            await AppFixture.SignInAsync(page, Roles.Editor);
            await page.GotoAsync($"/reports/{id}/review");
            await AppFixture.WaitInteractiveAsync(page);
            // A fresh process renders its first page slowly on a loaded machine: more than Expect's 5 s default.
            await Assertions.Expect(page.GetByTestId("report-status")).ToHaveTextAsync("draft", new() { Timeout = 60_000 });
            var before = await SnapshotAsync(database, id);
            var clickedAt = await NowAsync(database);

            // Half the runs are killed inside the publishing transaction, held there by a table lock this test takes
            // (a wait point in the database, so no test code runs in the app): the app's transaction has written the
            // report's status and the audit and waits on its next write until the kill. The other half are killed a
            // random delay after the click (before, during or after the write), or as soon as the commit is seen.
            var inTransaction = run % 2 == 0;
            var afterCommit = run % 4 == 3;
            var holdAt = HoldPoints[run / 2 % HoldPoints.Length];
            var delay = random.Next(0, 1500);
            string outcome;
            if (inTransaction)
            {
                await using var hold = await TableHold.TakeAsync(database, holdAt);
                await page.GetByTestId("publish").ClickAsync();
                var blockedIn = await WaitUntilBlockedAsync(database, app.ApplicationName, hold.ProcessId);
                blockedIn.ShouldNotBeNull($"run {run + 1}: the publishing transaction never reached the write to {holdAt}");
                app.Kill();
                await hold.ReleaseAsync();
                // The killed app's backend may still hold its transaction open until it notices the client is gone.
                (await WaitUntilDisconnectedAsync(database, app.ApplicationName)).ShouldBeTrue($"run {run + 1}: the app's connections outlived it");
                outcome = $"killed while its transaction waited on {holdAt} in: {OneLine(blockedIn)}";
            }
            else if (afterCommit)
            {
                await page.GetByTestId("publish").ClickAsync();
                (await WaitUntilPublishedAsync(database, id)).ShouldBeTrue($"run {run + 1}: the publication never committed");
                app.Kill();
                outcome = "killed as soon as the commit was seen";
            }
            else
            {
                await page.GetByTestId("publish").ClickAsync();
                await Task.Delay(delay);
                app.Kill();
                outcome = FormattableString.Invariant($"killed {delay} ms after the click");
            }

            await page.Context.CloseAsync();

            var after = await SnapshotAsync(database, id);
            var published = after.Status == "Published";
            outcomes.Add(FormattableString.Invariant($"run {run + 1}: {outcome} -> {after.Status}"));
            output.WriteLine(outcomes[^1]);
            after.Status.ShouldBe(inTransaction ? "Draft" : afterCommit ? "Published" : after.Status, $"run {run + 1}");
            after.Status.ShouldBeOneOf("Draft", "Published");
            (await InconsistenciesAsync(database)).ShouldBeEmpty($"run {run + 1}");
            var audit = await AuditSinceAsync(database, clickedAt);
            if (published)
            {
                // Every record the report names is published, and the audit holds the publication.
                after.Records.ShouldBe(before.Records, $"run {run + 1}");
                after.Unpublished.ShouldBe(0, $"run {run + 1}");
                audit.ShouldContain(a => a.EntityType == "Report" && a.EntityId == id.ToString() && a.NewValues.Contains("Published", StringComparison.Ordinal));
            }
            else
            {
                // Nothing of the publication was kept: the same rows, still unpublished, and no audit row.
                after.ShouldBe(before, $"run {run + 1}");
                audit.ShouldBeEmpty($"run {run + 1}");
            }
        }

        await File.WriteAllTextAsync(Path.Combine(AppFixture.ArtifactsDirectory, "crash-test.txt"), string.Join('\n', outcomes) + "\n");
        // Started once more, the app serves both kinds of report as what they are.
        await using var last = await AppProcess.StartAsync(database.ConnectionString, port, Runs);
        var check = await NewPageAsync(last.BaseUrl);
        await AppFixture.SignInAsync(check, Roles.Editor);
        foreach (var id in reports)
        {
            var status = (await SnapshotAsync(database, id)).Status;
            await check.GotoAsync($"/reports/{id}/review");
            await Assertions.Expect(check.GetByTestId("report-status")).ToHaveTextAsync(status.ToLowerInvariant(), new() { Timeout = 60_000 });
        }

        (await fixture.ProblemsAsync(check)).ShouldBeEmpty();
    }

    private async Task<IPage> NewPageAsync(string baseUrl)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 }, BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        return page;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<DateTime> NowAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT clock_timestamp()", connection);
        return (DateTime)(await command.ExecuteScalarAsync())!;
    }

    // Tables the publishing transaction writes, in its order: participations' published flags right after the
    // report's status, the meetings' flags and the audit; document_counts as the very last statement before the commit.
    private static readonly string[] HoldPoints = ["participations", "document_counts"];

    private static string OneLine(string sql) => string.Join(' ', sql.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)) is var line
        && line.Length > 60 ? line[..60] + "…" : line;

    // The statement an app transaction that has written something is running while it waits on the hold, or null
    // when none does so within a minute.
    private static async Task<string?> WaitUntilBlockedAsync(TestDatabase database, string applicationName, int holder)
    {
        await using var connection = await database.OpenAsync();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await using var command = new NpgsqlCommand(
                "SELECT query FROM pg_stat_activity WHERE application_name = @app AND backend_xid IS NOT NULL AND @holder = ANY(pg_blocking_pids(pid))", connection);
            command.Parameters.AddWithValue("app", applicationName);
            command.Parameters.AddWithValue("holder", holder);
            if (await command.ExecuteScalarAsync() is string query)
            {
                return query;
            }

            await Task.Delay(20);
        }

        return null;
    }

    private static async Task<bool> WaitUntilPublishedAsync(TestDatabase database, Guid id)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if ((await SnapshotAsync(database, id)).Status == "Published")
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }

    private static async Task<bool> WaitUntilDisconnectedAsync(TestDatabase database, string applicationName)
    {
        await using var connection = await database.OpenAsync();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @app", connection);
            command.Parameters.AddWithValue("app", applicationName);
            if ((long)(await command.ExecuteScalarAsync())! == 0)
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }

    /// <summary>A SHARE lock on one table, held in an open transaction of the test's own: reads go on, and the
    /// first write to the table waits until <see cref="ReleaseAsync"/>.</summary>
    private sealed class TableHold : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private NpgsqlTransaction? _transaction;

        private TableHold(NpgsqlConnection connection, NpgsqlTransaction transaction, int processId)
        {
            _connection = connection;
            _transaction = transaction;
            ProcessId = processId;
        }

        public int ProcessId { get; }

        public static async Task<TableHold> TakeAsync(TestDatabase database, string table)
        {
            var connection = await database.OpenAsync();
            var transaction = await connection.BeginTransactionAsync();
            // The table name is one of HoldPoints, never input.
            await using var command = new NpgsqlCommand($"LOCK TABLE {table} IN SHARE MODE", connection, transaction);
            await command.ExecuteNonQueryAsync();
            return new TableHold(connection, transaction, connection.ProcessID);
        }

        public async Task ReleaseAsync()
        {
            if (_transaction is not null)
            {
                await _transaction.RollbackAsync();
                await _transaction.DisposeAsync();
                _transaction = null;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await ReleaseAsync();
            await _connection.DisposeAsync();
        }
    }

    private sealed record Snapshot(string Status, string Records, long Unpublished);

    // The report's status, how many rows of each kind name it, and how many of the records it names are unpublished.
    private static async Task<Snapshot> SnapshotAsync(TestDatabase database, Guid id)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT r.status,
              (SELECT count(*) FROM meeting_sources WHERE source_report_id = r.id) || '/' ||
              (SELECT count(*) FROM participation_sources WHERE source_report_id = r.id) || '/' ||
              (SELECT count(*) FROM resolution_sources WHERE source_report_id = r.id) || '/' ||
              (SELECT count(*) FROM document_action_sources WHERE source_report_id = r.id),
              (SELECT count(*) FROM meetings m JOIN meeting_sources s ON s.meeting_id = m.id WHERE s.source_report_id = r.id AND NOT m.published)
              + (SELECT count(*) FROM participations f JOIN participation_sources s ON s.fact_id = f.id WHERE s.source_report_id = r.id AND NOT f.published)
              + (SELECT count(*) FROM document_actions f JOIN document_action_sources s ON s.fact_id = f.id WHERE s.source_report_id = r.id AND NOT f.published)
            FROM reports r WHERE r.id = @id
            """, connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return new Snapshot(reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
    }

    // Rows whose published flag or stored count disagrees with the reports: none, ever.
    private static async Task<List<string>> InconsistenciesAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT 'meeting ' || m.id FROM meetings m
            WHERE m.published IS DISTINCT FROM (m.deleted_at IS NULL AND EXISTS (
                SELECT 1 FROM meeting_sources s JOIN reports r ON r.id = s.source_report_id
                WHERE s.meeting_id = m.id AND s.deleted_at IS NULL AND s.verdict <> 'Removed' AND r.status = 'Published' AND r.deleted_at IS NULL))
            UNION ALL
            SELECT 'document action ' || f.id FROM document_actions f
            WHERE f.published IS DISTINCT FROM (f.deleted_at IS NULL AND EXISTS (
                SELECT 1 FROM document_action_sources s JOIN reports r ON r.id = s.source_report_id
                WHERE s.fact_id = f.id AND s.deleted_at IS NULL AND s.verdict <> 'Removed' AND r.status = 'Published' AND r.deleted_at IS NULL))
            UNION ALL
            SELECT 'body count ' || o.id FROM organizations o
            WHERE coalesce((SELECT meetings FROM body_counts c WHERE c.organization_id = o.id), 0)
                  <> (SELECT count(*) FROM meetings m WHERE m.organization_id = o.id AND m.published AND m.deleted_at IS NULL)
            """, connection);
        var problems = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            problems.Add(reader.GetString(0));
        }

        return problems;
    }

    private sealed record Audit(string EntityType, string EntityId, string NewValues);

    private static async Task<List<Audit>> AuditSinceAsync(TestDatabase database, DateTime since)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT entity_type, entity_id, coalesce(new_values::text, '') FROM audit_entries WHERE at >= @since", connection);
        command.Parameters.AddWithValue("since", since);
        var rows = new List<Audit>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Audit(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>The built app run as its own process (dotnet PolicyTracker.Web.dll), as it is deployed.</summary>
    private sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _log = new();

        private AppProcess(Process process, string baseUrl, string applicationName)
        {
            _process = process;
            BaseUrl = baseUrl;
            ApplicationName = applicationName;
        }

        public string BaseUrl { get; }

        // Set on the app's connections, so the test can tell its transactions from its own.
        public string ApplicationName { get; }

        public static async Task<AppProcess> StartAsync(string connectionString, int port, int run)
        {
            var root = CorpusLocator.RepositoryRoot ?? throw new InvalidOperationException("The repository root was not found.");
            var name = FormattableString.Invariant($"policytracker-crash-{run}");
            var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
            var web = Path.Combine(root, "src", "PolicyTracker.Web");
            var dll = Path.Combine(web, "bin", configuration, "net10.0", "PolicyTracker.Web.dll");
            File.Exists(dll).ShouldBeTrue(dll);
            var baseUrl = FormattableString.Invariant($"http://127.0.0.1:{port}");
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add(baseUrl);
            start.Environment["ConnectionStrings__Default"] = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = name }.ConnectionString;
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Database__SeedDemoData"] = "false";
            start.Environment["Security__SignInAttemptsPerMinute"] = "1000";
            start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
            start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(Path.GetTempPath(), "policytracker-crash", "app-.log");
            var process = Process.Start(start)!;
            var app = new AppProcess(process, baseUrl, name);
            process.OutputDataReceived += (_, e) => app.Append(e.Data);
            process.ErrorDataReceived += (_, e) => app.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await app.WaitReadyAsync();
            return app;
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (_log)
                {
                    _log.AppendLine(line);
                }
            }
        }

        private async Task WaitReadyAsync()
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(90))
            {
                if (_process.HasExited)
                {
                    break;
                }

                try
                {
                    if ((await http.GetAsync(BaseUrl + "/health/ready")).IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Not answering yet.
                }

                await Task.Delay(200);
            }

            string log;
            lock (_log)
            {
                log = _log.ToString();
            }

            throw new InvalidOperationException("The app did not become ready:\n" + log);
        }

        // SIGKILL: no shutdown, no flush, no rollback from the app's side.
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit();
        }

        public ValueTask DisposeAsync()
        {
            Kill();
            _process.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

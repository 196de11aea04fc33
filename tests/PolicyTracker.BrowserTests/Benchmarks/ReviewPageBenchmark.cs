using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Editing;
using PolicyTracker.BrowserTests.Support;
using PolicyTracker.Data;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Import;
using Xunit.Abstractions;

namespace PolicyTracker.BrowserTests.Benchmarks;

/// <summary>Runs only from scripts/bench-review-page.sh (which sets BENCH_REVIEW_PAGE): a
/// measurement, not a test, so an ordinary run reports it as skipped.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("BENCH_REVIEW_PAGE") is not { Length: > 0 })
        {
            Skip = "A benchmark: run scripts/bench-review-page.sh.";
        }
    }
}

// Time to usable for the review and report pages of a report just under the 2 MB limit: from the
// request to the circuit interactive, the first highlighted fact in the source and (review page)
// the items table on the page. One cold visit each (the first after start, JIT included), then
// RUNS warm ones; the median. Each visit is split into its phases (the prerendered HTML in, the
// circuit interactive, usable) with the bytes the circuit sent, so a slow figure says where the
// time went.
[Collection(AppCollection.Name)]
public sealed class ReviewPageBenchmark(AppFixture app, ITestOutputHelper output)
{
    private sealed record Visit(double Html, double Interactive, double Usable, int HtmlBytes, long SocketBytes, int DomBytes);

    [BenchmarkFact]
    public async Task Review_page_of_a_2_MB_report_time_to_usable()
    {
        var runs = int.TryParse(Environment.GetEnvironmentVariable("RUNS"), CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 5;
        var text = LargeReportTests.LargeReport(Guid.NewGuid().ToString("N"));
        var id = await app.InScopeAsync(async services =>
        {
            var factory = services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>();
            var imported = await new ReportImporter(factory, TimeProvider.System, new SystemUser()).ImportAsync(new ImportRequest(text));
            imported.Succeeded.ShouldBeTrue(imported.Message);
            return imported.ReportId!.Value;
        });
        var items = await app.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>().CreateDbContextAsync();
            return await db.ParticipationSources.CountAsync(s => s.SourceReportId == id)
                + await db.ResolutionSources.CountAsync(s => s.SourceReportId == id)
                + await db.DocumentActionSources.CountAsync(s => s.SourceReportId == id);
        });

        var page = await app.NewPageAsync();
        long socketBytes = 0;
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
            Interlocked.Add(ref socketBytes, frame.Binary?.Length ?? Encoding.UTF8.GetByteCount(frame.Text ?? ""));
        await AppFixture.SignInAsync(page, Roles.Editor);

        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"report of {Encoding.UTF8.GetByteCount(text) / 1048576.0:0.00} MB ({text.Length:N0} characters), {items} extracted items\n");
        foreach (var (name, path, itemsShown) in new[] { ("review page", $"/reports/{id}/review", true), ("report page", $"/reports/{id}", false) })
        {
            var visits = new List<Visit>();
            for (var run = 0; run <= runs; run++)
            {
                Interlocked.Exchange(ref socketBytes, 0);
                var watch = Stopwatch.StartNew();
                var response = await page.GotoAsync(path, new() { Timeout = 180_000 });
                var html = (await response!.BodyAsync()).Length;
                var htmlAt = watch.Elapsed.TotalSeconds;
                await Assertions.Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 180_000 });
                var interactiveAt = watch.Elapsed.TotalSeconds;
                await Assertions.Expect(page.Locator("[data-testid=source-text] mark").First).ToBeVisibleAsync(new() { Timeout = 180_000 });
                if (itemsShown)
                {
                    await Assertions.Expect(page.Locator("[data-testid=review-item]").First).ToBeVisibleAsync(new() { Timeout = 180_000 });
                }

                var usableAt = watch.Elapsed.TotalSeconds;
                var dom = await page.EvaluateAsync<int>("document.documentElement.outerHTML.length");
                visits.Add(new Visit(htmlAt, interactiveAt, usableAt, html, Interlocked.Read(ref socketBytes), dom));
            }

            var cold = visits[0];
            var warm = visits.Skip(1).OrderBy(v => v.Usable).ToList();
            var median = warm[warm.Count / 2];
            report.Append(CultureInfo.InvariantCulture, $"{name}: HTML {cold.HtmlBytes / 1024.0:0} KB, DOM {cold.DomBytes / 1024.0:0} KB, circuit sent {median.SocketBytes / 1024.0:0} KB\n");
            report.Append(CultureInfo.InvariantCulture, $"  cold (first visit after start): usable in {cold.Usable:0.00} s (HTML in {cold.Html:0.00} s, interactive at {cold.Interactive:0.00} s)\n");
            report.Append(CultureInfo.InvariantCulture, $"  warm x{warm.Count}: median {median.Usable:0.00} s (HTML in {median.Html:0.00} s, interactive at {median.Interactive:0.00} s), min {warm[0].Usable:0.00} s, max {warm[^1].Usable:0.00} s; each: {string.Join(", ", visits.Skip(1).Select(v => v.Usable.ToString("0.00", CultureInfo.InvariantCulture)))}\n");
        }

        report.Append(CultureInfo.InvariantCulture, $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores\n");
        output.WriteLine(report.ToString());
        await File.WriteAllTextAsync(Path.Combine(AppFixture.ArtifactsDirectory, "review-page-bench.txt"), report.ToString());
    }
}

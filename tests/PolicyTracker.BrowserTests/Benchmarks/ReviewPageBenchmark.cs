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

// Time to usable for the review page of a report just under the 2 MB limit: from the request to
// the circuit interactive, the first highlighted fact in the source and the items table on the
// page. One cold visit (the first after start, JIT included), then RUNS warm ones; the median.
[Collection(AppCollection.Name)]
public sealed class ReviewPageBenchmark(AppFixture app, ITestOutputHelper output)
{
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
        await AppFixture.SignInAsync(page, Roles.Editor);
        var times = new List<(double Usable, double Html, int HtmlBytes)>();
        for (var run = 0; run <= runs; run++)
        {
            var watch = Stopwatch.StartNew();
            var response = await page.GotoAsync($"/reports/{id}/review", new() { Timeout = 180_000 });
            var html = (await response!.BodyAsync()).Length;
            var htmlAt = watch.Elapsed.TotalSeconds;
            await Assertions.Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 180_000 });
            await Assertions.Expect(page.Locator("[data-testid=source-text] mark").First).ToBeVisibleAsync(new() { Timeout = 180_000 });
            await Assertions.Expect(page.Locator("[data-testid=review-item]").First).ToBeVisibleAsync(new() { Timeout = 180_000 });
            times.Add((watch.Elapsed.TotalSeconds, htmlAt, html));
        }

        var warm = times.Skip(1).Select(t => t.Usable).Order().ToList();
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"review page, report of {Encoding.UTF8.GetByteCount(text) / 1048576.0:0.00} MB, {items} extracted items, HTML {times[0].HtmlBytes / 1024.0:0} KB\n");
        report.Append(CultureInfo.InvariantCulture, $"  cold (first visit after start): usable in {times[0].Usable:0.00} s (HTML in {times[0].Html:0.00} s)\n");
        report.Append(CultureInfo.InvariantCulture, $"  warm x{warm.Count}: median {warm[warm.Count / 2]:0.00} s, min {warm[0]:0.00} s, max {warm[^1]:0.00} s; each: {string.Join(", ", times.Skip(1).Select(t => t.Usable.ToString("0.00", CultureInfo.InvariantCulture)))}\n");
        report.Append(CultureInfo.InvariantCulture, $"  load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores\n");
        output.WriteLine(report.ToString());
        await File.WriteAllTextAsync(Path.Combine(AppFixture.ArtifactsDirectory, "review-page-bench.txt"), report.ToString());
    }
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Summary;
using PolicyTracker.Web.Features.Topics;
using PolicyTracker.Web.Hosting;

namespace PolicyTracker.Benchmarks;

/// <summary><c>--dashboard --connection CS [--runs N]</c>: the summary page's queries together (figures and the
/// previous period's, both charts, tops, new names, topic trend), uncached (a fresh cache per run), for the quarter,
/// the year and all time of the archive's newest meeting. Prints the median and the slowest of N runs per period.</summary>
public static class DashboardCheck
{
    public const int TargetMilliseconds = 300;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var connection = Option(args, "--connection") ?? throw new ArgumentException("--connection CS is required");
        var runs = int.TryParse(Option(args, "--runs"), out var r) && r > 0 ? r : 9;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPolicyTrackerData(connection);
        await using var provider = services.BuildServiceProvider();
        var published = new PublishedData(provider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PolicyTrackerDbContext>>());

        var latest = await new SummaryQueries(published, new MemoryCache(new MemoryCacheOptions())).LatestMeetingAsync()
            ?? throw new InvalidOperationException("The archive has no dated meeting.");
        var periods = new[] { SummaryPeriod.Of(PeriodKind.Quarter, latest), SummaryPeriod.Of(PeriodKind.Year, latest), SummaryPeriod.AllTime };
        var failed = false;
        output.WriteLine($"dashboard queries, uncached, {runs} runs each (first run dropped as warm-up); target < {TargetMilliseconds} ms");
        foreach (var period in periods)
        {
            var times = new List<double>();
            for (var i = 0; i <= runs; i++)
            {
                var watch = Stopwatch.StartNew();
                var data = await new SummaryQueries(published, new MemoryCache(new MemoryCacheOptions())).GetAsync(period);
                await new TopicTrendQueries(published, new MemoryCache(new MemoryCacheOptions())).GetAsync(data.Period, data.Buckets, data.Previous);
                if (i > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            times.Sort();
            var median = times[times.Count / 2];
            failed |= median >= TargetMilliseconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{period.Label,-24} median {median,7:0.0} ms   slowest {times[^1],7:0.0} ms   {(median < TargetMilliseconds ? "ok" : "OVER TARGET")}"));
        }
        return failed ? 1 : 0;
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

using Microsoft.Extensions.Caching.Memory;
using PolicyTracker.IntegrationTests.Summary;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Reports;
using PolicyTracker.Web.Features.Summary;

namespace PolicyTracker.IntegrationTests.Reports;

// The reports list's entered-date filter, behind the summary's "Reports entered" figure.
[Collection(DatabaseTestGroup.Name)]
public sealed class ReportWorkFilterTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_summary_reports_entered_figure_links_to_a_list_of_exactly_that_many_reports()
    {
        await using (var db = await fixture.CreateDbContextAsync())
        {
            await SummaryArchive.SeedAsync(db);
        }
        var summary = new SummaryQueries(new PublishedData(fixture.Factory), new MemoryCache(new MemoryCacheOptions()));

        foreach (var period in new[] { SummaryPeriod.Of(PeriodKind.Quarter, new DateOnly(2024, 2, 1)), SummaryPeriod.Of(PeriodKind.Month, new DateOnly(2024, 1, 20)), SummaryPeriod.AllTime })
        {
            var data = await summary.GetAsync(period);
            (await ReportLinks.CountAsync(fixture, SummaryPage.Entered(data.Period))).ShouldBe(data.Figures.ReportsEntered, period.Label);
            if (data.Previous is { } previous)
            {
                (await ReportLinks.CountAsync(fixture, SummaryPage.Entered(previous))).ShouldBe(data.PreviousFigures!.ReportsEntered, previous.Label);
            }
        }
        SummaryPage.Entered(SummaryPeriod.Of(PeriodKind.Quarter, new DateOnly(2024, 2, 1))).ShouldBe("/reports?entered=2024-01-01..2024-03-31");
    }

    [Fact]
    public async Task The_entered_filter_keeps_whole_utc_days_at_both_ends_and_reads_one_day_open_ends_and_any()
    {
        await using (var db = await fixture.CreateDbContextAsync())
        {
            await SummaryArchive.SeedAsync(db);
        }
        var input = new QueryInput(fixture.Clock);
        input.Days("entered", "2024-03-31..2024-01-01").ShouldBe(new DayRange(new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)));
        input.Days("entered", "2024-01-05").ShouldBe(new DayRange(new DateOnly(2024, 1, 5), new DateOnly(2024, 1, 5)));
        input.Days("entered", "..2024-01-05").ShouldBe(new DayRange(null, new DateOnly(2024, 1, 5)));
        input.Days("entered", "any").ShouldBe(DayRange.Any);
        input.Problems.ShouldBeEmpty();
        input.Days("entered", "2024-13-01..").ShouldBeNull();
        input.Problems.ShouldHaveSingleItem();

        var all = await ReportLinks.CountAsync(fixture, "/reports");
        var before = await ReportLinks.CountAsync(fixture, "/reports?entered=..2023-12-31");
        var after = await ReportLinks.CountAsync(fixture, "/reports?entered=2024-01-01..");
        (before + after).ShouldBe(all);
        (await ReportLinks.CountAsync(fixture, "/reports?entered=any")).ShouldBe(all);
        after.ShouldBeGreaterThan(0);
        before.ShouldBeGreaterThan(0);
    }
}

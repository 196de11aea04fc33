using Microsoft.Extensions.Caching.Memory;
using PolicyTracker.Data.Entities;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Documents;
using PolicyTracker.Web.Features.Summary;

namespace PolicyTracker.IntegrationTests.Summary;

// The dashboard's aggregates on the real PostgreSQL, against counts made by hand on SummaryArchive.
[Collection(DatabaseTestGroup.Name)]
public sealed class SummaryQueriesTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly SummaryPeriod Q1 = SummaryPeriod.Of(PeriodKind.Quarter, new DateOnly(2024, 2, 1));

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private SummaryQueries Queries => new(new PublishedData(fixture.Factory), new MemoryCache(new MemoryCacheOptions()));

    private async Task<SummaryArchive> SeedAsync()
    {
        await using var db = await fixture.CreateDbContextAsync();
        return await SummaryArchive.SeedAsync(db);
    }

    [Fact]
    public async Task The_quarter_counts_reports_meetings_adoptions_and_new_names_beside_the_quarter_before()
    {
        await SeedAsync();

        var data = await Queries.GetAsync(Q1);

        data.Previous.ShouldBe(SummaryPeriod.Of(PeriodKind.Quarter, new DateOnly(2023, 10, 1)));
        // R2..R6 were entered in Q1 (the draft R6 too: it was entered); M2 is one meeting from two reports.
        data.Figures.ShouldBe(new PeriodFigures(ReportsEntered: 5, Meetings: 3, DocumentsAdopted: 2, NewPeople: 2, NewBodies: 1));
        data.PreviousFigures.ShouldBe(new PeriodFigures(ReportsEntered: 1, Meetings: 1, DocumentsAdopted: 0, NewPeople: 2, NewBodies: 1));
    }

    [Fact]
    public async Task A_meeting_told_by_two_reports_is_counted_once_everywhere()
    {
        var archive = await SeedAsync();

        var data = await Queries.GetAsync(SummaryPeriod.Of(PeriodKind.Month, new DateOnly(2024, 1, 20)));

        data.Figures.Meetings.ShouldBe(1);
        data.Figures.DocumentsAdopted.ShouldBe(1);
        data.TopBodies.ShouldHaveSingleItem().ShouldBe(new RankedLine(archive.BodyA, data.TopBodies[0].Name, 1));
        data.TopPeople.Select(p => p.Id).Order().ShouldBe(new[] { archive.P1, archive.P3 }.Order());
        data.TopPeople.ShouldAllBe(p => p.Count == 1);
        data.MeetingsByBody.ShouldHaveSingleItem().Total.ShouldBe(1);
        data.DocumentsByAction.ShouldHaveSingleItem().Total.ShouldBe(1);
        data.NewPeople.ShouldHaveSingleItem().Id.ShouldBe(archive.P3);
    }

    [Fact]
    public async Task The_year_has_a_bar_per_month_stacked_by_body_and_by_action()
    {
        var archive = await SeedAsync();

        var data = await Queries.GetAsync(SummaryPeriod.Of(PeriodKind.Year, new DateOnly(2024, 6, 1)));

        data.Period.Unit.ShouldBe(BucketUnit.Month);
        data.Buckets.Count.ShouldBe(12);
        data.Buckets[0].ShouldBe(new Bucket(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31), "2024-01"));
        var byBody = data.MeetingsByBody.ToDictionary(s => s.BodyId!.Value, s => s.Counts.Take(4).ToArray());
        byBody.Keys.ShouldBe([archive.BodyB, archive.BodyA]); // B has two meetings, A one; C's meeting is a draft
        byBody[archive.BodyA].ShouldBe([1, 0, 0, 0]);
        byBody[archive.BodyB].ShouldBe([0, 1, 1, 0]);
        var byAction = data.DocumentsByAction.ToDictionary(s => s.Action!.Value, s => s.Counts.Take(4).ToArray());
        byAction.Keys.Order().ShouldBe([DocumentActionKind.Reviewed, DocumentActionKind.Adopted, DocumentActionKind.Issued]);
        byAction[DocumentActionKind.Adopted].ShouldBe([1, 1, 0, 0]);
        byAction[DocumentActionKind.Reviewed].ShouldBe([0, 1, 0, 0]);
        byAction[DocumentActionKind.Issued].ShouldBe([0, 0, 1, 0]);
        data.DocumentActions.ShouldBe([new(DocumentActionKind.Adopted, 2), new(DocumentActionKind.Issued, 1), new(DocumentActionKind.Reviewed, 1)]);
        data.TopPeople.Take(2).Select(p => p.Count).ShouldBe([2, 2]);
        data.NewBodies.ShouldHaveSingleItem().ShouldBe(new RankedLine(archive.BodyB, data.NewBodies[0].Name, 2));
    }

    [Fact]
    public async Task A_quarter_has_a_bar_per_week_and_the_first_bar_starts_on_the_first_day()
    {
        await SeedAsync();

        var data = await Queries.GetAsync(Q1);

        data.Period.Unit.ShouldBe(BucketUnit.Week);
        // 2024-01-01 is a Monday: 13 weeks and the Monday 2024-03-25 to Sunday 2024-03-31.
        data.Buckets.Count.ShouldBe(13);
        data.Buckets[^1].ShouldBe(new Bucket(new DateOnly(2024, 3, 25), new DateOnly(2024, 3, 31), "03-25"));
        data.MeetingsByBody.Sum(s => s.Total).ShouldBe(3);
        // 2024-01-15 falls in the third week.
        data.MeetingsByBody.Single(s => s.Counts[2] == 1).Total.ShouldBe(1);
    }

    [Fact]
    public async Task More_bodies_than_the_chart_stacks_are_gathered_as_other()
    {
        await SeedAsync();

        var data = await Queries.GetAsync(SummaryPeriod.AllTime);

        data.Meetings.ShouldBe(4);
        data.Previous.ShouldBeNull();
        data.MeetingsByBody.Count.ShouldBeLessThanOrEqualTo(SummaryQueries.StackedBodies + 1);
        data.MeetingsByBody.Sum(s => s.Total).ShouldBe(4);
        data.Buckets[0].Start.ShouldBe(new DateOnly(2023, 11, 10));
        data.Buckets[^1].End.ShouldBe(new DateOnly(2024, 3, 5));
    }

    [Fact]
    public async Task The_document_list_filtered_by_a_bar_lists_what_the_bar_counts()
    {
        var archive = await SeedAsync();
        var documents = new DocumentQueries(new PublishedData(fixture.Factory));

        var february = await documents.ListAsync(new DocumentFilter(Action: DocumentActionKind.Adopted, From: new(2024, 2, 1), To: new(2024, 2, 29)), 0, 25, null, false);
        var anyAction = await documents.ListAsync(new DocumentFilter(From: new(2024, 2, 1), To: new(2024, 3, 31)), 0, 25, null, false);

        february.Rows.ShouldHaveSingleItem().Id.ShouldBe(archive.D2);
        anyAction.Rows.Select(r => r.Id).Order().ShouldBe(new[] { archive.D2, archive.D3 }.Order());
    }

    [Theory]
    [InlineData("week", "2024-02-29", "2024-02-26", "2024-03-03", "2024-02-19")]
    [InlineData("month", "2024-02-29", "2024-02-01", "2024-02-29", "2024-01-01")]
    [InlineData("quarter", "2024-05-15", "2024-04-01", "2024-06-30", "2024-01-01")]
    [InlineData("year", "2024-05-15", "2024-01-01", "2024-12-31", "2023-01-01")]
    public void A_calendar_period_is_read_from_the_address_with_the_one_before_it(string kind, string at, string start, string end, string previousStart)
    {
        var input = new QueryInput(fixture.Clock);

        var period = SummaryPeriod.Parse(input, kind, at, null, null, new DateOnly(2020, 1, 1));

        input.Problems.ShouldBeEmpty();
        (period.Start, period.End).ShouldBe((DateOnly.Parse(start), DateOnly.Parse(end)));
        period.Previous!.Start.ShouldBe(DateOnly.Parse(previousStart));
        period.Previous.End.ShouldBe(period.Start!.Value.AddDays(-1));
        SummaryPeriod.Parse(new QueryInput(fixture.Clock), kind, period.Start.Value.ToString("yyyy-MM-dd"), null, null, default).ShouldBe(period);
    }

    [Fact]
    public void A_custom_period_is_compared_with_as_many_days_before_it_and_bad_values_are_named()
    {
        var input = new QueryInput(fixture.Clock);

        var custom = SummaryPeriod.Parse(input, "custom", null, "2024-03-10", "2024-03-19", default);
        var bad = SummaryPeriod.Parse(input, "fortnight", null, null, null, new DateOnly(2024, 8, 8));

        custom.Previous.ShouldBe(SummaryPeriod.Custom(new DateOnly(2024, 2, 29), new DateOnly(2024, 3, 9)));
        custom.Query.ShouldBe("period=custom&from=2024-03-10&to=2024-03-19");
        bad.ShouldBe(SummaryPeriod.Of(PeriodKind.Quarter, new DateOnly(2024, 8, 8)));
        input.Problems.ShouldHaveSingleItem().ShouldContain("fortnight");
    }

    [Theory]
    [InlineData(12, 10, "+2 (+20%)")]
    [InlineData(5, 10, "\u22125 (\u221250%)")]
    [InlineData(3, 0, "+3 (new)")]
    [InlineData(4, 4, "no change")]
    public void The_change_is_written_with_its_sign_and_share(int current, int previous, string expected) =>
        PeriodFigure.Change(current, previous).ShouldBe(expected);
}

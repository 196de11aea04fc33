using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;
using PolicyTracker.Data.Topics;
using PolicyTracker.Extraction.Topics;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Meetings;
using PolicyTracker.Web.Features.Summary;
using PolicyTracker.Web.Features.Topics;

namespace PolicyTracker.IntegrationTests.Summary;

// The summary's topic trend on the real PostgreSQL, on SummaryArchive with resolutions whose topics are known:
// M1 (2023-11) national security; M2 (2024-01, two reports) national security and economy; M3 (2024-02)
// environment and economy; M4 (2024-03) nothing; the draft M5 (2024-03) national security, never counted.
[Collection(DatabaseTestGroup.Name)]
public sealed class TopicTrendTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly SummaryPeriod Year2024 = SummaryPeriod.Of(PeriodKind.Year, new DateOnly(2024, 6, 1));

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private PublishedData Published => new(fixture.Factory);

    private async Task<SummaryArchive> SeedAsync()
    {
        await using var db = await fixture.CreateDbContextAsync();
        var archive = await SummaryArchive.SeedAsync(db);
        await ResolveAsync(db, archive.M1, "safeguard national security");
        await ResolveAsync(db, archive.M2, "strengthen national security");
        await ResolveAsync(db, archive.M2, "deepen fiscal reform");
        await ResolveAsync(db, archive.M3, "protect the environment of the river basins");
        await ResolveAsync(db, archive.M3, "balance the budget");
        await ResolveAsync(db, archive.M4, "meet again in spring");
        await ResolveAsync(db, archive.M5, "review national security");
        await db.SaveChangesAsync();
        await PublishedFlags.RefreshAllAsync(db, default);
        return archive;
    }

    // A resolution claimed by every report of the meeting, as the review would store it.
    private static async Task ResolveAsync(PolicyTrackerDbContext db, Guid meetingId, string text)
    {
        var reports = await db.MeetingSources.Where(s => s.MeetingId == meetingId).Select(s => s.SourceReportId).ToListAsync();
        var position = await db.Resolutions.CountAsync(r => r.MeetingId == meetingId) + db.ChangeTracker.Entries<Resolution>().Count(e => e.Entity.MeetingId == meetingId);
        var resolution = new Resolution { Id = Guid.CreateVersion7(), MeetingId = meetingId, Verb = "called for", Text = text, TextKey = text, Position = position };
        foreach (var report in reports)
        {
            resolution.Sources.Add(new ResolutionSource { Id = Guid.CreateVersion7(), SourceReportId = report, SpanStart = 0, SpanLength = 4, Confidence = 0.9, ExtractorVersion = "1.0.0" });
        }
        db.Add(resolution);
    }

    private async Task<TopicTrend> TrendAsync(SummaryPeriod period)
    {
        var data = await new SummaryQueries(Published, new MemoryCache(new MemoryCacheOptions())).GetAsync(period);
        return await new TopicTrendQueries(Published, new MemoryCache(new MemoryCacheOptions())).GetAsync(data.Period, data.Buckets, data.Previous);
    }

    [Fact]
    public async Task The_year_counts_meetings_per_topic_and_month_with_a_two_source_meeting_once_and_no_draft()
    {
        await SeedAsync();

        var trend = await TrendAsync(Year2024);

        trend.Buckets.Count.ShouldBe(12);
        var byTopic = trend.Topics.ToDictionary(t => t.Id, t => t.Counts.Take(4).ToArray());
        byTopic.Keys.ShouldBe(["economy-finance", "national-security", "environment"]);
        byTopic["economy-finance"].ShouldBe([1, 1, 0, 0]);
        byTopic["national-security"].ShouldBe([1, 0, 0, 0]); // M5's national security is only in a draft
        byTopic["environment"].ShouldBe([0, 1, 0, 0]);
        trend.Topics.Sum(t => t.Counts.Skip(4).Sum()).ShouldBe(0);
        trend.Untagged.ShouldBe(1); // M4

        // 2023 had M1 alone.
        trend.Topics.Single(t => t.Id == "national-security").PreviousTotal.ShouldBe(1);
        trend.Topics.Single(t => t.Id == "economy-finance").PreviousTotal.ShouldBe(0);
        trend.Topics.Single(t => t.Id == "national-security").Label.ShouldBe("National security");
    }

    [Fact]
    public async Task Each_point_counts_the_meetings_its_link_lists()
    {
        await SeedAsync();
        var trend = await TrendAsync(Year2024);
        var meetings = new MeetingQueries(Published);

        foreach (var topic in trend.Topics)
        {
            for (var i = 0; i < trend.Buckets.Count; i++)
            {
                var bucket = trend.Buckets[i];
                var list = await meetings.ListAsync(new MeetingFilter(From: bucket.Start, To: bucket.End, Topic: topic.Id), 0, 50, null, true);
                list.Total.ShouldBe(topic.Counts[i], $"{topic.Id} in {bucket.Label}");
            }
            var whole = await meetings.ListAsync(new MeetingFilter(From: Year2024.Start, To: Year2024.End, Topic: topic.Id), 0, 50, null, true);
            whole.Total.ShouldBe(topic.Total, topic.Id);
        }
    }

    [Fact]
    public async Task A_week_has_a_point_per_day()
    {
        var archive = await SeedAsync();

        var trend = await TrendAsync(SummaryPeriod.Of(PeriodKind.Week, new DateOnly(2024, 2, 20)));

        trend.Buckets.Count.ShouldBe(7);
        var environment = trend.Topics.Single(t => t.Id == "environment");
        environment.Total.ShouldBe(1);
        environment.Counts[trend.Buckets.ToList().FindIndex(b => b.Start == new DateOnly(2024, 2, 20))].ShouldBe(1);
        archive.M3.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task Recompute_after_the_taxonomy_changes_retags_every_resolution_and_the_meetings_unions()
    {
        var archive = await SeedAsync();
        var changed = TopicTaxonomy.Parse(Encoding.UTF8.GetBytes("""
            { "version": "test", "topics": [
              { "id": "water", "label": "Water", "terms": ["basin*", "water"] },
              { "id": "economy-finance", "label": "Economy and finance", "terms": ["fiscal", "budget*"] } ] }
            """));
        await using (var db = await fixture.CreateDbContextAsync())
        {
            (await TopicTags.StalenessAsync(db, changed, default)).Resolutions.ShouldBe(7);
        }

        var written = await TopicTags.RecomputeAllAsync(fixture.Factory, changed, progress: null, batchSize: 2);

        written.ShouldBeGreaterThan(0);
        await using var check = await fixture.CreateDbContextAsync();
        (await TopicTags.StalenessAsync(check, changed, default)).Resolutions.ShouldBe(0);
        var topics = await check.Meetings.IgnoreQueryFilters().ToDictionaryAsync(m => m.Id, m => m.Topics);
        topics[archive.M1].ShouldBeEmpty();
        topics[archive.M2].ShouldBe(["economy-finance"]);
        topics[archive.M3].OrderBy(t => t, StringComparer.Ordinal).ShouldBe(["economy-finance", "water"]);
        topics[archive.M4].ShouldBeEmpty();

        // A second run finds nothing to write.
        (await TopicTags.RecomputeAllAsync(fixture.Factory, changed, progress: null)).ShouldBe(0);
    }
}

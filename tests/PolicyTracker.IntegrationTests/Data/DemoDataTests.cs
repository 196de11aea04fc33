using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Seed;
using PolicyTracker.IntegrationTests.Support;

namespace PolicyTracker.IntegrationTests.Data;

[Collection(DatabaseTestGroup.Name)]
public sealed class DemoDataTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Seeding_twice_imports_the_demo_reports_once_as_published()
    {
        var first = await DemoData.SeedAsync(fixture.Factory, fixture.Importer());
        var second = await DemoData.SeedAsync(fixture.Factory, fixture.Importer());

        first.ShouldBe(DemoData.ReportNames.Count);
        first.ShouldBeInRange(5, 6);
        second.ShouldBe(0);
        await using var db = await fixture.CreateDbContextAsync();
        var reports = await db.Reports.ToListAsync();
        reports.Count.ShouldBe(first);
        reports.ShouldAllBe(r => r.Status == ReportStatus.Published && r.EnteredBy == "seed" && r.Published != null);
    }

    [Fact]
    public async Task Seeding_leaves_a_database_that_already_has_reports_alone()
    {
        await fixture.Importer().ImportAsync(new("An editor's report\n\nSomething happened."));

        (await DemoData.SeedAsync(fixture.Factory, fixture.Importer())).ShouldBe(0);
    }

    [Fact]
    public async Task Demo_reports_are_in_the_corpus_layout()
    {
        foreach (var name in DemoData.ReportNames)
        {
            var lines = (await DemoData.ReadAsync(name)).Split('\n');
            lines[0].ShouldNotBeNullOrWhiteSpace();
            (lines[1].StartsWith("  ·  ", StringComparison.Ordinal) || lines[1].Contains(" -- ", StringComparison.Ordinal)).ShouldBeTrue(name);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Import;
using PolicyTracker.IntegrationTests.Support;

namespace PolicyTracker.IntegrationTests.Data;

[Collection(DatabaseTestGroup.Name)]
public sealed class SearchTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Importer(t => Extractions.Commission(t)).ImportAsync(new ImportRequest(Extractions.NationalSecurityCommission));
        await fixture.Importer().ImportAsync(new ImportRequest("Cabinet discusses fisheries\n\nMinisters reviewed the quota for herring."));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Full_text_search_finds_a_report_by_a_stemmed_word_in_its_text()
    {
        await using var db = await fixture.CreateDbContextAsync();

        var headlines = await db.Reports
            .Where(r => r.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("english", "architectures")))
            .Select(r => r.Headline)
            .ToListAsync();

        headlines.ShouldBe(["Xi Jinping chairs meeting of the national security commission"]);
    }

    [Fact]
    public async Task Full_text_search_finds_resolutions_and_documents()
    {
        await using var db = await fixture.CreateDbContextAsync();

        (await db.Resolutions.CountAsync(r => r.SearchVector.Matches(EF.Functions.PlainToTsQuery("english", "warning system")))).ShouldBe(1);
        (await db.Documents.Where(d => d.SearchVector.Matches(EF.Functions.PlainToTsQuery("english", "cities"))).Select(d => d.Title).ToListAsync())
            .ShouldBe(["guideline on building a safe city"]);
    }

    [Fact]
    public async Task Trigram_similarity_finds_a_person_by_a_misspelled_name()
    {
        await using var db = await fixture.CreateDbContextAsync();

        var names = await db.People
            .Where(p => EF.Functions.TrigramsAreSimilar(p.Name, "Xi Jingping"))
            .OrderByDescending(p => EF.Functions.TrigramsSimilarity(p.Name, "Xi Jingping"))
            .Select(p => p.Name)
            .ToListAsync();

        names.First().ShouldBe("Xi Jinping");
    }
}

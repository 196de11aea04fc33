using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Import;
using PolicyTracker.Extraction;
using PolicyTracker.IntegrationTests.Data;
using PolicyTracker.IntegrationTests.Support;

namespace PolicyTracker.IntegrationTests.Editing;

[Collection(DatabaseTestGroup.Name)]
public sealed class DocumentLinkerTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> ImportAsync(string body, DateOnly date, params string[] titles)
    {
        var text = $"The {body} met on {date:yyyy-MM-dd}. " + string.Join(" ", titles.Select(t => $"The meeting adopted the {t}."));
        var result = await fixture.Importer(t => Extractions.Build(t, body, date, [], [], [.. titles.Select(x => (x, "plan", DocumentAction.Adopted))]))
            .ImportAsync(new ImportRequest(text));
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.ReportId!.Value;
    }

    [Fact]
    public async Task The_batched_lookup_suggests_exactly_what_one_lookup_per_document_suggested_in_two_queries()
    {
        await ImportAsync("State Council", new DateOnly(2021, 3, 1), "plan on data security", "guideline on building a safe city", "regulation on export control");
        await ImportAsync("National Security Commission", new DateOnly(2022, 4, 2), "plan on data security governance", "law on export control", "opinion on food safety");
        await ImportAsync("Politburo", new DateOnly(2023, 5, 3), "five-year plan for rural revitalisation", "plan on data", "measures on grain reserves");
        await ImportAsync("Central Committee", new DateOnly(2023, 6, 4), "opinion on food safety work");
        await using (var db = await fixture.CreateDbContextAsync())
        {
            var deleted = await db.Documents.SingleAsync(d => d.NormalizedTitle == "opinion on food safety work");
            db.Documents.Remove(deleted);
            await db.SaveChangesAsync();
        }

        var draftId = await ImportAsync("State Council", new DateOnly(2024, 1, 5),
            "plan on strengthening data security", "data security", "regulation on export control", "law on export control",
            "opinion on food safety", "measures on cyberspace administration", "plan for rural revitalisation", "a brand new charter",
            "plan on data security");
        var draft = (await new ReviewLoader(fixture.Factory, fixture.Clock).LoadAsync(draftId))!;
        var items = draft.Meetings.Single().Documents;
        items.Count.ShouldBe(9);
        // One item already linked (it must not be offered itself), one removed (offered nothing).
        await using (var db = await fixture.CreateDbContextAsync())
        {
            items[3].DocumentId = await db.Documents.Where(d => d.NormalizedTitle == "law on export control").Select(d => d.Id).SingleAsync();
        }

        items[8].Removed = true;

        var counter = new CommandCounter();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(fixture.Clock);
        services.AddPolicyTrackerData(fixture.ConnectionString);
        services.ConfigureDbContext<PolicyTrackerDbContext>(o => o.AddInterceptors(counter));
        await using var provider = services.BuildServiceProvider();
        var batched = await new DocumentLinker(provider.GetRequiredService<IDbContextFactory<PolicyTrackerDbContext>>()).SuggestDocumentsAsync(draft);

        var oneByOne = await OneQueryPerItemAsync(draft);
        batched.ShouldBe(oneByOne);
        counter.Commands.ShouldBe(2);
        // The comparison means something: several items found two, one found none, the deleted and own documents never.
        batched.GroupBy(s => s.ItemKey).Count(g => g.Count() == 2).ShouldBeGreaterThanOrEqualTo(2);
        batched.ShouldNotContain(s => s.ItemKey == items[7].Key);
        batched.ShouldNotContain(s => s.ItemKey == items[8].Key);
        batched.ShouldNotContain(s => s.Title == "opinion on food safety work");
        batched.ShouldNotContain(s => s.ItemKey == items[3].Key && s.DocumentId == items[3].DocumentId);
        batched.ShouldNotContain(s => s.Title == "plan on strengthening data security");
        batched.ShouldContain(s => s.ItemKey == items[0].Key && s.Title == "plan on data security" && s.History.StartsWith("adopted 2021-03-01 by State Council", StringComparison.Ordinal), string.Join("\n", batched));
    }

    [Fact]
    public async Task A_draft_without_documents_asks_the_database_nothing()
    {
        var draftId = await ImportAsync("State Council", new DateOnly(2024, 1, 5));
        var draft = (await new ReviewLoader(fixture.Factory, fixture.Clock).LoadAsync(draftId))!;
        (await new DocumentLinker(fixture.Factory).SuggestDocumentsAsync(draft)).ShouldBeEmpty();
    }

    // The lookup as it was before it was batched (one query per item), kept as the reference; ties
    // are broken by id in both.
    private async Task<List<DocumentSuggestion>> OneQueryPerItemAsync(ReviewDraft draft)
    {
        await using var db = await fixture.CreateDbContextAsync();
        var suggestions = new List<DocumentSuggestion>();
        foreach (var item in draft.Meetings.Where(m => !m.Removed).SelectMany(m => m.Documents).Where(d => !d.Removed))
        {
            var key = TextKeys.DocumentKey(item.Title);
            var candidates = await db.Documents.AsNoTracking()
                .Where(d => d.Id != item.DocumentId
                    && d.Actions.Any(a => a.Sources.Any(s => s.SourceReportId != draft.ReportId))
                    && (EF.Functions.TrigramsSimilarity(d.NormalizedTitle, key) > DocumentLinker.MinimumSimilarity
                        || d.NormalizedTitle.Contains(key) || key.Contains(d.NormalizedTitle)))
                .OrderByDescending(d => EF.Functions.TrigramsSimilarity(d.NormalizedTitle, key)).ThenBy(d => d.Id)
                .Take(2)
                .Select(d => new
                {
                    d.Id,
                    d.Title,
                    Seen = d.Actions.OrderBy(a => a.Meeting.Date)
                        .Select(a => new { a.Action, a.Meeting.Date, Body = a.Meeting.Organization.Name }).Take(3).ToList(),
                })
                .ToListAsync();
            suggestions.AddRange(candidates.Select(c => new DocumentSuggestion(
                item.Key, c.Id, c.Title,
                string.Join("; ", c.Seen.Select(s => $"{s.Action.ToString().ToLowerInvariant()} {s.Date:yyyy-MM-dd} by {s.Body}")))));
        }

        return suggestions;
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Commands { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

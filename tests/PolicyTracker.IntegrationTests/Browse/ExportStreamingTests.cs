using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Data.Accounts;
using PolicyTracker.Data.Seed.Synthetic;
using PolicyTracker.IntegrationTests.Security;
using PolicyTracker.Web.Features.Bodies;
using PolicyTracker.Web.Features.Documents;
using PolicyTracker.Web.Features.People;
using PolicyTracker.Web.Features.Reports;

namespace PolicyTracker.IntegrationTests.Browse;

/// <summary>The app on its own database holding a small synthetic archive.</summary>
public sealed class ExportArchiveFixture : SecurityFixture
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _seeded;

    public async Task SeedOnceAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (!_seeded)
            {
                await SyntheticArchive.GenerateAsync(ConnectionString, new SyntheticOptions { Meetings = 300, Seed = 11, BatchMeetings = 150 });
                _seeded = true;
            }
        }
        finally
        {
            _once.Release();
        }
    }
}

// Exports stream the query's rows to the response as they are read: no Content-Length (nothing was
// buffered to measure), and exactly the grid's rows in the grid's order, every page of it.
public sealed class ExportStreamingTests(ExportArchiveFixture app) : IClassFixture<ExportArchiveFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => app.SeedOnceAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string?> Exports() => new()
    {
        { "people", null }, { "people", "meetings-desc" }, { "people", "lastmeeting" },
        { "bodies", null }, { "bodies", "meetings-desc" }, { "bodies", "parent" },
        { "documents", null }, { "documents", "actions-desc" }, { "documents", "last" },
        { "reports", null }, { "reports", "meetings-desc" }, { "reports", "published" },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task An_export_streams_every_filtered_row_in_the_grid_order(string list, string? sort)
    {
        var client = await app.SignInAsync(SecurityFixture.EmailOf(Roles.Admin));

        using var response = await client.GetAsync($"/api/export/{list}.csv" + (sort is null ? "" : $"?sort={sort}"), HttpCompletionOption.ResponseHeadersRead);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"{list}.csv");
        response.Content.Headers.ContentLength.ShouldBeNull();
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("id,");
        var exported = lines.Skip(1).Select(l => Guid.Parse(l[..36])).ToList();

        var paged = await GridIdsAsync(list, sort);
        paged.Count.ShouldBeGreaterThan(PageSize, "more than one grid page");
        exported.ShouldBe(paged);
    }

    [Fact]
    public async Task A_filtered_export_holds_only_the_matching_rows()
    {
        var client = await app.SignInAsync(SecurityFixture.EmailOf(Roles.Analyst));
        using var scope = app.Factory.Services.CreateScope();
        var people = scope.ServiceProvider.GetRequiredService<PersonQueries>();
        var first = (await people.ListAsync(new PersonFilter(), 0, 1, "meetings", true)).Rows.ShouldHaveSingleItem();
        var text = first.Name.Split(' ')[^1];
        var expected = await people.ListAsync(new PersonFilter(text), 0, 1000, null, false);

        var csv = await client.GetStringAsync($"/api/export/people.csv?q={Uri.EscapeDataString(text)}");

        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        rows.Count.ShouldBe(expected.Total);
        rows.ShouldContain(r => r.StartsWith(first.Id.ToString(), StringComparison.Ordinal));
    }

    private const int PageSize = 20;

    // The ids the grid shows, page after page.
    private async Task<List<Guid>> GridIdsAsync(string list, string? sort)
    {
        var (key, descending) = PolicyTracker.Web.Components.Shared.GridSort.Parse(sort);
        using var scope = app.Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var ids = new List<Guid>();
        for (var page = 0; ; page++)
        {
            IEnumerable<Guid> rows = list switch
            {
                "people" => (await services.GetRequiredService<PersonQueries>().ListAsync(new PersonFilter(), page, PageSize, key, descending)).Rows.Select(r => r.Id),
                "bodies" => (await services.GetRequiredService<BodyQueries>().ListAsync(new BodyFilter(), page, PageSize, key, descending)).Rows.Select(r => r.Id),
                "documents" => (await services.GetRequiredService<DocumentQueries>().ListAsync(new DocumentFilter(), page, PageSize, key, descending)).Rows.Select(r => r.Id),
                _ => (await services.GetRequiredService<ReportQueries>().ListAsync(new ReportFilter(), page, PageSize, key, descending)).Rows.Select(r => r.Id),
            };
            var before = ids.Count;
            ids.AddRange(rows);
            if (ids.Count - before < PageSize)
            {
                return ids;
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.IntegrationTests.Browse;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Documents;

namespace PolicyTracker.IntegrationTests.Documents;

// The documents grid seeks from the page it showed: next and previous pages must hold exactly the rows the
// OFFSET pages hold, for every sort, with ties on every key and NULL kinds and dates in the way.
[Collection(DatabaseTestGroup.Name)]
public sealed class DocumentGridPagingTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const int PageSize = 4;

    private readonly List<Guid> _listed = [];

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await using var db = await fixture.CreateDbContextAsync();
        var archive = new HandMadeArchive(db);
        var body = archive.Body("Planning Council");
        var report = archive.Report("Council reports");
        var meetings = new[] { archive.Meeting(body, new DateOnly(2024, 1, 10)), archive.Meeting(body, new DateOnly(2024, 3, 5)), archive.Meeting(body, null) };
        string?[] kinds = ["plan", null, "guideline"];
        // 23 documents (titles are unique by their normalized form): kinds, action counts and dates repeat, some acted on only undated.
        for (var i = 0; i < 23; i++)
        {
            var document = archive.Document($"Plan {(char)('A' + i)}", kinds[i % 3]);
            var at = i % 5 == 0 ? new[] { meetings[2] } : meetings.Take(1 + i % 3).ToArray();
            foreach (var meeting in at)
            {
                archive.Action(meeting, document, DocumentActionKind.Adopted);
            }
            _listed.Add(document.Id);
        }
        // A document only a draft acted on is not listed, and must not appear on any page.
        var hidden = archive.Meeting(body, new DateOnly(2024, 2, 1), published: false);
        archive.Action(hidden, archive.Document("Plan draft only"), DocumentActionKind.Adopted);
        foreach (var meeting in meetings)
        {
            archive.Source(meeting, report);
        }
        await archive.SaveAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string?> Sorts() =>
        [null, "title-desc", "kind", "kind-desc", "actions", "actions-desc", "first", "first-desc", "last", "last-desc"];

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Walking_every_page_forward_and_back_by_keyset_shows_each_document_once_in_the_offset_order(string? sort)
    {
        var (key, descending) = GridSort.Parse(sort);
        var documents = new DocumentQueries(new PublishedData(fixture.Factory));
        var pages = (_listed.Count + PageSize - 1) / PageSize;

        // OFFSET pages, each read without a position: the order the keyset pages must reproduce.
        var offset = new List<IReadOnlyList<Guid>>();
        for (var page = 0; page < pages; page++)
        {
            offset.Add([.. (await documents.ListAsync(new DocumentFilter(), page, PageSize, key, descending)).Rows.Select(r => r.Id)]);
        }
        offset.SelectMany(p => p).ShouldBe(_listed, ignoreOrder: true);

        KeysetPosition? position = null;
        for (var page = 0; page < pages; page++)
        {
            var list = await documents.ListAsync(new DocumentFilter(), page, PageSize, key, descending, position);
            list.Rows.Select(r => r.Id).ShouldBe(offset[page], $"page {page + 1} forward");
            list.Total.ShouldBe(_listed.Count);
            position = list.Position.ShouldNotBeNull();
        }
        (await documents.ListAsync(new DocumentFilter(), pages, PageSize, key, descending, position)).Rows.ShouldBeEmpty("past the last page");
        for (var page = pages - 2; page >= 0; page--)
        {
            var list = await documents.ListAsync(new DocumentFilter(), page, PageSize, key, descending, position);
            list.Rows.Select(r => r.Id).ShouldBe(offset[page], $"page {page + 1} back");
            position = list.Position.ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task A_position_from_another_sort_or_filter_is_not_sought_from()
    {
        var documents = new DocumentQueries(new PublishedData(fixture.Factory));
        var byTitle = await documents.ListAsync(new DocumentFilter(), 0, PageSize, null, false);

        var byActions = await documents.ListAsync(new DocumentFilter(), 1, PageSize, "actions", true, byTitle.Position);
        var plan = await documents.ListAsync(new DocumentFilter(Kind: "plan"), 1, PageSize, null, false, byTitle.Position);

        byActions.Rows.Select(r => r.Id).ShouldBe((await documents.ListAsync(new DocumentFilter(), 1, PageSize, "actions", true)).Rows.Select(r => r.Id));
        plan.Rows.Select(r => r.Id).ShouldBe((await documents.ListAsync(new DocumentFilter(Kind: "plan"), 1, PageSize, null, false)).Rows.Select(r => r.Id));
        plan.Rows.ShouldAllBe(r => r.Kind == "plan");
    }

    [Fact]
    public async Task The_next_page_seeks_from_the_last_row_it_showed_so_a_document_published_before_it_does_not_repeat_a_row()
    {
        var documents = new DocumentQueries(new PublishedData(fixture.Factory));
        var first = await documents.ListAsync(new DocumentFilter(), 0, PageSize, null, false);

        // A document sorting before every listed one arrives between the two requests: OFFSET would show
        // the first page's last row again at the top of the second.
        await using (var db = await fixture.CreateDbContextAsync())
        {
            var archive = new HandMadeArchive(db);
            var meetingId = await db.Meetings.Where(m => m.Date == new DateOnly(2024, 1, 10)).Select(m => m.Id).SingleAsync();
            db.DocumentActions.Add(new DocumentAction
            {
                Id = Guid.CreateVersion7(),
                MeetingId = meetingId,
                Document = archive.Document("Aardvark plan"),
                Action = DocumentActionKind.Adopted,
                Published = true,
                Position = 99,
            });
            await archive.SaveAsync();
        }
        (await documents.ListAsync(new DocumentFilter(), 1, PageSize, null, false)).Rows[0].Id.ShouldBe(first.Rows[^1].Id, "OFFSET repeats the row");
        var second = await documents.ListAsync(new DocumentFilter(), 1, PageSize, null, false, first.Position);

        second.Rows.Select(r => r.Id).ShouldNotContain(first.Rows[^1].Id);
        second.Rows.Count.ShouldBe(PageSize);
        string.CompareOrdinal(second.Rows[0].Title, first.Rows[^1].Title).ShouldBeGreaterThanOrEqualTo(0);
    }
}

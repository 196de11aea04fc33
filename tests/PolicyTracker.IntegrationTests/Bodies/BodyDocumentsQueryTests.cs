using PolicyTracker.Data.Entities;
using PolicyTracker.IntegrationTests.Browse;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Features.Bodies;
using PolicyTracker.Web.Features.Browse;

namespace PolicyTracker.IntegrationTests.Bodies;

// A body with more documents than its page shows: the page groups only the actions since its last document's date,
// and must still give the documents, their counts over the body's whole history and the total the full grouping gives.
[Collection(DatabaseTestGroup.Name)]
public sealed class BodyDocumentsQueryTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private Organization _council = null!;
    private readonly Dictionary<string, (int Actions, DateOnly? Last)> _expected = [];

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await using var db = await fixture.CreateDbContextAsync();
        var archive = new HandMadeArchive(db);
        _council = archive.Body("Busy Council");
        var other = archive.Body("Other Board");
        var start = new DateOnly(2020, 1, 1);
        var meetings = Enumerable.Range(0, 40).Select(i => archive.Meeting(_council, start.AddDays(7 * i))).ToList();
        // Document i last acted on at meeting i + 10 (30 documents, one per week), each also at meeting i % 5: its count
        // reaches back past the date the page's grouping starts from.
        for (var i = 0; i < 30; i++)
        {
            var document = archive.Document($"Document {i:00}");
            archive.Action(meetings[i % 5], document, DocumentActionKind.Discussed);
            archive.Action(meetings[i + 10], document, DocumentActionKind.Adopted);
            _expected[document.Title] = (2, meetings[i + 10].Date);
        }
        // Acted on only at an undated meeting: last in the order, so not on the page; in the total.
        var undated = archive.Document("Undated only");
        archive.Action(archive.Meeting(_council, null), undated, DocumentActionKind.Discussed);
        _expected[undated.Title] = (1, null);
        // Acted on by another body only, and at a draft-only meeting of this body: in neither.
        archive.Action(archive.Meeting(other, start.AddDays(400)), archive.Document("Elsewhere"), DocumentActionKind.Adopted);
        archive.Action(archive.Meeting(_council, start.AddDays(500), published: false), archive.Document("Draft only"), DocumentActionKind.Adopted);
        await archive.SaveAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(BodyInsightQueries.DocumentLimit)]
    [InlineData(3)]
    [InlineData(40)]
    public async Task The_latest_documents_are_the_ones_grouping_every_action_gives(int limit)
    {
        var documents = await new BodyInsightQueries(new PublishedData(fixture.Factory), fixture.Clock).DocumentsAsync(_council.Id, limit);

        documents.Total.ShouldBe(31);
        var expected = _expected.OrderBy(e => e.Value.Last is null).ThenByDescending(e => e.Value.Last).Take(limit)
            .Select(e => (e.Key, e.Value.Actions, e.Value.Last));
        documents.Rows.Select(d => (d.Title, d.Actions, d.Last)).ShouldBe(expected);
    }
}

using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Entities;
using PolicyTracker.IntegrationTests.Browse;
using PolicyTracker.IntegrationTests.Support;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Documents;

namespace PolicyTracker.IntegrationTests.Documents;

[Collection(DatabaseTestGroup.Name)]
public sealed class DocumentPlaceholderTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private Document _placeholder = null!, _full = null!, _earlier = null!, _unrelated = null!;
    private Meeting _march = null!, _may = null!;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await using var db = await fixture.CreateDbContextAsync();
        var archive = new HandMadeArchive(db);
        var commission = archive.Body("Security Commission");
        var chair = archive.Person("Ada Quill");
        _placeholder = archive.Document("a document on speeding up building a national security risk monitoring system", "document");
        _full = archive.Document("Guideline on Speeding Up Building a National Security Risk Monitoring System", "guideline");
        // As close a title, but first seen before the placeholder: not what a later report named.
        _earlier = archive.Document("Plan on Speeding Up Building a National Security Risk Monitoring System", "plan");
        _unrelated = archive.Document("Law on Harbour Cranes", "law");

        var january = archive.Meeting(commission, new DateOnly(2024, 1, 10), (chair, ParticipationRole.Chair));
        archive.Action(january, _earlier, DocumentActionKind.Adopted);
        _march = archive.Meeting(commission, new DateOnly(2024, 3, 10), (chair, ParticipationRole.Chair));
        archive.Action(_march, _placeholder, DocumentActionKind.Reviewed);
        archive.Action(_march, _unrelated, DocumentActionKind.Reviewed);
        _may = archive.Meeting(commission, new DateOnly(2024, 5, 10), (chair, ParticipationRole.Chair));
        archive.Action(_may, _placeholder, DocumentActionKind.Adopted);
        archive.Action(_may, _full, DocumentActionKind.Adopted);
        archive.Source(january, archive.Report("January readout"));
        archive.Source(_march, archive.Report("March readout"));
        archive.Source(_may, archive.Report("May readout"));
        archive.Source(_may, archive.Report("May wire copy"));
        await archive.SaveAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private DocumentPlaceholders Placeholders => new(fixture.Factory);

    [Theory]
    [InlineData("a document on speeding up risk monitoring", "speeding up risk monitoring")]
    [InlineData("another one on strengthening public communication", "strengthening public communication")]
    [InlineData("the document regarding data security", "data security")]
    [InlineData("Guideline on Data Security", null)]
    [InlineData("document on", null)]
    public void A_placeholder_title_names_only_a_subject(string title, string? subject) =>
        DocumentPlaceholders.Subject(title).ShouldBe(subject);

    [Fact]
    public async Task A_placeholder_is_suggested_the_full_title_a_later_meeting_names_and_not_an_earlier_one()
    {
        var suggestions = await Placeholders.SuggestAsync(_placeholder.Id);

        var only = suggestions.ShouldHaveSingleItem();
        (only.DocumentId, only.FirstSeen, only.FirstSeenBy).ShouldBe((_full.Id, new DateOnly(2024, 5, 10), "adopted by Security Commission"));
        only.Similarity.ShouldBeGreaterThan(DocumentPlaceholders.MinimumSimilarity);
        (await Placeholders.SuggestAsync(_full.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Linking_moves_the_actions_merges_the_shared_one_removes_the_placeholder_and_is_audited()
    {
        fixture.User.Name = "editor@example.org";

        var result = await Placeholders.LinkAsync(_placeholder.Id, _full.Id);

        result.ShouldBe(new PlaceholderLinkResult(_full.Id, ActionsMoved: 1, ActionsMerged: 1));
        var detail = (await new DocumentQueries(new PublishedData(fixture.Factory)).GetAsync(_full.Id)).ShouldNotBeNull();
        detail.Steps.Select(s => (s.Action, s.Date)).ShouldBe([(DocumentActionKind.Reviewed, new DateOnly(2024, 3, 10)), (DocumentActionKind.Adopted, new DateOnly(2024, 5, 10))]);
        // The May adoption is one fact with both May reports, not two.
        detail.Steps[1].Sources.Select(s => s.Headline).Order().ShouldBe(["May readout", "May wire copy"]);
        (await new DocumentQueries(new PublishedData(fixture.Factory)).GetAsync(_placeholder.Id)).ShouldBeNull();

        await using var db = await fixture.CreateDbContextAsync();
        var removed = await db.Documents.IgnoreQueryFilters().SingleAsync(d => d.Id == _placeholder.Id);
        (removed.DeletedAt, removed.DeletedBy).ShouldBe((TestClock.Start, "editor@example.org"));
        var audit = await db.AuditEntries.Where(a => a.UserName == "editor@example.org").ToListAsync();
        audit.ShouldContain(a => a.EntityId == _placeholder.Id.ToString() && a.Action == AuditAction.Deleted);
        audit.Count(a => a.EntityType == nameof(DocumentAction)).ShouldBe(2);
        (await db.DocumentCounts.SingleAsync(c => c.DocumentId == _full.Id)).Actions.ShouldBe(2);
        (await db.DocumentCounts.SingleAsync(c => c.DocumentId == _placeholder.Id)).Actions.ShouldBe(0);

        // The removed placeholder is restorable, like any soft delete.
        (await db.RestoreAsync<Document>(_placeholder.Id)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_full_title_cannot_be_linked_as_a_placeholder()
    {
        await Should.ThrowAsync<InvalidOperationException>(() => Placeholders.LinkAsync(_unrelated.Id, _full.Id));
        await Should.ThrowAsync<InvalidOperationException>(() => Placeholders.LinkAsync(_placeholder.Id, _placeholder.Id));
        await Should.ThrowAsync<KeyNotFoundException>(() => Placeholders.LinkAsync(_placeholder.Id, Guid.CreateVersion7()));
    }
}

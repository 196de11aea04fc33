using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Meetings;

namespace PolicyTracker.Web.Features.Documents;

// From/To: a published action (of Action, when given) at a meeting dated in the range; what the summary's bars link to.
public sealed record DocumentFilter(string? Text = null, string? Kind = null, DocumentActionKind? Action = null, DateOnly? From = null, DateOnly? To = null,
    string? Topic = null);

public sealed record DocumentRow(Guid Id, string Title, string? Kind, DocumentActionKind? LatestAction, int Actions, DateOnly? First, DateOnly? Last,
    IReadOnlyList<string> Topics);

/// <summary>A page of documents; <see cref="Position"/> goes back with the request for the next or previous page.</summary>
public sealed record DocumentList(IReadOnlyList<DocumentRow> Rows, int Total, KeysetPosition? Position = null);

public sealed record DocumentStep(DocumentActionKind Action, Guid MeetingId, DateOnly? Date, Guid BodyId, string Body, string? Session,
    IReadOnlyList<SourceRef> Sources)
{
    public bool Verified => Sources.Any(s => s.Verified);
}

public sealed record DocumentDetail(Guid Id, string Title, string? Kind, IReadOnlyList<DocumentStep> Steps, IReadOnlyList<string>? Topics = null);

public sealed class DocumentQueries(PublishedData published)
{
    /// <summary>One page of documents and the filtered total. With the position of the page the grid showed last,
    /// the next or previous page seeks from its edge row (<see cref="Keyset{T}"/>) instead of skipping every row before it.</summary>
    public async Task<DocumentList> ListAsync(DocumentFilter filter, int page, int pageSize, string? sort, bool descending, KeysetPosition? previous = null,
        CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var order = Order(sort, descending);
        var filtered = Filtered(db, filter);
        var total = await GridTotal.CountAsync(order.Ordered(filtered), ct);
        // Id-first: the page's ids from the ordering index, then the latest action only for those rows.
        var (ids, position) = await order.PageAsync(filtered, $"{sort}|{descending}|{filter}", page, pageSize, previous, ct);
        var found = await Project(db.ListedDocuments.Where(d => ids.Contains(d.Id))).ToDictionaryAsync(r => r.Id, ct);
        return new DocumentList([.. ids.Select(id => found[id])], total, position);
    }

    /// <summary>Every filtered document in the grid's order, read from the database as it is consumed (CSV).</summary>
    public async IAsyncEnumerable<DocumentRow> ExportAsync(DocumentFilter filter, string? sort, bool descending,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        await foreach (var row in Project(Order(sort, descending).Ordered(Filtered(db, filter))).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row;
        }
    }

    private static IQueryable<Document> Filtered(PublishedView db, DocumentFilter filter)
    {
        var query = db.ListedDocuments;
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = LikePattern.Containing(filter.Text.Trim());
            query = query.Where(d => EF.Functions.ILike(d.Title, pattern));
        }
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            query = query.Where(d => d.Kind == filter.Kind);
        }
        if (filter.Topic is { } topic)
        {
            // Containment (topics @> ARRAY[topic]) so the GIN index on documents' topics serves it.
            string[] wanted = [topic];
            query = query.Where(d => wanted.All(t => d.Topics.Contains(t)));
        }
        if (filter.From is not null || filter.To is not null)
        {
            var (from, to, kind) = (filter.From ?? DateOnly.MinValue, filter.To ?? DateOnly.MaxValue, filter.Action);
            query = query.Where(d => d.Actions.AsQueryable().Where(Published.Action)
                .Any(a => (kind == null || a.Action == kind) && a.Meeting.Date >= from && a.Meeting.Date <= to));
        }
        else if (filter.Action is { } action)
        {
            query = query.Where(d => d.Actions.AsQueryable().Where(Published.Action).Any(a => a.Action == action));
        }
        return query;
    }

    // Counts and dates come from document_counts (kept on publish, indexed for these sorts). Each order ends in the id,
    // so a row's keys place it exactly and a page can start after the previous page's last row.
    private static Keyset<Document> Order(string? sort, bool descending) => (sort, descending) switch
    {
        ("title", true) => new Keyset<Document>().By(d => d.Title, true).By(d => d.Id),
        ("kind", _) => new Keyset<Document>().By(d => d.Kind, descending).By(d => d.Title).By(d => d.Id),
        ("actions", _) => new Keyset<Document>().By(d => d.Counts!.Actions, descending).By(d => d.Id, descending),
        ("first", _) => new Keyset<Document>().By(d => d.Counts!.FirstAction, descending).By(d => d.Id, descending),
        ("last", _) => new Keyset<Document>().By(d => d.Counts!.LastAction, descending).By(d => d.Id, descending),
        _ => new Keyset<Document>().By(d => d.Title).By(d => d.Id),
    };

    private static IQueryable<DocumentRow> Project(IQueryable<Document> query) => query
        .Select(d => new DocumentRow(d.Id, d.Title, d.Kind,
            d.Actions.AsQueryable().Where(Published.Action).OrderByDescending(a => a.Meeting.Date).ThenByDescending(a => a.Position).Select(a => (DocumentActionKind?)a.Action).FirstOrDefault(),
            d.Counts != null ? d.Counts.Actions : 0, d.Counts != null ? d.Counts.FirstAction : null, d.Counts != null ? d.Counts.LastAction : null, d.Topics));

    public async Task<IReadOnlyList<string>> KindsAsync(CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        return await db.Documents.Where(d => d.Kind != null).Select(d => d.Kind!).Distinct().OrderBy(k => k).ToListAsync(ct);
    }

    public async Task<DocumentDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var document = await db.Documents.Where(d => d.Id == id)
            .Select(d => new { d.Id, d.Title, d.Kind, d.Topics })
            .FirstOrDefaultAsync(ct);
        if (document is null)
        {
            return null;
        }
        var steps = await db.DocumentActions.Where(a => a.DocumentId == id)
            .OrderBy(a => a.Meeting.Date).ThenBy(a => a.Position)
            .Select(a => new { a.Id, a.Action, a.MeetingId, a.Meeting.Date, a.Meeting.OrganizationId, Body = a.Meeting.Organization.Name, a.Meeting.Session })
            .ToListAsync(ct);
        var claims = await db.DocumentActionSources.Where(s => s.Fact.DocumentId == id).AsClaims().ByFactAsync(ct);
        return new DocumentDetail(document.Id, document.Title, document.Kind,
            [.. steps.Select(a => new DocumentStep(a.Action, a.MeetingId, a.Date, a.OrganizationId, a.Body, a.Session, claims.GetValueOrDefault(a.Id, [])))], document.Topics);
    }
}

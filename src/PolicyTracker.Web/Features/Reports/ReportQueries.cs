using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Meetings;

namespace PolicyTracker.Web.Features.Reports;

/// <param name="PublishedOnly">What an analyst may list: published reports only, whatever <paramref name="Status"/> says.</param>
/// <param name="Entered">Entered in these days (UTC).</param>
/// <param name="Reviewed">An editor (<paramref name="ReviewedBy"/>, or anyone) judged at least one of its claims in these days.</param>
/// <param name="PublishedIn">Last published in these days (by <paramref name="PublishedBy"/>, or anyone), whatever its status now.</param>
public sealed record ReportFilter(ReportStatus? Status = null, string? Outlet = null, string? Text = null, string? EnteredBy = null, bool PublishedOnly = false,
    DayRange? Entered = null, DayRange? Reviewed = null, string? ReviewedBy = null, DayRange? PublishedIn = null, string? PublishedBy = null)
{
    /// <summary>The list's address, read by the page and its CSV export alike (a link's rows are the export's).</summary>
    public static ReportFilter Read(QueryInput input, Func<string, string?> query, bool publishedOnly) => new(
        Enum.TryParse<ReportStatus>(input.Text("status", query("status")), ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null,
        input.Text("outlet", query("outlet")), input.Text("search", query("q")), input.Text("entered-by", query("by")), publishedOnly,
        input.Days("entered", query("entered")), input.Days("reviewed", query("reviewed")), input.Text("reviewed-by", query("reviewedBy")),
        input.Days("published", query("publishedIn")), input.Text("published-by", query("publishedBy")));

    /// <summary>The reports list's address for these filters (no sort or page), as the summary and quality pages link to it.</summary>
    public string Href()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        Add("status", Status?.ToString().ToLowerInvariant());
        Add("outlet", Outlet);
        Add("q", Text);
        Add("by", EnteredBy);
        Add("entered", Entered?.Query);
        Add("reviewed", Reviewed?.Query);
        Add("reviewedBy", ReviewedBy);
        Add("publishedIn", PublishedIn?.Query);
        Add("publishedBy", PublishedBy);
        return parts.Count == 0 ? "/reports" : "/reports?" + string.Join("&", parts);
    }
}

public sealed record ReportRow(Guid Id, ReportStatus Status, string Headline, string? Outlet, DateOnly? Published, string EnteredBy,
    DateTimeOffset EnteredAt, int Meetings);

public sealed record ReportList(IReadOnlyList<ReportRow> Rows, int Total);

public sealed record ReportFacets(IReadOnlyList<string> Outlets, IReadOnlyList<string> EnteredBy);

public sealed record ReportMeetingLine(Guid MeetingId, Guid BodyId, string Body, DateOnly? Date, string? Session, int SpanStart, int SpanLength);

public sealed record ReportDetail(Guid Id, string Headline, string? Outlet, DateOnly? Published, string? SourceUrl, ReportStatus Status,
    string EnteredBy, DateTimeOffset EnteredAt, string? ExtractorVersion, string Text,
    IReadOnlyList<FactSpan> Facts, IReadOnlyList<ReportMeetingLine> Meetings);

public sealed class ReportQueries(IDbContextFactory<PolicyTrackerDbContext> factory)
{
    /// <summary>One page of reports, drafts first unless another sort is asked for, and the filtered total.</summary>
    public async Task<ReportList> ListAsync(ReportFilter filter, int page, int pageSize, string? sort, bool descending, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ordered = Ordered(db, Filtered(db, filter), sort, descending);
        var total = await GridTotal.CountAsync(ordered, ct);
        // Id-first: the page's ids from the ordering index (drafts first: ix_reports_drafts_first), then the
        // meeting counts for those rows only.
        var ids = await ordered.Skip(page * pageSize).Take(pageSize).Select(r => r.Id).ToListAsync(ct);
        var found = await Project(db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id))).ToDictionaryAsync(r => r.Id, ct);
        return new ReportList([.. ids.Select(id => found[id])], total);
    }

    /// <summary>Every filtered report in the grid's order, read from the database as it is consumed (CSV).</summary>
    public async IAsyncEnumerable<ReportRow> ExportAsync(ReportFilter filter, string? sort, bool descending,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await foreach (var row in Project(Ordered(db, Filtered(db, filter), sort, descending)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row;
        }
    }

    private static IQueryable<Report> Filtered(PolicyTrackerDbContext db, ReportFilter filter)
    {
        var query = db.Reports.AsNoTracking();
        if (filter.PublishedOnly)
        {
            query = query.Where(r => r.Status == ReportStatus.Published);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(filter.Outlet))
        {
            query = query.Where(r => r.Outlet == filter.Outlet);
        }
        if (!string.IsNullOrWhiteSpace(filter.EnteredBy))
        {
            query = query.Where(r => r.EnteredBy == filter.EnteredBy);
        }
        if (filter.Entered is { } entered)
        {
            var (from, until) = entered.Instants;
            query = query.Where(r => r.EnteredAt >= from && r.EnteredAt < until);
        }
        if (filter.PublishedIn is not null || filter.PublishedBy is not null)
        {
            var (from, until) = (filter.PublishedIn ?? DayRange.Any).Instants;
            query = query.Where(r => r.PublishedBy != null && r.PublishedAt >= from && r.PublishedAt < until);
            if (filter.PublishedBy is { } publishedBy)
            {
                query = query.Where(r => r.PublishedBy == publishedBy);
            }
        }
        if (filter.Reviewed is not null || filter.ReviewedBy is not null)
        {
            var judged = Judged(db, filter.Reviewed ?? DayRange.Any, filter.ReviewedBy);
            query = query.Where(r => judged.Contains(r.Id));
        }
        if (SearchText.Clean(filter.Text) is { } text)
        {
            var pattern = LikePattern.Containing(text);
            query = query.Where(r => r.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("english", text))
                || EF.Functions.ILike(r.Headline, pattern));
        }
        return query;
    }

    // The reports someone judged a claim of in the days: what the quality page counts as reviewed, over the four source
    // tables' partial verdict_at indexes.
    private static IQueryable<Guid> Judged(PolicyTrackerDbContext db, DayRange days, string? by)
    {
        var (from, until) = days.Instants;
        return db.Database.SqlQuery<Guid>($"""
            SELECT source_report_id AS "Value" FROM meeting_sources
              WHERE verdict_by IS NOT NULL AND verdict_at >= {from} AND verdict_at < {until} AND ({by}::text IS NULL OR verdict_by = {by})
            UNION SELECT source_report_id FROM participation_sources
              WHERE verdict_by IS NOT NULL AND verdict_at >= {from} AND verdict_at < {until} AND ({by}::text IS NULL OR verdict_by = {by})
            UNION SELECT source_report_id FROM resolution_sources
              WHERE verdict_by IS NOT NULL AND verdict_at >= {from} AND verdict_at < {until} AND ({by}::text IS NULL OR verdict_by = {by})
            UNION SELECT source_report_id FROM document_action_sources
              WHERE verdict_by IS NOT NULL AND verdict_at >= {from} AND verdict_at < {until} AND ({by}::text IS NULL OR verdict_by = {by})
            """);
    }

    // Every order ends on the id, so pages neither repeat nor skip a report between equal keys.
    private static IQueryable<Report> Ordered(PolicyTrackerDbContext db, IQueryable<Report> query, string? sort, bool descending) => (sort, descending) switch
    {
        ("status", false) => query.OrderBy(r => r.Status).ThenByDescending(r => r.EnteredAt).ThenByDescending(r => r.Id),
        ("status", true) => query.OrderByDescending(r => r.Status).ThenByDescending(r => r.EnteredAt).ThenByDescending(r => r.Id),
        ("headline", false) => query.OrderBy(r => r.Headline).ThenBy(r => r.Id),
        ("headline", true) => query.OrderByDescending(r => r.Headline).ThenByDescending(r => r.Id),
        ("outlet", false) => query.OrderBy(r => r.Outlet).ThenByDescending(r => r.Published).ThenByDescending(r => r.Id),
        ("outlet", true) => query.OrderByDescending(r => r.Outlet).ThenByDescending(r => r.Published).ThenByDescending(r => r.Id),
        ("published", false) => query.OrderBy(r => r.Published).ThenBy(r => r.Headline).ThenBy(r => r.Id),
        ("published", true) => query.OrderByDescending(r => r.Published).ThenBy(r => r.Headline).ThenBy(r => r.Id),
        ("enteredby", false) => query.OrderBy(r => r.EnteredBy).ThenByDescending(r => r.EnteredAt).ThenByDescending(r => r.Id),
        ("enteredby", true) => query.OrderByDescending(r => r.EnteredBy).ThenByDescending(r => r.EnteredAt).ThenByDescending(r => r.Id),
        ("enteredat", false) => query.OrderBy(r => r.EnteredAt).ThenBy(r => r.Id),
        ("enteredat", true) => query.OrderByDescending(r => r.EnteredAt).ThenByDescending(r => r.Id),
        ("meetings", false) => from r in query
                               join c in db.ReportCounts on r.Id equals c.ReportId
                               orderby c.Meetings, c.EnteredAt descending, c.ReportId descending
                               select r,
        ("meetings", true) => from r in query
                              join c in db.ReportCounts on r.Id equals c.ReportId
                              orderby c.Meetings descending, c.EnteredAt descending, c.ReportId descending
                              select r,
        // Drafts are the work still to do.
        _ => query.OrderBy(r => r.Status == ReportStatus.Draft ? 0 : 1).ThenByDescending(r => r.EnteredAt).ThenByDescending(r => r.Id),
    };

    // Sorting by meetings reads report_counts (kept with the claims by RecordCounts; every report has its row), in the
    // order of its (meetings, entered_at, report_id) index, so a page is an index walk rather than a count of every claim.
    private static IQueryable<ReportRow> Project(IQueryable<Report> query) => query
        .Select(r => new ReportRow(r.Id, r.Status, r.Headline, r.Outlet, r.Published, r.EnteredBy, r.EnteredAt, r.MeetingSources.Count));

    public async Task<ReportFacets> FacetsAsync(bool publishedOnly = false, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var reports = db.Reports.AsNoTracking().Where(r => !publishedOnly || r.Status == ReportStatus.Published);
        var outlets = await reports.Where(r => r.Outlet != null).Select(r => r.Outlet!).Distinct().OrderBy(o => o).ToListAsync(ct);
        var enteredBy = await reports.Select(r => r.EnteredBy).Distinct().OrderBy(o => o).ToListAsync(ct);
        return new ReportFacets(outlets, enteredBy);
    }

    /// <summary>One report with its facts; a draft or archived report only when <paramref name="includeUnpublished"/>
    /// (the caller passes <c>Policies.CanEdit</c>), otherwise null as if it did not exist.</summary>
    public async Task<ReportDetail?> GetAsync(Guid id, bool includeUnpublished, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var reports = includeUnpublished ? db.Reports.AsNoTracking() : db.Reports.AsNoTracking().Where(Published.Report);
        var report = await reports.Where(r => r.Id == id)
            .Select(r => new { r.Id, r.Headline, r.Outlet, r.Published, r.SourceUrl, r.Status, r.EnteredBy, r.EnteredAt, r.ExtractorVersion, r.Text })
            .FirstOrDefaultAsync(ct);
        if (report is null)
        {
            return null;
        }
        // What this report says, less what an editor removed from it.
        var meetings = await db.MeetingSources.AsNoTracking().Where(s => s.SourceReportId == id && s.Verdict != Verdict.Removed)
            .OrderBy(s => s.SpanStart)
            .Select(s => new
            {
                Line = new ReportMeetingLine(s.MeetingId, s.Meeting.OrganizationId, s.Meeting.Organization.Name, s.Meeting.Date, s.Meeting.Session, s.SpanStart, s.SpanLength),
                Aliases = s.Meeting.Organization.Aliases.Select(a => a.Alias).ToList(),
            })
            .ToListAsync(ct);
        var people = await db.ParticipationSources.AsNoTracking().Where(s => s.SourceReportId == id && s.Verdict != Verdict.Removed)
            .Select(s => new { s.SpanStart, s.SpanLength, s.Fact.Person.Name, s.Fact.Role })
            .ToListAsync(ct);
        var resolutions = await db.ResolutionSources.AsNoTracking().Where(s => s.SourceReportId == id && s.Verdict != Verdict.Removed)
            .Select(s => new FactSpan(s.SpanStart, s.SpanLength, FactKind.Resolution, s.Fact.Verb))
            .ToListAsync(ct);
        var documents = await db.DocumentActionSources.AsNoTracking().Where(s => s.SourceReportId == id && s.Verdict != Verdict.Removed)
            .Select(s => new { s.SpanStart, s.SpanLength, s.Fact.Document.Title, s.Fact.Action })
            .ToListAsync(ct);

        var facts = new List<FactSpan>();
        foreach (var m in meetings)
        {
            facts.AddRange(FindMeetingFacts(report.Text, m.Line, m.Aliases));
        }
        facts.AddRange(people.Select(p => new FactSpan(p.SpanStart, p.SpanLength, FactKind.Person, $"{p.Name} ({p.Role.ToString().ToLowerInvariant()})")));
        facts.AddRange(resolutions);
        facts.AddRange(documents.Select(a => new FactSpan(a.SpanStart, a.SpanLength, FactKind.Document, $"{a.Title} ({a.Action.ToString().ToLowerInvariant()})")));
        return new ReportDetail(report.Id, report.Headline, report.Outlet, report.Published, report.SourceUrl, report.Status,
            report.EnteredBy, report.EnteredAt, report.ExtractorVersion, report.Text, facts, meetings.Select(m => m.Line).ToList());
    }

    // The model keeps one span per meeting, not the body's and date's own; find them as written inside
    // the meeting's span (or anywhere, when that span is empty) so the page can colour them too.
    internal static IEnumerable<FactSpan> FindMeetingFacts(string text, ReportMeetingLine meeting, IEnumerable<string> aliases)
    {
        var (start, end) = meeting.SpanLength > 0 && meeting.SpanStart < text.Length
            ? (meeting.SpanStart, Math.Min(text.Length, meeting.SpanStart + meeting.SpanLength))
            : (0, text.Length);
        var body = FirstOf(text, start, end, aliases.Prepend(meeting.Body));
        if (body is { } b)
        {
            yield return new FactSpan(b.Start, b.Length, FactKind.Body, meeting.Body);
        }
        if (meeting.Date is { } d)
        {
            var forms = new[] { "MMMM d, yyyy", "d MMMM yyyy", "yyyy-MM-dd", "MMMM d", "d MMMM", "MMM. d", "MMM d" }
                .Select(f => d.ToString(f, CultureInfo.InvariantCulture));
            if (FirstOf(text, start, end, forms) is { } date)
            {
                yield return new FactSpan(date.Start, date.Length, FactKind.Date, Format.Date(d));
            }
        }
    }

    private static (int Start, int Length)? FirstOf(string text, int start, int end, IEnumerable<string> candidates)
    {
        foreach (var candidate in candidates.Where(c => c.Length > 0).OrderByDescending(c => c.Length))
        {
            var at = text.IndexOf(candidate, start, end - start, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return (at, candidate.Length);
            }
        }
        return null;
    }
}

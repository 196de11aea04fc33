using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Web.Features.Browse;

/// <summary>What analysts browse: only what a published report says. Drafts (unreviewed machine output)
/// and archived reports stay in the editors' workspace (/reports, review).
/// <para>Browse pages open a <see cref="PublishedView"/> through <see cref="PublishedData"/>: its sets are
/// already filtered. Navigation collections inside a query use these expressions:
/// <c>m.Participations.AsQueryable().Where(Published.Participation)</c> (EF Core inlines them).</para></summary>
public static class Published
{
    public static readonly Expression<Func<Report, bool>> Report = r => r.Status == ReportStatus.Published;

    /// <summary>A published report's claim that an editor has not removed.</summary>
    public static readonly Expression<Func<MeetingSource, bool>> Source = s => s.Verdict != Verdict.Removed && s.SourceReport.Status == ReportStatus.Published;

    // The flags are kept in the publishing transaction (PublishedFlags), so these are column reads.
    public static readonly Expression<Func<Meeting, bool>> Meeting = m => m.Published;

    public static readonly Expression<Func<Participation, bool>> Participation = p => p.Published;

    public static readonly Expression<Func<Resolution, bool>> Resolution = r => r.Published;

    public static readonly Expression<Func<DocumentAction, bool>> Action = a => a.Published;

    /// <summary>A title an editor entered (no source report) or one a published report gave.</summary>
    public static readonly Expression<Func<PersonTitle, bool>> Title = t => t.SourceReportId == null || t.SourceReport!.Status == ReportStatus.Published;

    /// <summary>A person is listed when a published report names them in a meeting.</summary>
    public static readonly Expression<Func<Person, bool>> Person = p => p.Participations.Any(x => x.Published);

    /// <summary>A document is listed when a published report records an action on it.</summary>
    public static readonly Expression<Func<Document, bool>> Document = d => d.Actions.Any(a => a.Published);

    /// <summary>A body is listed when it, or one of its child bodies, held a published meeting:
    /// a parent shown next to its children is a body worth opening.</summary>
    public static readonly Expression<Func<Organization, bool>> Body = o =>
        o.Meetings.Any(m => m.Published) || o.Children.Any(c => c.Meetings.Any(m => m.Published));
}

/// <summary>The one way browse pages reach the database.</summary>
public sealed class PublishedData(IDbContextFactory<PolicyTrackerDbContext> factory)
{
    public async Task<PublishedView> OpenAsync(CancellationToken ct = default) => new(await factory.CreateDbContextAsync(ct));
}

/// <summary>One unit of browsing: every set holds only what published reports say, read without tracking.</summary>
public sealed class PublishedView(PolicyTrackerDbContext db) : IAsyncDisposable
{
    public IQueryable<Meeting> Meetings => db.Meetings.AsNoTracking().Where(Published.Meeting);

    public IQueryable<Participation> Participations => db.Participations.AsNoTracking().Where(Published.Participation);

    public IQueryable<Resolution> Resolutions => db.Resolutions.AsNoTracking().Where(Published.Resolution);

    public IQueryable<DocumentAction> DocumentActions => db.DocumentActions.AsNoTracking().Where(Published.Action);

    public IQueryable<Person> People => db.People.AsNoTracking().Where(Published.Person);

    public IQueryable<Organization> Bodies => db.Organizations.AsNoTracking().Where(Published.Body);

    /// <summary>People and bodies without the listing filter, for joins from facts already filtered as published
    /// (a published fact's person and body are listed), so PostgreSQL is not asked the same question twice.</summary>
    public IQueryable<Person> PeopleOfFacts => db.People.AsNoTracking();

    public IQueryable<Organization> BodiesOfFacts => db.Organizations.AsNoTracking();

    public IQueryable<Document> Documents => db.Documents.AsNoTracking().Where(Published.Document);

    /// <summary>Stored rollups of published meetings (kept by RecordCounts in the publishing transaction): a person's
    /// meetings per body, and two people's shared meetings per body.</summary>
    public IQueryable<PersonBodyCounts> PersonBodyCounts => db.PersonBodyCounts.AsNoTracking();

    public IQueryable<CoAttendanceCounts> CoAttendanceCounts => db.CoAttendanceCounts.AsNoTracking();

    /// <summary>The same documents as <see cref="Documents"/>, read from the stored action counts (kept by
    /// PublishedFlags in the publishing transaction) rather than an EXISTS over every action: what the grid pages.</summary>
    public IQueryable<Document> ListedDocuments => db.Documents.AsNoTracking().Where(d => d.Counts!.Actions > 0);

    public IQueryable<Report> Reports => db.Reports.AsNoTracking().Where(Published.Report);

    public IQueryable<PersonTitle> Titles => db.PersonTitles.AsNoTracking().Where(Published.Title);

    public IQueryable<MeetingSource> MeetingSources => db.MeetingSources.AsNoTracking().Where(Published.Source);

    public IQueryable<ParticipationSource> ParticipationSources => Claims(db.ParticipationSources);

    public IQueryable<ResolutionSource> ResolutionSources => Claims(db.ResolutionSources);

    public IQueryable<DocumentActionSource> DocumentActionSources => Claims(db.DocumentActionSources);

    /// <summary>How many reports are stored and how many wait as drafts: counts, never their content.</summary>
    public async Task<(int All, int Drafts)> ReportCountsAsync(CancellationToken ct) =>
        (await db.Reports.CountAsync(ct), await db.Reports.CountAsync(r => r.Status == ReportStatus.Draft, ct));

    /// <summary>A fingerprint of the archive that changes when a publish, archive or edit changes what is published,
    /// read from the small stored-count tables, the newest report id (UUIDv7: a new report raises it; one index probe, where
    /// a count of every report walked 150,000 index entries at 100,000 meetings on every summary and overview view) and the
    /// drafts (indexed): what short caches check before serving.</summary>
    public async Task<ArchiveVersion> ArchiveVersionAsync(CancellationToken ct) =>
        (await db.Database.SqlQuery<ArchiveVersion>($"""
            SELECT (SELECT coalesce(sum(meetings), 0)::bigint FROM body_counts) AS "Meetings",
                   (SELECT coalesce(sum(meetings), 0)::bigint FROM person_counts) AS "Participations",
                   (SELECT id FROM reports ORDER BY id DESC LIMIT 1) AS newest_report,
                   (SELECT count(*) FROM reports WHERE status = 'Draft') AS "Drafts"
            """).ToListAsync(ct))[0];

    /// <summary>An aggregate written in SQL (the summary's dashboard): it must filter <c>published</c> and
    /// <c>deleted_at IS NULL</c> itself, as the sets above do.</summary>
    public Task<List<T>> AggregateAsync<T>(FormattableString sql, CancellationToken ct) => db.Database.SqlQuery<T>(sql).ToListAsync(ct);

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private static IQueryable<T> Claims<T>(DbSet<T> set)
        where T : FactSource =>
        set.AsNoTracking().Where(s => s.Verdict != Verdict.Removed && s.SourceReport.Status == ReportStatus.Published);
}

public sealed record ArchiveVersion(long Meetings, long Participations, Guid? NewestReport, long Drafts);

/// <summary>One report's sentence behind a fact, one click from the fact.</summary>
public sealed record SourceRef(Guid ReportId, string Headline, string? Outlet, int SpanStart, int SpanLength, Verdict Verdict)
{
    public bool Verified => Verdict is Verdict.Accepted or Verdict.Edited or Verdict.Added;
}

/// <summary>A fact's id with one of its sources, as read from a source table.</summary>
public sealed record FactClaim(Guid FactId, SourceRef Source);

public static class FactClaims
{
    public static IQueryable<FactClaim> AsClaims<TFact>(this IQueryable<FactSource<TFact>> sources)
        where TFact : Fact =>
        sources.Select(s => new FactClaim(s.FactId,
            new SourceRef(s.SourceReportId, s.SourceReport.Headline, s.SourceReport.Outlet, s.SpanStart, s.SpanLength, s.Verdict)));

    /// <summary>The claims grouped by fact, oldest report first.</summary>
    public static async Task<Dictionary<Guid, IReadOnlyList<SourceRef>>> ByFactAsync(this IQueryable<FactClaim> claims, CancellationToken ct)
    {
        var rows = await claims.ToListAsync(ct);
        return rows.GroupBy(r => r.FactId).ToDictionary(g => g.Key, g => (IReadOnlyList<SourceRef>)[.. g.Select(r => r.Source)]);
    }
}

public static class Verdicts
{
    public static string Describe(Verdict verdict) => verdict switch
    {
        Verdict.Accepted => "accepted by an editor",
        Verdict.Edited => "corrected by an editor",
        Verdict.Added => "added by an editor",
        Verdict.Removed => "removed by an editor",
        _ => "machine extraction, not yet checked",
    };
}

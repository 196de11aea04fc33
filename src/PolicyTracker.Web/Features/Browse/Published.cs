using System.Linq.Expressions;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Web.Features.Browse;

/// <summary>What analysts browse: only what a published report says. Drafts (unreviewed machine output)
/// and archived reports stay in the editors' workspace (/reports, review).
/// <para>Top-level sets: <c>db.Participations.FromPublished()</c>, <c>db.Meetings.WithPublishedSource()</c>.
/// Navigation collections inside a query: <c>m.Participations.AsQueryable().Where(Published.Participation)</c>
/// (EF Core inlines the expression).</para></summary>
public static class Published
{
    public static readonly Expression<Func<Report, bool>> Report = r => r.Status == ReportStatus.Published;

    public static readonly Expression<Func<MeetingSource, bool>> Source = s => s.SourceReport.Status == ReportStatus.Published;

    public static readonly Expression<Func<Participation, bool>> Participation = p => p.SourceReport.Status == ReportStatus.Published;

    public static readonly Expression<Func<Resolution, bool>> Resolution = r => r.SourceReport.Status == ReportStatus.Published;

    public static readonly Expression<Func<DocumentAction, bool>> Action = a => a.SourceReport.Status == ReportStatus.Published;

    /// <summary>A meeting is visible when at least one published report describes it.</summary>
    public static readonly Expression<Func<Meeting, bool>> Meeting = m => m.Sources.Any(s => s.SourceReport.Status == ReportStatus.Published);

    /// <summary>A title an editor entered (no source report) or one a published report gave.</summary>
    public static readonly Expression<Func<PersonTitle, bool>> Title = t => t.SourceReportId == null || t.SourceReport!.Status == ReportStatus.Published;

    /// <summary>A person is listed when a published report names them in a meeting.</summary>
    public static readonly Expression<Func<Person, bool>> Person = p => p.Participations.Any(x => x.SourceReport.Status == ReportStatus.Published);

    /// <summary>A document is listed when a published report records an action on it.</summary>
    public static readonly Expression<Func<Document, bool>> Document = d => d.Actions.Any(a => a.SourceReport.Status == ReportStatus.Published);

    /// <summary>A body is listed when it, or one of its child bodies, held a published meeting:
    /// a parent shown next to its children is a body worth opening.</summary>
    public static readonly Expression<Func<Organization, bool>> Body = o =>
        o.Meetings.Any(m => m.Sources.Any(s => s.SourceReport.Status == ReportStatus.Published))
        || o.Children.Any(c => c.Meetings.Any(m => m.Sources.Any(s => s.SourceReport.Status == ReportStatus.Published)));

    public static IQueryable<T> FromPublished<T>(this IQueryable<T> records)
        where T : ExtractedRecord => records.Where(r => r.SourceReport.Status == ReportStatus.Published);

    public static IQueryable<Meeting> WithPublishedSource(this IQueryable<Meeting> meetings) => meetings.Where(Meeting);

    public static IQueryable<Report> OnlyPublished(this IQueryable<Report> reports) => reports.Where(Report);

    public static IQueryable<Person> WithPublishedParticipation(this IQueryable<Person> people) => people.Where(Person);

    public static IQueryable<Document> WithPublishedAction(this IQueryable<Document> documents) => documents.Where(Document);

    public static IQueryable<Organization> WithPublishedMeeting(this IQueryable<Organization> bodies) => bodies.Where(Body);
}

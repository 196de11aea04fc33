using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Records;

// Everything one report claims: its meeting sources and its sources of facts, across the four tables.
internal static class ReportClaims
{
    public static async Task<List<Guid>> MeetingIdsAsync(PolicyTrackerDbContext db, Guid reportId, CancellationToken ct)
    {
        var ids = await db.MeetingSources.Where(s => s.SourceReportId == reportId).Select(s => s.MeetingId)
            .Union(db.ParticipationSources.Where(s => s.SourceReportId == reportId).Select(s => s.Fact.MeetingId))
            .Union(db.ResolutionSources.Where(s => s.SourceReportId == reportId).Select(s => s.Fact.MeetingId))
            .Union(db.DocumentActionSources.Where(s => s.SourceReportId == reportId).Select(s => s.Fact.MeetingId))
            .ToListAsync(ct);
        return ids;
    }

    // Soft-deletes this report's sources; only those nobody judged when extractedOnly.
    public static async Task RemoveAsync(PolicyTrackerDbContext db, Guid reportId, bool extractedOnly, CancellationToken ct)
    {
        db.MeetingSources.RemoveRange(await Of(db.MeetingSources, reportId, extractedOnly).ToListAsync(ct));
        db.ParticipationSources.RemoveRange(await Of(db.ParticipationSources, reportId, extractedOnly).ToListAsync(ct));
        db.ResolutionSources.RemoveRange(await Of(db.ResolutionSources, reportId, extractedOnly).ToListAsync(ct));
        db.DocumentActionSources.RemoveRange(await Of(db.DocumentActionSources, reportId, extractedOnly).ToListAsync(ct));
    }

    // Brings back the sources deleted with the report, and the facts, meetings and documents that
    // were retired because of it.
    public static async Task RestoreAsync(PolicyTrackerDbContext db, Guid reportId, DateTimeOffset deletedAt, CancellationToken ct)
    {
        var meetingSources = await Deleted(db.MeetingSources, reportId, deletedAt).Include(s => s.Meeting).ToListAsync(ct);
        var participations = await Deleted(db.ParticipationSources, reportId, deletedAt).Include(s => s.Fact).ThenInclude(f => f.Meeting).ToListAsync(ct);
        var resolutions = await Deleted(db.ResolutionSources, reportId, deletedAt).Include(s => s.Fact).ThenInclude(f => f.Meeting).ToListAsync(ct);
        var actions = await Deleted(db.DocumentActionSources, reportId, deletedAt)
            .Include(s => s.Fact).ThenInclude(f => f.Meeting)
            .Include(s => s.Fact).ThenInclude(f => f.Document)
            .ToListAsync(ct);

        var rows = new List<Entity>();
        rows.AddRange(meetingSources);
        rows.AddRange(meetingSources.Select(s => s.Meeting));
        rows.AddRange(participations);
        rows.AddRange(participations.SelectMany(s => new Entity[] { s.Fact, s.Fact.Meeting }));
        rows.AddRange(resolutions);
        rows.AddRange(resolutions.SelectMany(s => new Entity[] { s.Fact, s.Fact.Meeting }));
        rows.AddRange(actions);
        rows.AddRange(actions.SelectMany(s => new Entity[] { s.Fact, s.Fact.Meeting, s.Fact.Document }));
        foreach (var row in rows.Where(r => r.DeletedAt is not null).Distinct())
        {
            row.DeletedAt = null;
            row.DeletedBy = null;
        }
    }

    private static IQueryable<T> Of<T>(DbSet<T> set, Guid reportId, bool extractedOnly)
        where T : FactSource =>
        set.Where(s => s.SourceReportId == reportId && (!extractedOnly || s.Verdict == Verdict.Extracted));

    private static IQueryable<T> Deleted<T>(DbSet<T> set, Guid reportId, DateTimeOffset deletedAt)
        where T : FactSource =>
        set.IgnoreQueryFilters().Where(s => s.SourceReportId == reportId && s.DeletedAt == deletedAt);
}

using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;

namespace PolicyTracker.Data.Editing;

public sealed record HistoryLine(long Id, DateTimeOffset At, string User, AuditAction Action, string EntityType, Guid EntityId,
    string What, IReadOnlyList<FieldChange> Changes, bool CanRestore);

// The audit trail of a report or a meeting and everything recorded from or at it, as sentences.
public sealed class HistoryService(IDbContextFactory<PolicyTrackerDbContext> factory, TimeProvider time, ICurrentUser user)
{
    private static readonly HashSet<string> Noise = ["version", "search vector", "updated at", "verdict at", "published", "content hash", "id"];

    public async Task<IReadOnlyList<HistoryLine>> ForReportAsync(Guid reportId, int limit = 200, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var labels = new Dictionary<Guid, (string Type, string What, bool Deleted)>();
        await LabelAsync(labels, db.Participations.IgnoreQueryFilters().Where(p => p.Sources.Any(s => s.SourceReportId == reportId)), ct);
        await LabelAsync(labels, db.Resolutions.IgnoreQueryFilters().Where(p => p.Sources.Any(s => s.SourceReportId == reportId)), ct);
        await LabelAsync(labels, db.DocumentActions.IgnoreQueryFilters().Where(p => p.Sources.Any(s => s.SourceReportId == reportId)), ct);
        await LabelAsync(labels, db.MeetingSources.IgnoreQueryFilters().Where(p => p.SourceReportId == reportId), ct);
        await LabelAsync(labels, db.ParticipationSources.IgnoreQueryFilters().Where(p => p.SourceReportId == reportId), ct);
        await LabelAsync(labels, db.ResolutionSources.IgnoreQueryFilters().Where(p => p.SourceReportId == reportId), ct);
        await LabelAsync(labels, db.DocumentActionSources.IgnoreQueryFilters().Where(p => p.SourceReportId == reportId), ct);
        var report = await db.Reports.IgnoreQueryFilters().Where(r => r.Id == reportId)
            .Select(r => new { r.Headline, r.DeletedAt }).FirstOrDefaultAsync(ct);
        if (report is not null)
        {
            labels[reportId] = (nameof(Report), $"report “{ChangeText.Short(report.Headline)}”", report.DeletedAt is not null);
        }

        return await LinesAsync(db, labels, limit, ct);
    }

    public async Task<IReadOnlyList<HistoryLine>> ForMeetingAsync(Guid meetingId, int limit = 200, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var labels = new Dictionary<Guid, (string Type, string What, bool Deleted)>();
        await LabelAsync(labels, db.Participations.IgnoreQueryFilters().Where(p => p.MeetingId == meetingId), ct);
        await LabelAsync(labels, db.Resolutions.IgnoreQueryFilters().Where(p => p.MeetingId == meetingId), ct);
        await LabelAsync(labels, db.DocumentActions.IgnoreQueryFilters().Where(p => p.MeetingId == meetingId), ct);
        await LabelAsync(labels, db.MeetingSources.IgnoreQueryFilters().Where(p => p.MeetingId == meetingId), ct);
        var meeting = await db.Meetings.IgnoreQueryFilters().Where(m => m.Id == meetingId)
            .Select(m => new { Body = m.Organization.Name, m.DeletedAt }).FirstOrDefaultAsync(ct);
        if (meeting is not null)
        {
            labels[meetingId] = (nameof(Meeting), $"meeting of {meeting.Body}", meeting.DeletedAt is not null);
        }

        return await LinesAsync(db, labels, limit, ct);
    }

    // Brings back a removed item or report; the audit trail records the restoration.
    public async Task<bool> RestoreAsync(string entityType, Guid id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        try
        {
            return entityType switch
            {
                nameof(Participation) => await RestoreFactAsync<Participation, ParticipationSource>(db, db.Participations, id, ct),
                nameof(Resolution) => await RestoreFactAsync<Resolution, ResolutionSource>(db, db.Resolutions, id, ct),
                nameof(DocumentAction) => await RestoreFactAsync<DocumentAction, DocumentActionSource>(db, db.DocumentActions, id, ct),
                nameof(MeetingSource) => await RestoreSourceAsync(db, id, ct),
                nameof(Meeting) => await db.RestoreAsync<Meeting>(id, ct),
                nameof(Report) => await db.RestoreAsync<Report>(id, ct),
                _ => false,
            };
        }
        catch (DbUpdateException)
        {
            // A live source for the same meeting and report already exists: nothing to bring back.
            return false;
        }
    }

    // Undoes a removal: the fact comes back, and the reports whose claims an editor had removed
    // claim it again, as accepted by whoever restored it.
    private async Task<bool> RestoreFactAsync<TFact, TSource>(PolicyTrackerDbContext db, DbSet<TFact> facts, Guid id, CancellationToken ct)
        where TFact : Fact<TSource>
        where TSource : FactSource
    {
        var fact = await facts.IgnoreQueryFilters().Include(f => f.Sources).Include(f => f.Meeting).SingleOrDefaultAsync(f => f.Id == id, ct);
        if (fact?.DeletedAt is null)
        {
            return false;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var row in fact.Sources.Where(s => s.DeletedAt is null && s.Verdict == Verdict.Removed))
            {
                (row.Verdict, row.VerdictBy, row.VerdictAt) = (Verdict.Accepted, user.Name, time.GetUtcNow());
            }

            foreach (var entity in new Entity[] { fact, fact.Meeting }.Where(e => e.DeletedAt is not null))
            {
                (entity.DeletedAt, entity.DeletedBy) = (null, null);
            }

            await db.SaveChangesAsync(ct);
            await PublishedFlags.RefreshAsync(db, [fact.MeetingId], ct);
            await transaction.CommitAsync(ct);
        });
        return true;
    }

    private static async Task<bool> RestoreSourceAsync(PolicyTrackerDbContext db, Guid id, CancellationToken ct)
    {
        var meetingId = await db.MeetingSources.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => s.MeetingId).FirstOrDefaultAsync(ct);
        await db.RestoreAsync<Meeting>(meetingId, ct);
        return await db.RestoreAsync<MeetingSource>(id, ct);
    }

    private static async Task LabelAsync<T>(Dictionary<Guid, (string, string, bool)> labels, IQueryable<T> rows, CancellationToken ct)
        where T : Entity
    {
        var list = rows switch
        {
            IQueryable<Participation> p => await p.Select(x => new { x.Id, What = "participant " + x.Person.Name, x.DeletedAt }).ToListAsync(ct),
            IQueryable<Resolution> r => await r.Select(x => new { x.Id, What = "resolution “" + x.Text + "”", x.DeletedAt }).ToListAsync(ct),
            IQueryable<DocumentAction> d => await d.Select(x => new { x.Id, What = "document “" + x.Document.Title + "”", x.DeletedAt }).ToListAsync(ct),
            IQueryable<MeetingSource> s => await s.Select(x => new { x.Id, What = "source: meeting of " + x.Meeting.Organization.Name + " in report “" + x.SourceReport.Headline + "”", x.DeletedAt }).ToListAsync(ct),
            IQueryable<ParticipationSource> s => await s.Select(x => new { x.Id, What = "this report's claim: participant " + x.Fact.Person.Name, x.DeletedAt }).ToListAsync(ct),
            IQueryable<ResolutionSource> s => await s.Select(x => new { x.Id, What = "this report's claim: resolution “" + x.Fact.Text + "”", x.DeletedAt }).ToListAsync(ct),
            IQueryable<DocumentActionSource> s => await s.Select(x => new { x.Id, What = "this report's claim: document “" + x.Fact.Document.Title + "”", x.DeletedAt }).ToListAsync(ct),
            _ => [],
        };
        foreach (var row in list)
        {
            labels[row.Id] = (typeof(T).Name, row.What.Length > 90 ? row.What[..87] + "…”" : row.What, row.DeletedAt is not null);
        }
    }

    private static async Task<IReadOnlyList<HistoryLine>> LinesAsync(
        PolicyTrackerDbContext db, Dictionary<Guid, (string Type, string What, bool Deleted)> labels, int limit, CancellationToken ct)
    {
        var ids = labels.Keys.Select(k => k.ToString()).ToList();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => ids.Contains(a.EntityId))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(limit)
            .ToListAsync(ct);
        var lastDelete = entries.Where(e => e.Action == AuditAction.Deleted).GroupBy(e => e.EntityId).ToDictionary(g => g.Key, g => g.First().Id);
        return [.. entries.Select(e =>
        {
            var id = Guid.Parse(e.EntityId);
            var (type, what, deleted) = labels[id];
            // An addition or removal is the sentence itself; a change lists its fields, without row ids.
            IReadOnlyList<FieldChange> changes = e.Action is AuditAction.Added or AuditAction.Deleted or AuditAction.Restored
                ? []
                : [.. ChangeText.Changes(e.OldValues, e.NewValues).Where(c => !Noise.Contains(c.Field) && !c.Field.EndsWith(" id", StringComparison.Ordinal))];

            var canRestore = deleted && lastDelete.GetValueOrDefault(e.EntityId) == e.Id;
            return new HistoryLine(e.Id, e.At, e.UserName, e.Action, type, id, what, changes, canRestore);
        })];
    }
}

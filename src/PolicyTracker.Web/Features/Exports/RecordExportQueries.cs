using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Features.Browse;
using PolicyTracker.Web.Features.Meetings;

namespace PolicyTracker.Web.Features.Exports;

public sealed record ParticipantExportRow(Guid MeetingId, DateOnly? Date, string Body, Guid PersonId, string Person, ParticipationRole Role,
    string? Title, int Reports);

public sealed record ResolutionExportRow(Guid MeetingId, DateOnly? Date, string Body, Guid Id, int Position, string Verb, string Text,
    string? IssuedBy, int Reports);

public sealed record DocumentExportRow(Guid MeetingId, DateOnly? Date, string Body, Guid DocumentId, string Title, string? Kind,
    DocumentActionKind Action, int Reports);

public sealed record PopoloPerson(Guid Id, string Name, IReadOnlyList<string> OtherNames);

public sealed record PopoloOrganization(Guid Id, string Name, Guid? ParentId);

/// <summary>A person's attendance of one body's meetings, within the exported meetings: the first and last of them.</summary>
public sealed record PopoloMembership(Guid PersonId, Guid OrganizationId, DateOnly? First, DateOnly? Last, int Meetings, bool Chaired);

public sealed record PopoloAttendee(Guid PersonId, ParticipationRole Role);

public sealed record PopoloEvent(Guid Id, Guid OrganizationId, string Body, string? Session, DateOnly? Date, string? Location,
    IReadOnlyList<PopoloAttendee> Attendees);

/// <summary>The records behind the meetings a filter of the meetings list selects (any period, body, person...),
/// one kind at a time, in meeting order (newest first) then report order. Every method streams: rows are read
/// from PostgreSQL as the caller writes them, so an export of the whole archive never sits in memory.</summary>
public sealed class RecordExportQueries(PublishedData published, MeetingQueries meetings)
{
    public IAsyncEnumerable<MeetingRow> MeetingsAsync(MeetingFilter filter, CancellationToken ct) => meetings.StreamAsync(filter, null, true, ct);

    public IAsyncEnumerable<ParticipantExportRow> ParticipantsAsync(MeetingFilter filter, CancellationToken ct = default) =>
        StreamAsync(filter, (db, chosen) => db.Participations.Where(p => chosen.Contains(p.MeetingId))
            .OrderByDescending(p => p.Meeting.Date).ThenByDescending(p => p.MeetingId)
            .ThenBy(p => p.Role == ParticipationRole.Chair ? 0 : 1).ThenBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new ParticipantExportRow(p.MeetingId, p.Meeting.Date, p.Meeting.Organization.Name, p.PersonId, p.Person.Name, p.Role,
                p.TitleAsWritten, p.Sources.AsQueryable().Count(s => s.Verdict != Verdict.Removed && s.SourceReport.Status == ReportStatus.Published))), ct);

    public IAsyncEnumerable<ResolutionExportRow> ResolutionsAsync(MeetingFilter filter, CancellationToken ct = default) =>
        StreamAsync(filter, (db, chosen) => db.Resolutions.Where(r => chosen.Contains(r.MeetingId))
            .OrderByDescending(r => r.Meeting.Date).ThenByDescending(r => r.MeetingId).ThenBy(r => r.Position)
            .Select(r => new ResolutionExportRow(r.MeetingId, r.Meeting.Date, r.Meeting.Organization.Name, r.Id, r.Position, r.Verb, r.Text,
                r.IssuedByPerson != null ? r.IssuedByPerson.Name : r.IssuedBy,
                r.Sources.AsQueryable().Count(s => s.Verdict != Verdict.Removed && s.SourceReport.Status == ReportStatus.Published))), ct);

    public IAsyncEnumerable<DocumentExportRow> DocumentsAsync(MeetingFilter filter, CancellationToken ct = default) =>
        StreamAsync(filter, (db, chosen) => db.DocumentActions.Where(a => chosen.Contains(a.MeetingId))
            .OrderByDescending(a => a.Meeting.Date).ThenByDescending(a => a.MeetingId).ThenBy(a => a.Position)
            .Select(a => new DocumentExportRow(a.MeetingId, a.Meeting.Date, a.Meeting.Organization.Name, a.DocumentId, a.Document.Title, a.Document.Kind,
                a.Action, a.Sources.AsQueryable().Count(s => s.Verdict != Verdict.Removed && s.SourceReport.Status == ReportStatus.Published))), ct);

    /// <summary>Everyone who took part in a chosen meeting, by name, with their known aliases.</summary>
    public IAsyncEnumerable<PopoloPerson> PersonsAsync(MeetingFilter filter, CancellationToken ct = default) =>
        StreamAsync(filter, (db, chosen) => db.PeopleOfFacts.Where(pe => db.Participations.Any(p => p.PersonId == pe.Id && chosen.Contains(p.MeetingId)))
            .OrderBy(pe => pe.Name).ThenBy(pe => pe.Id)
            .Select(pe => new PopoloPerson(pe.Id, pe.Name, pe.Aliases.OrderBy(a => a.Alias).Select(a => a.Alias).ToList())), ct);

    /// <summary>The bodies of the chosen meetings and the parents above them, so every parent_id points inside the file.</summary>
    public async Task<IReadOnlyList<PopoloOrganization>> OrganizationsAsync(MeetingFilter filter, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var chosen = filter.Apply(db);
        // A few hundred bodies at most: small enough to walk up the parents here.
        var all = await db.BodiesOfFacts.Select(o => new PopoloOrganization(o.Id, o.Name, o.ParentId)).ToDictionaryAsync(o => o.Id, ct);
        var used = await chosen.Select(m => m.OrganizationId).Distinct().ToListAsync(ct);
        var kept = new HashSet<Guid>();
        foreach (var id in used)
        {
            for (Guid? at = id; at is { } a && all.ContainsKey(a) && kept.Add(a); at = all[a].ParentId)
            {
            }
        }
        return [.. kept.Select(id => all[id]).OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id)];
    }

    /// <summary>One membership per person and body, counted by PostgreSQL over the chosen meetings.</summary>
    public IAsyncEnumerable<PopoloMembership> MembershipsAsync(MeetingFilter filter, CancellationToken ct = default) =>
        StreamAsync(filter, (db, chosen) => db.Participations.Where(p => chosen.Contains(p.MeetingId))
            .Select(p => new { p.PersonId, p.Meeting.OrganizationId, p.Meeting.Date, Chair = p.Role == ParticipationRole.Chair ? 1 : 0 })
            .GroupBy(p => new { p.PersonId, p.OrganizationId })
            .OrderBy(g => g.Key.PersonId).ThenBy(g => g.Key.OrganizationId)
            .Select(g => new PopoloMembership(g.Key.PersonId, g.Key.OrganizationId, g.Min(p => p.Date), g.Max(p => p.Date), g.Count(), g.Max(p => p.Chair) == 1)), ct);

    public IAsyncEnumerable<PopoloEvent> EventsAsync(MeetingFilter filter, CancellationToken ct = default) =>
        StreamAsync(filter, (db, _) => filter.Apply(db).OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
            .Select(m => new PopoloEvent(m.Id, m.OrganizationId, m.Organization.Name, m.Session, m.Date, m.Location,
                m.Participations.AsQueryable().Where(Published.Participation)
                    .OrderBy(p => p.Role == ParticipationRole.Chair ? 0 : 1).ThenBy(p => p.Position).ThenBy(p => p.Id)
                    .Select(p => new PopoloAttendee(p.PersonId, p.Role)).ToList())), ct);

    // One view open for as long as the caller reads, and the query over it and the chosen meetings' ids, streamed.
    private async IAsyncEnumerable<T> StreamAsync<T>(MeetingFilter filter, Func<PublishedView, IQueryable<Guid>, IQueryable<T>> query,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await published.OpenAsync(ct);
        await foreach (var row in query(db, filter.Apply(db).Select(m => m.Id)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row;
        }
    }
}

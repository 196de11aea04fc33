using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;
using PolicyTracker.Web.Features.Browse;

namespace PolicyTracker.Web.Features.Meetings;

/// <summary>Every filter of the meetings list, the page's and the API's alike. <see cref="Role"/> with a person is
/// "chaired by" (or spoke at, attended); alone it is "has a chair".</summary>
public sealed record MeetingFilter(string? Text = null, Guid? BodyId = null, DateOnly? From = null, DateOnly? To = null, Guid? PersonId = null,
    ParticipationRole? Role = null, Guid? DocumentId = null, bool? HasDocuments = null, string? Topic = null)
{
    /// <summary>The filters as a stable string, for an API cursor's hash.</summary>
    public string Key => $"{Text}|{BodyId}|{PersonId}|{Role}|{DocumentId}|{HasDocuments}|{From:yyyy-MM-dd}|{To:yyyy-MM-dd}|{Topic}";

    public IQueryable<Meeting> Apply(PublishedView db)
    {
        var query = db.Meetings;
        if (BodyId is { } bodyId)
        {
            query = query.Where(m => m.OrganizationId == bodyId);
        }
        if (PersonId is { } personId)
        {
            var role = Role;
            query = query.Where(m => m.Participations.AsQueryable().Where(Published.Participation)
                .Any(p => p.PersonId == personId && (role == null || p.Role == role)));
        }
        else if (Role is { } role)
        {
            query = query.Where(m => m.Participations.AsQueryable().Where(Published.Participation).Any(p => p.Role == role));
        }
        if (DocumentId is { } documentId)
        {
            query = query.Where(m => m.DocumentActions.AsQueryable().Where(Published.Action).Any(a => a.DocumentId == documentId));
        }
        if (HasDocuments is { } has)
        {
            query = has
                ? query.Where(m => m.DocumentActions.AsQueryable().Where(Published.Action).Any())
                : query.Where(m => !m.DocumentActions.AsQueryable().Where(Published.Action).Any());
        }
        if (Topic is { } topic)
        {
            // Written as containment (topics @> ARRAY[topic]) so the GIN index on published meetings' topics serves it.
            string[] wanted = [topic];
            query = query.Where(m => wanted.All(t => m.Topics.Contains(t)));
        }
        if (From is { } from)
        {
            query = query.Where(m => m.Date >= from);
        }
        if (To is { } to)
        {
            query = query.Where(m => m.Date <= to);
        }
        if (!string.IsNullOrWhiteSpace(Text))
        {
            // Each way a meeting can match is its own indexed lookup (pg_trgm GIN on the names, the session and the
            // resolutions' text), and the meetings are the union of their ids: an OR of EXISTS over every meeting
            // would read the whole archive for each search.
            var pattern = LikePattern.Containing(Text.Trim());
            var people = db.PeopleOfFacts.Where(p => EF.Functions.ILike(p.Name, pattern)).Select(p => p.Id);
            var bodies = db.BodiesOfFacts.Where(o => EF.Functions.ILike(o.Name, pattern)).Select(o => o.Id);
            var matching = db.Participations.Where(p => people.Contains(p.PersonId)).Select(p => p.MeetingId)
                .Union(db.Resolutions.Where(r => EF.Functions.ILike(r.Text, pattern)).Select(r => r.MeetingId))
                .Union(db.Meetings.Where(m => m.Session != null && EF.Functions.ILike(m.Session, pattern)).Select(m => m.Id))
                .Union(db.Meetings.Where(m => bodies.Contains(m.OrganizationId)).Select(m => m.Id));
            query = query.Where(m => matching.Contains(m.Id));
        }
        return query;
    }
}

public sealed record MeetingRow(Guid Id, DateOnly? Date, Guid BodyId, string Body, string? Session, string? Chair,
    int Participants, int Resolutions, int Documents, int Sources);

public sealed record MeetingList(IReadOnlyList<MeetingRow> Rows, int Total);

/// <summary>The names behind a filter's ids, for its chips; null where the id names nothing published.</summary>
public sealed record FilterNames(string? Body, string? Person, string? Document);

public sealed record NameOption(Guid Id, string Name);

// Each fact once, with every published report that says it.
public sealed record ParticipantLine(Guid Id, Guid PersonId, string Name, ParticipationRole Role, string? Title, IReadOnlyList<SourceRef> Sources)
{
    public bool Verified => Sources.Any(s => s.Verified);
}

public sealed record ResolutionLine(Guid Id, string Verb, string Text, IReadOnlyList<SourceRef> Sources, IReadOnlyList<string> Topics)
{
    public bool Verified => Sources.Any(s => s.Verified);
}

public sealed record DocumentLine(Guid Id, Guid DocumentId, string Title, string? Kind, DocumentActionKind Action, IReadOnlyList<SourceRef> Sources,
    IReadOnlyList<string> Topics)
{
    public bool Verified => Sources.Any(s => s.Verified);
}

public sealed record SourceLine(Guid ReportId, string Headline, string? Outlet, DateOnly? Published);

/// <summary>The same body's meeting before or after this one (by date, then id).</summary>
public sealed record NeighbourMeeting(Guid Id, DateOnly? Date, string? Session);

public sealed record MeetingDetail(Guid Id, Guid BodyId, string Body, string? Session, DateOnly? Date, string? Location,
    IReadOnlyList<ParticipantLine> Participants, IReadOnlyList<ResolutionLine> Resolutions,
    IReadOnlyList<DocumentLine> Documents, IReadOnlyList<SourceLine> Sources,
    NeighbourMeeting? Previous = null, NeighbourMeeting? Next = null, IReadOnlyList<string>? Topics = null);

public sealed record PersonChange(Guid PersonId, string Name, ParticipationRole Role);

public sealed record DocumentChange(Guid DocumentId, string Title, DocumentActionKind Action);

/// <summary>What a meeting has that its body's previous meeting had not: people who appear and who dropped out,
/// resolutions on themes the previous one did not touch, documents it did not act on.</summary>
public sealed record MeetingChanges(NeighbourMeeting Previous, IReadOnlyList<PersonChange> Joined, IReadOnlyList<PersonChange> Left,
    IReadOnlyList<ResolutionLine> NewThemes, IReadOnlyList<DocumentChange> NewDocuments)
{
    public bool None => Joined.Count == 0 && Left.Count == 0 && NewThemes.Count == 0 && NewDocuments.Count == 0;
}

public sealed class MeetingQueries(PublishedData published)
{
    public async Task<MeetingList> ListAsync(MeetingFilter filter, int page, int pageSize, string? sort, bool descending, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var sorted = Sorted(filter.Apply(db), sort, descending);
        // The total does not depend on the order: it is counted along the date order, which an index gives, not along a
        // sort by body name (a join and a sort of every published meeting: 180 ms at 100,000 meetings, 2 ms by date).
        var total = await GridTotal.CountAsync(Sorted(filter.Apply(db), null, true), ct);
        // Id-first: the page's ids come from the ordered index alone, then the counts are computed for those rows only.
        var ids = await sorted.Skip(page * pageSize).Take(pageSize).Select(m => m.Id).ToListAsync(ct);
        var found = await Rows(db.Meetings.Where(m => ids.Contains(m.Id))).ToDictionaryAsync(r => r.Id, ct);
        var rows = ids.Select(id => found[id]).ToList();
        return new MeetingList(rows, total);
    }

    /// <summary>Every filtered row in the list's order, read as the caller writes them (the exports): one row in memory at a time.</summary>
    public async IAsyncEnumerable<MeetingRow> StreamAsync(MeetingFilter filter, string? sort, bool descending, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        await foreach (var row in Rows(Sorted(filter.Apply(db), sort, descending)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row;
        }
    }

    // Ties break on the id, which the (date, id) order of the published index gives for free.
    private static IQueryable<Meeting> Sorted(IQueryable<Meeting> query, string? sort, bool descending) => (sort, descending) switch
    {
        ("body", false) => query.OrderBy(m => m.Organization.Name).ThenByDescending(m => m.Date).ThenByDescending(m => m.Id),
        ("body", true) => query.OrderByDescending(m => m.Organization.Name).ThenByDescending(m => m.Date).ThenByDescending(m => m.Id),
        ("date", false) => query.OrderBy(m => m.Date).ThenBy(m => m.Id),
        _ => query.OrderByDescending(m => m.Date).ThenByDescending(m => m.Id),
    };

    private static IQueryable<MeetingRow> Rows(IQueryable<Meeting> query) => query.Select(m => new MeetingRow(
        m.Id, m.Date, m.OrganizationId, m.Organization.Name, m.Session,
        m.Participations.AsQueryable().Where(Published.Participation).Where(p => p.Role == ParticipationRole.Chair).Select(p => p.Person.Name).FirstOrDefault(),
        m.Participations.AsQueryable().Count(Published.Participation), m.Resolutions.AsQueryable().Count(Published.Resolution),
        m.DocumentActions.AsQueryable().Count(Published.Action), m.Sources.AsQueryable().Count(Published.Source)));

    public async Task<FilterNames> NamesAsync(MeetingFilter filter, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var (bodyId, personId, documentId) = (filter.BodyId, filter.PersonId, filter.DocumentId);
        return new FilterNames(
            bodyId is null ? null : await db.Bodies.Where(o => o.Id == bodyId).Select(o => o.Name).FirstOrDefaultAsync(ct),
            personId is null ? null : await db.People.Where(p => p.Id == personId).Select(p => p.Name).FirstOrDefaultAsync(ct),
            documentId is null ? null : await db.Documents.Where(d => d.Id == documentId).Select(d => d.Title).FirstOrDefaultAsync(ct));
    }

    public const int SuggestionLimit = 20;

    /// <summary>People for a filter's autocomplete: a part of the name or an alias, or a close misspelling; busiest first.</summary>
    public async Task<IReadOnlyList<NameOption>> SuggestPeopleAsync(string? text, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var query = db.People;
        if (!string.IsNullOrWhiteSpace(text))
        {
            var q = text.Trim();
            var pattern = LikePattern.Containing(q);
            query = query.Where(p => EF.Functions.ILike(p.Name, pattern) || EF.Functions.TrigramsAreSimilar(p.Name, q)
                || p.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern)));
        }
        return await query.OrderByDescending(p => p.Counts!.Meetings).ThenBy(p => p.Name).Take(SuggestionLimit)
            .Select(p => new NameOption(p.Id, p.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<NameOption>> SuggestDocumentsAsync(string? text, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var query = db.Documents;
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = LikePattern.Containing(text.Trim());
            query = query.Where(d => EF.Functions.ILike(d.Title, pattern));
        }
        return await query.OrderByDescending(d => d.Counts!.LastAction).ThenBy(d => d.Title).Take(SuggestionLimit)
            .Select(d => new NameOption(d.Id, d.Title)).ToListAsync(ct);
    }

    public async Task<MeetingDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var meeting = await db.Meetings
            .Where(m => m.Id == id)
            .Select(m => new { m.Id, m.OrganizationId, Body = m.Organization.Name, m.Session, m.Date, m.Location, m.Topics })
            .FirstOrDefaultAsync(ct);
        if (meeting is null)
        {
            return null;
        }

        // Chair first, then everyone in the order the report gave them.
        var people = await db.Participations.Where(p => p.MeetingId == id)
            .OrderBy(p => p.Role == ParticipationRole.Chair ? 0 : 1).ThenBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.PersonId, p.Person.Name, p.Role, p.TitleAsWritten })
            .ToListAsync(ct);
        var peopleSources = await db.ParticipationSources.Where(s => s.Fact.MeetingId == id).AsClaims().ByFactAsync(ct);
        var resolutions = await ResolutionsAsync(db, id, ct);
        var documents = await db.DocumentActions.Where(a => a.MeetingId == id)
            .OrderBy(a => a.Position).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.DocumentId, a.Document.Title, a.Document.Kind, a.Action, a.Document.Topics })
            .ToListAsync(ct);
        var documentSources = await db.DocumentActionSources.Where(s => s.Fact.MeetingId == id).AsClaims().ByFactAsync(ct);
        var sources = await db.MeetingSources.Where(s => s.MeetingId == id)
            .OrderBy(s => s.SourceReport.Published)
            .Select(s => new SourceLine(s.SourceReportId, s.SourceReport.Headline, s.SourceReport.Outlet, s.SourceReport.Published))
            .ToListAsync(ct);
        var (previous, next) = await NeighboursAsync(db, meeting.OrganizationId, meeting.Date, meeting.Id, ct);
        return new MeetingDetail(meeting.Id, meeting.OrganizationId, meeting.Body, meeting.Session, meeting.Date, meeting.Location,
            [.. people.Select(p => new ParticipantLine(p.Id, p.PersonId, p.Name, p.Role, p.TitleAsWritten, peopleSources.GetValueOrDefault(p.Id, [])))],
            resolutions,
            [.. documents.Select(d => new DocumentLine(d.Id, d.DocumentId, d.Title, d.Kind, d.Action, documentSources.GetValueOrDefault(d.Id, []), d.Topics))],
            sources, previous, next, meeting.Topics);
    }

    /// <summary>This meeting against its body's previous published meeting; null for the body's first (or an undated) meeting.</summary>
    public async Task<MeetingChanges?> ChangesAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await published.OpenAsync(ct);
        var meeting = await db.Meetings.Where(m => m.Id == id).Select(m => new { m.OrganizationId, m.Date }).FirstOrDefaultAsync(ct);
        if (meeting is null)
        {
            return null;
        }
        var (previous, _) = await NeighboursAsync(db, meeting.OrganizationId, meeting.Date, id, ct);
        if (previous is null)
        {
            return null;
        }
        var ids = new[] { id, previous.Id };
        var people = await db.Participations.Where(p => ids.Contains(p.MeetingId))
            .OrderBy(p => p.Role == ParticipationRole.Chair ? 0 : 1).ThenBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new { p.MeetingId, p.PersonId, p.Person.Name, p.Role })
            .ToListAsync(ct);
        var documents = await db.DocumentActions.Where(a => ids.Contains(a.MeetingId))
            .OrderBy(a => a.Position).ThenBy(a => a.Id)
            .Select(a => new { a.MeetingId, a.DocumentId, a.Document.Title, a.Action })
            .ToListAsync(ct);
        var now = people.Where(p => p.MeetingId == id).ToList();
        var before = people.Where(p => p.MeetingId == previous.Id).ToList();
        var resolutions = await ResolutionsAsync(db, id, ct);
        var previousThemes = await db.Resolutions.Where(r => r.MeetingId == previous.Id).Select(r => r.Text).ToListAsync(ct);
        var documentsBefore = documents.Where(d => d.MeetingId == previous.Id).Select(d => d.DocumentId).ToHashSet();
        return new MeetingChanges(previous,
            [.. now.Where(p => before.All(b => b.PersonId != p.PersonId)).Select(p => new PersonChange(p.PersonId, p.Name, p.Role))],
            [.. before.Where(b => now.All(p => p.PersonId != b.PersonId)).Select(p => new PersonChange(p.PersonId, p.Name, p.Role))],
            [.. resolutions.Where(r => ResolutionThemes.IsNew(r.Text, previousThemes))],
            [.. documents.Where(d => d.MeetingId == id && !documentsBefore.Contains(d.DocumentId))
                .Select(d => new DocumentChange(d.DocumentId, d.Title, d.Action))]);
    }

    private static async Task<List<ResolutionLine>> ResolutionsAsync(PublishedView db, Guid id, CancellationToken ct)
    {
        var resolutions = await db.Resolutions.Where(r => r.MeetingId == id)
            .OrderBy(r => r.Position).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Verb, r.Text, r.Topics })
            .ToListAsync(ct);
        var sources = await db.ResolutionSources.Where(s => s.Fact.MeetingId == id).AsClaims().ByFactAsync(ct);
        return [.. resolutions.Select(r => new ResolutionLine(r.Id, r.Verb, r.Text, sources.GetValueOrDefault(r.Id, []), r.Topics))];
    }

    // Dated meetings only: an undated meeting has no place in the body's sequence. Same-day meetings follow their ids.
    private static async Task<(NeighbourMeeting? Previous, NeighbourMeeting? Next)> NeighboursAsync(PublishedView db, Guid bodyId, DateOnly? date,
        Guid id, CancellationToken ct)
    {
        if (date is not { } d)
        {
            return (null, null);
        }
        var body = db.Meetings.Where(m => m.OrganizationId == bodyId && m.Date != null);
        var previous = await body.Where(m => m.Date < d || (m.Date == d && m.Id.CompareTo(id) < 0))
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
            .Select(m => new NeighbourMeeting(m.Id, m.Date, m.Session)).FirstOrDefaultAsync(ct);
        var next = await body.Where(m => m.Date > d || (m.Date == d && m.Id.CompareTo(id) > 0))
            .OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Select(m => new NeighbourMeeting(m.Id, m.Date, m.Session)).FirstOrDefaultAsync(ct);
        return (previous, next);
    }
}

using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;

namespace PolicyTracker.Data.Records;

// The facts of one meeting, loaded once with their sources and found by what makes them the same
// fact: the person; the resolution's text; the document and what was done with it. A second report
// of the meeting adds a source to each fact it shares and a new fact for what only it says.
internal sealed class MeetingFacts
{
    private readonly PolicyTrackerDbContext _db;
    private readonly Meeting _meeting;
    private readonly Dictionary<Guid, Participation> _participations;
    private readonly Dictionary<string, Resolution> _resolutions;
    private readonly Dictionary<(Guid, DocumentActionKind), DocumentAction> _actions;

    private MeetingFacts(PolicyTrackerDbContext db, Meeting meeting, List<Participation> participations, List<Resolution> resolutions, List<DocumentAction> actions)
    {
        _db = db;
        _meeting = meeting;
        _participations = participations.GroupBy(p => p.PersonId).ToDictionary(g => g.Key, g => g.First());
        _resolutions = resolutions.GroupBy(r => r.TextKey).ToDictionary(g => g.Key, g => g.First());
        _actions = actions.GroupBy(a => (a.DocumentId, a.Action)).ToDictionary(g => g.Key, g => g.First());
    }

    public int Count => _participations.Count + _resolutions.Count + _actions.Count;

    public static async Task<MeetingFacts> LoadAsync(PolicyTrackerDbContext db, Meeting meeting, CancellationToken ct)
    {
        if (db.Entry(meeting).State == EntityState.Added)
        {
            return new MeetingFacts(db, meeting, [], [], []);
        }

        var id = meeting.Id;
        var participations = await db.Participations.Include(p => p.Sources).Where(p => p.MeetingId == id).ToListAsync(ct);
        var resolutions = await db.Resolutions.Include(r => r.Sources).Where(r => r.MeetingId == id).ToListAsync(ct);
        var actions = await db.DocumentActions.Include(a => a.Sources).Where(a => a.MeetingId == id).ToListAsync(ct);
        return new MeetingFacts(db, meeting, participations, resolutions, actions);
    }

    public Participation? FindParticipation(Guid personId) => _participations.GetValueOrDefault(personId);

    public Resolution? FindResolution(string text) => _resolutions.GetValueOrDefault(TextKeys.Key(text));

    public DocumentAction? FindAction(Guid documentId, DocumentActionKind action) => _actions.GetValueOrDefault((documentId, action));

    // The person's participation, created when new; a stronger role (chair over attendee) wins.
    public Participation Participation(Person person, ParticipationRole role, string? title, int position)
    {
        if (_participations.TryGetValue(person.Id, out var fact))
        {
            if (role < fact.Role)
            {
                fact.Role = role;
            }

            fact.TitleAsWritten ??= title;
            return fact;
        }

        fact = new Participation { Meeting = _meeting, MeetingId = _meeting.Id, Person = person, PersonId = person.Id, Role = role, TitleAsWritten = title, Position = position, MeetingDate = _meeting.Date };
        _db.Participations.Add(fact);
        _participations[person.Id] = fact;
        return fact;
    }

    public Resolution Resolution(string text, string verb, string? issuedBy, Person? issuer, int position)
    {
        var key = TextKeys.Key(text);
        if (_resolutions.TryGetValue(key, out var fact))
        {
            return fact;
        }

        fact = new Resolution
        {
            Meeting = _meeting,
            MeetingId = _meeting.Id,
            Text = text,
            TextKey = key,
            Verb = verb,
            IssuedBy = issuedBy,
            IssuedByPerson = issuer,
            Position = position,
        };
        _db.Resolutions.Add(fact);
        _resolutions[key] = fact;
        return fact;
    }

    public DocumentAction Action(Document document, DocumentActionKind action, int position)
    {
        if (_actions.TryGetValue((document.Id, action), out var fact))
        {
            return fact;
        }

        fact = new DocumentAction { Meeting = _meeting, MeetingId = _meeting.Id, Document = document, DocumentId = document.Id, Action = action, Position = position };
        _db.DocumentActions.Add(fact);
        _actions[(document.Id, action)] = fact;
        return fact;
    }

    // Re-keys a fact after an editor changed what identifies it.
    public void Forget(Fact fact)
    {
        switch (fact)
        {
            case Participation p:
                Remove(_participations, p);
                break;
            case Resolution r:
                Remove(_resolutions, r);
                break;
            case DocumentAction a:
                Remove(_actions, a);
                break;
        }
    }

    public void Remember(Fact fact)
    {
        switch (fact)
        {
            case Participation p:
                _participations[p.PersonId] = p;
                break;
            case Resolution r:
                _resolutions[r.TextKey] = r;
                break;
            case DocumentAction a:
                _actions[(a.DocumentId, a.Action)] = a;
                break;
        }
    }

    private static void Remove<TKey, TFact>(Dictionary<TKey, TFact> map, TFact fact)
        where TKey : notnull
        where TFact : Fact
    {
        foreach (var key in map.Where(e => ReferenceEquals(e.Value, fact)).Select(e => e.Key).ToList())
        {
            map.Remove(key);
        }
    }
}

internal static class Claims
{
    // This report's source of the fact, added when the report does not claim it yet.
    public static TSource Claim<TSource>(Fact<TSource> fact, Guid reportId, Func<TSource> create)
        where TSource : FactSource
    {
        var source = fact.Sources.FirstOrDefault(s => s.SourceReportId == reportId && s.DeletedAt is null);
        if (source is null)
        {
            source = create();
            source.SourceReportId = reportId;
            fact.Sources.Add(source);
        }

        return source;
    }

    // Whether any report still stands behind the fact (an editor's removal takes a source out).
    public static bool Claimed<TSource>(Fact<TSource> fact)
        where TSource : FactSource =>
        fact.Sources.Any(s => s.DeletedAt is null && s.Verdict != Verdict.Removed);

    public static T Span<T>(this T source, int start, int length, double confidence)
        where T : FactSource
    {
        source.SpanStart = Math.Max(0, start);
        source.SpanLength = Math.Max(0, length);
        source.Confidence = double.IsFinite(confidence) ? Math.Clamp(confidence, 0, 1) : 0;
        return source;
    }
}

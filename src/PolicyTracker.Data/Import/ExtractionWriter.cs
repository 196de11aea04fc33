using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;
using PolicyTracker.Extraction;
using DocumentAction = PolicyTracker.Data.Entities.DocumentAction;

namespace PolicyTracker.Data.Import;

// Turns one report's extraction into facts with this report as a source, reusing the bodies,
// people, meetings, documents and facts already known. Adds to the context only; the caller
// saves inside its transaction. A fact this report already claims (an editor judged it) is left alone.
internal sealed class ExtractionWriter(PolicyTrackerDbContext db, Report report)
{
    private const string UnidentifiedBody = "Unidentified body";

    private readonly EntityResolver _resolver = new(db);
    private readonly Dictionary<(Guid, DateOnly), Meeting> _meetings = [];
    private readonly Dictionary<Meeting, MeetingFacts> _facts = [];

    public int Meetings { get; private set; }

    public int Participations { get; private set; }

    public int Resolutions { get; private set; }

    public int DocumentActions { get; private set; }

    public IEnumerable<Guid> MeetingIds => _facts.Keys.Select(m => m.Id);

    // What the extraction looks up by name and may create, as KeyLocks.Phase.Names keys.
    public static IEnumerable<string> NameKeys(ReportExtraction extraction)
    {
        var (people, bodies, documents) = Names(extraction);
        return people.Select(k => "person:" + k).Concat(bodies.Select(k => "body:" + k)).Concat(documents.Select(k => "document:" + k));
    }

    // Resolves every name first (one query per kind), locks the rows found and the meetings looked up (KeyLocks.Phase.Records),
    // then writes. Callers hold the Names locks of NameKeys; extraMeetingKeys are meetings they change besides.
    public async Task WriteAsync(ReportExtraction extraction, CancellationToken ct, IEnumerable<string>? extraMeetingKeys = null)
    {
        var (personKeys, bodyKeys, documentKeys) = Names(extraction);
        await _resolver.PreloadAsync(personKeys, bodyKeys, documentKeys, ct);
        var bodies = new List<Organization>();
        foreach (var extracted in extraction.Meetings)
        {
            bodies.Add(await _resolver.BodyAsync(null, Trim(extracted.Body, 300) ?? UnidentifiedBody, extracted.BodyAliases, ct));
        }

        var meetingKeys = extraction.Meetings.Zip(bodies)
            .Where(x => x.First.Date is not null && db.Entry(x.Second).State != EntityState.Added)
            .Select(x => MeetingKey(x.Second.Id, x.First.Date!.Value));
        await KeyLocks.LockAsync(db, KeyLocks.Phase.Records,
            _resolver.Known().Select(e => "row:" + e.Id).Concat(meetingKeys).Concat(extraMeetingKeys ?? []), ct);

        for (var m = 0; m < extraction.Meetings.Count; m++)
        {
            var extracted = extraction.Meetings[m];
            var body = bodies[m];
            var meeting = await MeetingAsync(body, extracted, ct);
            await AddMeetingSourceAsync(meeting, extracted, ct);
            if (!_facts.TryGetValue(meeting, out var facts))
            {
                facts = await MeetingFacts.LoadAsync(db, meeting, ct);
                _facts[meeting] = facts;
            }

            var attendees = new Dictionary<string, Person>();
            for (var i = 0; i < extracted.Participants.Count; i++)
            {
                var participant = extracted.Participants[i];
                if (Trim(participant.Name, 300) is not { } name)
                {
                    continue;
                }

                var person = await _resolver.PersonAsync(null, name, ct);
                attendees.TryAdd(TextKeys.Key(name), person);
                var title = Trim(participant.TitleAsWritten, 300);
                RecordTitle(person, title, meeting.Date);
                var fact = facts.Participation(person, Role(participant.Role), title, i);
                Participations += Claim(fact, participant.Span, participant.Confidence, () => new ParticipationSource());
            }

            for (var i = 0; i < extracted.Resolutions.Count; i++)
            {
                var resolution = extracted.Resolutions[i];
                var text = resolution.Text.Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                var issuedBy = Trim(resolution.IssuedBy, 300);
                Person? issuer = null;
                if (issuedBy is not null && !string.Equals(issuedBy, "meeting", StringComparison.OrdinalIgnoreCase))
                {
                    issuer = attendees.GetValueOrDefault(TextKeys.Key(issuedBy)) ?? await _resolver.PersonAsync(null, issuedBy, ct);
                }

                var fact = facts.Resolution(text, Trim(resolution.Verb, 100) ?? string.Empty, issuedBy, issuer, i);
                Resolutions += Claim(fact, resolution.Span, resolution.Confidence, () => new ResolutionSource());
            }

            for (var i = 0; i < extracted.Documents.Count; i++)
            {
                var extractedDocument = extracted.Documents[i];
                if (Trim(extractedDocument.Title, 1000) is not { } title)
                {
                    continue;
                }

                var document = await _resolver.DocumentAsync(null, title, Trim(extractedDocument.Kind, 50), ct);
                var fact = facts.Action(document, Enum.Parse<DocumentActionKind>(extractedDocument.Action.ToString()), i);
                DocumentActions += Claim(fact, extractedDocument.Span, extractedDocument.Confidence, () => new DocumentActionSource());
            }
        }
    }

    internal static string MeetingKey(Guid bodyId, DateOnly date) => $"meeting:{bodyId}:{date:yyyy-MM-dd}";

    private static (HashSet<string> People, HashSet<string> Bodies, HashSet<string> Documents) Names(ReportExtraction extraction)
    {
        var people = new HashSet<string>();
        var bodies = new HashSet<string>();
        var documents = new HashSet<string>();
        foreach (var meeting in extraction.Meetings)
        {
            foreach (var body in meeting.BodyAliases.Select(TextKeys.Clean).Prepend(Trim(meeting.Body, 300) ?? UnidentifiedBody))
            {
                if (body.Length > 0)
                {
                    bodies.Add(TextKeys.Key(body));
                }
            }

            foreach (var name in meeting.Participants.Select(p => Trim(p.Name, 300))
                .Concat(meeting.Resolutions.Select(r => Trim(r.IssuedBy, 300)).Where(n => !string.Equals(n, "meeting", StringComparison.OrdinalIgnoreCase))))
            {
                if (name is not null)
                {
                    people.Add(TextKeys.Key(name));
                }
            }

            foreach (var title in meeting.Documents.Select(d => Trim(d.Title, 1000)))
            {
                if (title is not null)
                {
                    documents.Add(TextKeys.DocumentKey(title));
                }
            }
        }

        return (people, bodies, documents);
    }

    // The same body meeting on the same date is the same meeting, however many reports describe it.
    private async Task<Meeting> MeetingAsync(Organization body, ExtractedMeeting extracted, CancellationToken ct)
    {
        Meeting? meeting = null;
        if (extracted.Date is { } date)
        {
            // A body this save creates has no stored meetings.
            meeting = _meetings.GetValueOrDefault((body.Id, date));
            if (meeting is null && db.Entry(body).State != EntityState.Added)
            {
                meeting = await db.Meetings.Where(m => m.OrganizationId == body.Id && m.Date == date)
                    .OrderBy(m => m.Id)
                    .FirstOrDefaultAsync(ct);
            }
        }

        if (meeting is null)
        {
            meeting = new Meeting { Organization = body, OrganizationId = body.Id, Date = extracted.Date };
            db.Meetings.Add(meeting);
            Meetings++;
        }

        meeting.Session ??= Trim(extracted.Session, 500);
        meeting.Location ??= Trim(extracted.Location, 300);
        if (extracted.Date is { } key)
        {
            _meetings[(body.Id, key)] = meeting;
        }

        return meeting;
    }

    private async Task AddMeetingSourceAsync(Meeting meeting, ExtractedMeeting extracted, CancellationToken ct)
    {
        // A report being added has no stored sources to look for.
        var claimed = db.MeetingSources.Local.Any(s => s.Meeting == meeting && s.SourceReportId == report.Id && s.DeletedAt is null)
            || (db.Entry(meeting).State != EntityState.Added && db.Entry(report).State != EntityState.Added
                && await db.MeetingSources.AnyAsync(s => s.MeetingId == meeting.Id && s.SourceReportId == report.Id, ct));
        if (!claimed)
        {
            // The fields the extractor claimed, each judged on its own later; a field it found nothing for has no verdict.
            db.MeetingSources.Add(Extracted(new MeetingSource
            {
                Meeting = meeting,
                SourceReportId = report.Id,
                DateVerdict = extracted.Date is null ? null : Verdict.Extracted,
                ChairVerdict = extracted.Participants.Any(p => p.Role == ParticipantRole.Chair) ? Verdict.Extracted : null,
            }, extracted.Span, extracted.Confidence));
        }
    }

    private int Claim<TSource>(Fact<TSource> fact, TextSpan span, double confidence, Func<TSource> create)
        where TSource : FactSource
    {
        var before = fact.Sources.Count;
        Claims.Claim(fact, report.Id, () => Extracted(create(), span, confidence));
        return fact.Sources.Count - before;
    }

    private TSource Extracted<TSource>(TSource source, TextSpan span, double confidence)
        where TSource : FactSource
    {
        source.SourceReportId = report.Id;
        source.ExtractorVersion = report.ExtractorVersion;
        source.Verdict = Verdict.Extracted;
        return source.Span(span.Start, span.Length, confidence);
    }

    private void RecordTitle(Person person, string? title, DateOnly? meetingDate)
    {
        if (string.IsNullOrEmpty(title))
        {
            return;
        }

        var seen = meetingDate ?? report.Published;
        var existing = person.Titles.FirstOrDefault(t => string.Equals(t.Title, title, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            person.Titles.Add(new PersonTitle { Title = title, FirstSeen = seen, LastSeen = seen, SourceReport = report });
            return;
        }

        if (seen is { } date)
        {
            if (existing.FirstSeen is null || date < existing.FirstSeen)
            {
                existing.FirstSeen = date;
            }

            if (existing.LastSeen is null || date > existing.LastSeen)
            {
                existing.LastSeen = date;
            }
        }
    }

    private static ParticipationRole Role(ParticipantRole role) => role switch
    {
        ParticipantRole.Chair => ParticipationRole.Chair,
        ParticipantRole.Speaker => ParticipationRole.Speaker,
        _ => ParticipationRole.Attendee,
    };

    internal static string? Trim(string? value, int maxLength)
    {
        value = value is null ? null : TextKeys.Clean(value);
        return string.IsNullOrEmpty(value) ? null : value.Length <= maxLength ? value : value[..maxLength];
    }
}

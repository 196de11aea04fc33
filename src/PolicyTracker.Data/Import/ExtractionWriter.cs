using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Extraction;
using DocumentAction = PolicyTracker.Data.Entities.DocumentAction;

namespace PolicyTracker.Data.Import;

// Turns one report's extraction into linked rows, reusing the organizations, people, meetings and
// documents already known. Adds to the context only; the caller saves inside its transaction.
internal sealed class ExtractionWriter(PolicyTrackerDbContext db, Report report, VerifiedRecords verified)
{
    private const string UnidentifiedBody = "Unidentified body";

    private readonly Dictionary<string, Organization> _organizations = [];
    private readonly Dictionary<string, Person> _people = [];
    private readonly Dictionary<string, Document> _documents = [];
    private readonly Dictionary<(Guid, DateOnly), Meeting> _meetings = [];
    private readonly HashSet<Guid> _sourcedMeetings = [];

    public int Meetings { get; private set; }

    public int Participations { get; private set; }

    public int Resolutions { get; private set; }

    public int DocumentActions { get; private set; }

    public async Task WriteAsync(ReportExtraction extraction, CancellationToken ct)
    {
        foreach (var extracted in extraction.Meetings)
        {
            var organization = await OrganizationAsync(extracted, ct);
            var meeting = await MeetingAsync(organization, extracted, ct);
            AddSource(meeting, extracted);

            var attendees = new Dictionary<string, Person>();
            for (var i = 0; i < extracted.Participants.Count; i++)
            {
                var participant = extracted.Participants[i];
                var person = await PersonAsync(participant.Name, ct);
                attendees.TryAdd(TextKeys.Key(participant.Name), person);
                RecordTitle(person, participant.TitleAsWritten, meeting.Date);
                AddParticipation(meeting, person, participant, i);
            }

            for (var i = 0; i < extracted.Resolutions.Count; i++)
            {
                await AddResolutionAsync(meeting, extracted.Resolutions[i], i, attendees, ct);
            }

            for (var i = 0; i < extracted.Documents.Count; i++)
            {
                var document = await DocumentAsync(extracted.Documents[i], ct);
                AddDocumentAction(meeting, document, extracted.Documents[i], i);
            }
        }
    }

    private async Task<Organization> OrganizationAsync(ExtractedMeeting extracted, CancellationToken ct)
    {
        var name = TextKeys.Clean(extracted.Body ?? UnidentifiedBody);
        var names = extracted.BodyAliases.Select(TextKeys.Clean).Where(a => a.Length > 0).Prepend(name).ToList();
        var keys = names.Select(n => n.ToLowerInvariant()).Distinct().ToList();

        // The extractor's canonical name decides which body this is. Its other aliases may be generic
        // ("Cabinet" for the British and the German cabinets alike), so they never pick a body; the
        // canonical name may match an alias, but only one body's.
        var key = keys[0];
        var organization = _organizations.GetValueOrDefault(key)
            ?? await db.Organizations.Include(o => o.Aliases).FirstOrDefaultAsync(o => o.NameKey == key, ct);
        if (organization is null)
        {
            var byAlias = await db.Organizations.Include(o => o.Aliases)
                .Where(o => o.Aliases.Any(a => a.AliasKey == key))
                .OrderBy(o => o.Id)
                .Take(2)
                .ToListAsync(ct);
            organization = byAlias.Count == 1 ? byAlias[0] : null;
        }
        if (organization is null)
        {
            organization = new Organization { Name = name };
            db.Organizations.Add(organization);
        }

        var known = organization.Aliases.Select(a => TextKeys.Key(a.Alias)).Append(TextKeys.Key(organization.Name)).ToHashSet();
        foreach (var alias in names.Where(n => known.Add(n.ToLowerInvariant())))
        {
            organization.Aliases.Add(new OrganizationAlias { Alias = alias });
        }

        _organizations[key] = organization;

        return organization;
    }

    // The same body meeting on the same date is the same meeting, however many reports describe it.
    private async Task<Meeting> MeetingAsync(Organization organization, ExtractedMeeting extracted, CancellationToken ct)
    {
        Meeting? meeting = null;
        if (extracted.Date is { } date)
        {
            meeting = _meetings.GetValueOrDefault((organization.Id, date))
                ?? await db.Meetings.Where(m => m.OrganizationId == organization.Id && m.Date == date)
                    .OrderBy(m => m.Id)
                    .FirstOrDefaultAsync(ct);
        }

        if (meeting is null)
        {
            meeting = new Meeting { Organization = organization, Date = extracted.Date };
            db.Meetings.Add(meeting);
            Meetings++;
        }

        meeting.Session ??= Trim(extracted.Session, 500);
        meeting.Location ??= Trim(extracted.Location, 300);
        if (extracted.Date is { } key)
        {
            _meetings[(organization.Id, key)] = meeting;
        }

        return meeting;
    }

    private void AddSource(Meeting meeting, ExtractedMeeting extracted)
    {
        if (verified.MeetingSources.Contains(meeting.Id) || !_sourcedMeetings.Add(meeting.Id))
        {
            return;
        }

        db.MeetingSources.Add(Provenance(new MeetingSource { Meeting = meeting }, extracted.Span, extracted.Confidence));
    }

    private async Task<Person> PersonAsync(string rawName, CancellationToken ct)
    {
        var name = Trim(TextKeys.Clean(rawName), 300)!;
        var key = name.ToLowerInvariant();
        if (_people.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var person = await db.People.Include(p => p.Aliases).Include(p => p.Titles)
            .Where(p => p.NameKey == key)
            .OrderBy(p => p.Id)
            .FirstOrDefaultAsync(ct);
        if (person is null)
        {
            // An alias counts only when it names exactly one person: "Li" is a dozen people.
            var byAlias = await db.People.Include(p => p.Aliases).Include(p => p.Titles)
                .Where(p => p.Aliases.Any(a => a.AliasKey == key))
                .OrderBy(p => p.Id)
                .Take(2)
                .ToListAsync(ct);
            person = byAlias.Count == 1 ? byAlias[0] : null;
        }

        if (person is null)
        {
            person = new Person { Name = name };
            db.People.Add(person);
        }

        var known = person.Aliases.Select(a => TextKeys.Key(a.Alias)).ToHashSet();
        foreach (var alias in new[] { name, TextKeys.Surname(name) })
        {
            if (alias is not null && known.Add(alias.ToLowerInvariant()))
            {
                person.Aliases.Add(new PersonAlias { Alias = alias });
            }
        }

        _people[key] = person;
        return person;
    }

    private void RecordTitle(Person person, string? rawTitle, DateOnly? meetingDate)
    {
        var title = Trim(rawTitle is null ? null : TextKeys.Clean(rawTitle), 300);
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

    private void AddParticipation(Meeting meeting, Person person, ExtractedParticipant participant, int position)
    {
        var role = participant.Role switch
        {
            ParticipantRole.Chair => ParticipationRole.Chair,
            ParticipantRole.Speaker => ParticipationRole.Speaker,
            _ => ParticipationRole.Attendee,
        };
        if (verified.Participations.Contains((meeting.Id, person.Id, role)))
        {
            return;
        }

        db.Participations.Add(Provenance(
            new Participation
            {
                Meeting = meeting,
                Person = person,
                Role = role,
                TitleAsWritten = Trim(participant.TitleAsWritten, 300),
                Position = position,
            },
            participant.Span,
            participant.Confidence));
        Participations++;
    }

    private async Task AddResolutionAsync(
        Meeting meeting, ExtractedResolution extracted, int position, Dictionary<string, Person> attendees, CancellationToken ct)
    {
        var text = extracted.Text.Trim();
        if (text.Length == 0 || verified.Resolutions.Contains((meeting.Id, TextKeys.Key(text))))
        {
            return;
        }

        Person? issuer = null;
        var issuedBy = Trim(extracted.IssuedBy, 300);
        if (issuedBy is not null && !string.Equals(issuedBy, "meeting", StringComparison.OrdinalIgnoreCase))
        {
            issuer = attendees.GetValueOrDefault(TextKeys.Key(issuedBy)) ?? await PersonAsync(issuedBy, ct);
        }

        db.Resolutions.Add(Provenance(
            new Resolution
            {
                Meeting = meeting,
                Text = text,
                Verb = Trim(extracted.Verb, 100) ?? string.Empty,
                IssuedBy = issuedBy,
                IssuedByPerson = issuer,
                Position = position,
            },
            extracted.Span,
            extracted.Confidence));
        Resolutions++;
    }

    private async Task<Document> DocumentAsync(ExtractedDocument extracted, CancellationToken ct)
    {
        var title = Trim(TextKeys.Clean(extracted.Title), 1000)!;
        var key = TextKeys.DocumentKey(title);
        var document = _documents.GetValueOrDefault(key)
            ?? await db.Documents.FirstOrDefaultAsync(d => d.NormalizedTitle == key, ct);
        if (document is null)
        {
            document = new Document { Title = title, NormalizedTitle = key, Kind = Trim(extracted.Kind, 50) };
            db.Documents.Add(document);
        }

        document.Kind ??= Trim(extracted.Kind, 50);
        _documents[key] = document;
        return document;
    }

    private void AddDocumentAction(Meeting meeting, Document document, ExtractedDocument extracted, int position)
    {
        var action = Enum.Parse<DocumentActionKind>(extracted.Action.ToString());
        if (verified.DocumentActions.Contains((document.Id, meeting.Id, action)))
        {
            return;
        }

        db.DocumentActions.Add(Provenance(
            new DocumentAction { Document = document, Meeting = meeting, Action = action, Position = position },
            extracted.Span,
            extracted.Confidence));
        DocumentActions++;
    }

    private T Provenance<T>(T record, TextSpan span, double confidence)
        where T : ExtractedRecord
    {
        record.SourceReport = report;
        record.SpanStart = Math.Max(0, span.Start);
        record.SpanLength = Math.Max(0, span.Length);
        record.Confidence = double.IsFinite(confidence) ? Math.Clamp(confidence, 0, 1) : 0;
        return record;
    }

    private static string? Trim(string? value, int maxLength)
    {
        value = value?.Trim();
        return string.IsNullOrEmpty(value) ? null : value.Length <= maxLength ? value : value[..maxLength];
    }
}

// What an editor has already confirmed for a report: re-extraction must not add a second copy.
internal sealed record VerifiedRecords(
    HashSet<Guid> MeetingSources,
    HashSet<(Guid MeetingId, Guid PersonId, ParticipationRole Role)> Participations,
    HashSet<(Guid MeetingId, string TextKey)> Resolutions,
    HashSet<(Guid DocumentId, Guid MeetingId, DocumentActionKind Action)> DocumentActions)
{
    public static VerifiedRecords None { get; } = new([], [], [], []);
}

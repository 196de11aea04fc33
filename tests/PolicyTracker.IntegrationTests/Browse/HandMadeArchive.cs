using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;

namespace PolicyTracker.IntegrationTests.Browse;

/// <summary>Bodies, people and meetings written straight into the tables, flags set by hand, so a query test
/// knows every row it counts.</summary>
public sealed class HandMadeArchive(PolicyTrackerDbContext db)
{
    public Organization Body(string name, Organization? parent = null)
    {
        var body = new Organization { Id = Guid.CreateVersion7(), Name = name, Parent = parent };
        db.Organizations.Add(body);
        return body;
    }

    public Person Person(string name)
    {
        var person = new Person { Id = Guid.CreateVersion7(), Name = name };
        db.People.Add(person);
        return person;
    }

    public Document Document(string title, string? kind = null)
    {
        var document = new Document { Id = Guid.CreateVersion7(), Title = title, NormalizedTitle = PolicyTracker.Data.Import.TextKeys.DocumentKey(title), Kind = kind };
        db.Documents.Add(document);
        return document;
    }

    /// <summary>A meeting with its participants in order; <paramref name="published"/> false is a meeting only a draft describes.</summary>
    public Meeting Meeting(Organization body, DateOnly? date, params (Person Person, ParticipationRole Role)[] people) =>
        Meeting(body, date, true, people);

    public Meeting Meeting(Organization body, DateOnly? date, bool published, params (Person Person, ParticipationRole Role)[] people)
    {
        var meeting = new Meeting { Id = Guid.CreateVersion7(), Organization = body, Date = date, Published = published };
        foreach (var (p, i) in people.Select((p, i) => (p, i)))
        {
            meeting.Participations.Add(new Participation { Id = Guid.CreateVersion7(), Person = p.Person, Role = p.Role, Position = i, Published = published, MeetingDate = date });
        }
        db.Meetings.Add(meeting);
        return meeting;
    }

    public DocumentAction Action(Meeting meeting, Document document, DocumentActionKind action)
    {
        var fact = new DocumentAction { Id = Guid.CreateVersion7(), Meeting = meeting, Document = document, Action = action, Published = meeting.Published, Position = meeting.DocumentActions.Count };
        meeting.DocumentActions.Add(fact);
        return fact;
    }

    public Report Report(string headline, ReportStatus status = ReportStatus.Published)
    {
        var text = $"{headline}\n{Guid.NewGuid():N}";
        var report = new Report
        {
            Id = Guid.CreateVersion7(),
            Headline = headline,
            Text = text,
            ContentHash = PolicyTracker.Data.Import.TextKeys.Sha256Hex(text),
            Status = status,
            EnteredBy = "test",
            EnteredAt = DateTimeOffset.UnixEpoch,
        };
        db.Reports.Add(report);
        return report;
    }

    /// <summary>The report as a source of the meeting and of every participation and document action it holds so far,
    /// so PublishedFlags (which reads sources) agrees with the flags set by hand.</summary>
    public void Source(Meeting meeting, Report report)
    {
        db.MeetingSources.Add(new MeetingSource { Id = Guid.CreateVersion7(), Meeting = meeting, SourceReport = report, Verdict = Verdict.Accepted });
        foreach (var p in meeting.Participations)
        {
            p.Sources.Add(new ParticipationSource { Id = Guid.CreateVersion7(), SourceReport = report, Verdict = Verdict.Accepted });
        }
        foreach (var a in meeting.DocumentActions)
        {
            a.Sources.Add(new DocumentActionSource { Id = Guid.CreateVersion7(), SourceReport = report, Verdict = Verdict.Accepted });
        }
    }

    /// <summary>Saves and fills the stored counts the list pages read.</summary>
    public async Task SaveAsync()
    {
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync(RecordCounts.RefreshAllSql);
    }
}

using System.Security.Cryptography;
using System.Text;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;

namespace PolicyTracker.IntegrationTests.Summary;

/// <summary>A small archive whose summary figures are counted by hand in the tests:
/// <list type="bullet">
/// <item>Q4 2023: M1 (body A, 2023-11-10): P1 chair, P2; reviewed D1. Report R1.</item>
/// <item>Q1 2024: M2 (A, 2024-01-15) told by two published reports R2 and R3: P1, P3; adopted D1.</item>
/// <item>M3 (B, 2024-02-20): P3, P4; adopted D2, reviewed D3. Report R4.</item>
/// <item>M4 (B, 2024-03-05): P4; issued D2. Report R5.</item>
/// <item>M5 (C, 2024-03-30) only in the draft R6: P5, adopted D3; nothing of it is published.</item>
/// </list>
/// Each report is entered the day after its meeting.</summary>
public sealed record SummaryArchive(
    Guid BodyA, Guid BodyB, Guid BodyC,
    Guid P1, Guid P2, Guid P3, Guid P4, Guid P5,
    Guid D1, Guid D2, Guid D3,
    Guid M1, Guid M2, Guid M3, Guid M4, Guid M5)
{
    public static async Task<SummaryArchive> SeedAsync(PolicyTrackerDbContext db)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        Organization Body(string name) => new() { Id = Guid.CreateVersion7(), Name = $"{name} {tag}" };
        Person Person(string name) => new() { Id = Guid.CreateVersion7(), Name = $"{name} {tag}" };
        Document Doc(string title) => new() { Id = Guid.CreateVersion7(), Title = $"{title} {tag}", NormalizedTitle = $"{title} {tag}".ToLowerInvariant(), Kind = "plan" };

        var (a, b, c) = (Body("Alpha Council"), Body("Beta Commission"), Body("Gamma Board"));
        var (p1, p2, p3, p4, p5) = (Person("Ann One"), Person("Ben Two"), Person("Cai Three"), Person("Dee Four"), Person("Eve Five"));
        var (d1, d2, d3) = (Doc("Plan on Rivers"), Doc("Plan on Roads"), Doc("Plan on Rails"));
        db.AddRange(a, b, c, p1, p2, p3, p4, p5, d1, d2, d3);

        var m1 = Meeting(db, a, new DateOnly(2023, 11, 10));
        var m2 = Meeting(db, a, new DateOnly(2024, 1, 15));
        var m3 = Meeting(db, b, new DateOnly(2024, 2, 20));
        var m4 = Meeting(db, b, new DateOnly(2024, 3, 5));
        var m5 = Meeting(db, c, new DateOnly(2024, 3, 30));

        var r1 = Report(db, "R1", m1, ReportStatus.Published);
        var r2 = Report(db, "R2", m2, ReportStatus.Published);
        var r3 = Report(db, "R3", m2, ReportStatus.Published, dayAfter: 2);
        var r4 = Report(db, "R4", m3, ReportStatus.Published);
        var r5 = Report(db, "R5", m4, ReportStatus.Published);
        var r6 = Report(db, "R6", m5, ReportStatus.Draft);

        foreach (var r in new[] { r2, r3 })
        {
            Attend(db, m2, p1, r, ParticipationRole.Chair);
            Attend(db, m2, p3, r);
            Act(db, m2, d1, DocumentActionKind.Adopted, r);
        }
        Attend(db, m1, p1, r1, ParticipationRole.Chair);
        Attend(db, m1, p2, r1);
        Act(db, m1, d1, DocumentActionKind.Reviewed, r1);
        Attend(db, m3, p3, r4, ParticipationRole.Chair);
        Attend(db, m3, p4, r4);
        Act(db, m3, d2, DocumentActionKind.Adopted, r4);
        Act(db, m3, d3, DocumentActionKind.Reviewed, r4);
        Attend(db, m4, p4, r5, ParticipationRole.Chair);
        Act(db, m4, d2, DocumentActionKind.Issued, r5);
        Attend(db, m5, p5, r6, ParticipationRole.Chair);
        Act(db, m5, d3, DocumentActionKind.Adopted, r6);

        await db.SaveChangesAsync();
        await PublishedFlags.RefreshAllAsync(db, default);
        return new SummaryArchive(a.Id, b.Id, c.Id, p1.Id, p2.Id, p3.Id, p4.Id, p5.Id, d1.Id, d2.Id, d3.Id,
            m1.Id, m2.Id, m3.Id, m4.Id, m5.Id);
    }

    private static Meeting Meeting(PolicyTrackerDbContext db, Organization body, DateOnly date)
    {
        var meeting = new Meeting { Id = Guid.CreateVersion7(), Organization = body, Date = date, Session = $"meeting of {date:yyyy-MM-dd}" };
        db.Add(meeting);
        return meeting;
    }

    private static Report Report(PolicyTrackerDbContext db, string name, Meeting meeting, ReportStatus status, int dayAfter = 1)
    {
        var text = $"{name}: the {meeting.Organization.Name} met on {meeting.Date:yyyy-MM-dd}. {Guid.NewGuid():N}";
        var report = new Report
        {
            Id = Guid.CreateVersion7(),
            Headline = $"{name} {meeting.Organization.Name}",
            Outlet = "Test Wire",
            Published = meeting.Date!.Value.AddDays(dayAfter),
            Text = text,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            Status = status,
            EnteredBy = "editor@example.org",
            EnteredAt = new DateTimeOffset(meeting.Date.Value.AddDays(dayAfter).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
            ExtractorVersion = "1.0.0",
        };
        db.Add(report);
        db.Add(new MeetingSource { Id = Guid.CreateVersion7(), Meeting = meeting, SourceReport = report, SpanStart = 0, SpanLength = 4, Confidence = 0.9, ExtractorVersion = "1.0.0" });
        return report;
    }

    private static void Attend(PolicyTrackerDbContext db, Meeting meeting, Person person, Report report, ParticipationRole role = ParticipationRole.Attendee)
    {
        var fact = db.ChangeTracker.Entries<Participation>().Select(e => e.Entity).FirstOrDefault(p => p.Meeting == meeting && p.Person == person);
        if (fact is null)
        {
            // Reported order: the order the fixture names them in, as a report would.
            var position = db.ChangeTracker.Entries<Participation>().Count(e => e.Entity.Meeting == meeting);
            fact = new Participation { Id = Guid.CreateVersion7(), Meeting = meeting, Person = person, Role = role, Position = position };
            db.Add(fact);
        }
        fact.Sources.Add(Source(new ParticipationSource(), report));
    }

    private static void Act(PolicyTrackerDbContext db, Meeting meeting, Document document, DocumentActionKind action, Report report)
    {
        var fact = db.ChangeTracker.Entries<DocumentAction>().Select(e => e.Entity).FirstOrDefault(a => a.Meeting == meeting && a.Document == document && a.Action == action);
        if (fact is null)
        {
            var position = db.ChangeTracker.Entries<DocumentAction>().Count(e => e.Entity.Meeting == meeting);
            fact = new DocumentAction { Id = Guid.CreateVersion7(), Meeting = meeting, Document = document, Action = action, Position = position };
            db.Add(fact);
        }
        fact.Sources.Add(Source(new DocumentActionSource(), report));
    }

    private static T Source<T>(T source, Report report)
        where T : FactSource
    {
        source.Id = Guid.CreateVersion7();
        source.SourceReport = report;
        source.SpanStart = 0;
        source.SpanLength = 4;
        source.Confidence = 0.9;
        source.ExtractorVersion = "1.0.0";
        return source;
    }
}

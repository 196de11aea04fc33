using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;

namespace PolicyTracker.BrowserTests.Summary;

public sealed record SummaryScenario(int Year, string Tag, IReadOnlyList<(Guid Id, string Name, int Meetings)> Bodies);

/// <summary>A year of published meetings of eight tagged bodies (body i holds 12 − i meetings, so the chart
/// stacks five and gathers three as "other"), each with two people, a decision with a topic and a document action, in a year no other
/// test uses.</summary>
public static class SummaryBrowseData
{
    /// <summary>Meeting n calls for TopicTexts[n % 3]: national security, economy and finance, environment.</summary>
    public static readonly string[] TopicTexts = ["strengthen national security", "deepen fiscal reform", "protect the environment"];

    private static readonly DocumentActionKind[] Actions = [DocumentActionKind.Adopted, DocumentActionKind.Reviewed, DocumentActionKind.Discussed, DocumentActionKind.Issued];

    public static async Task<SummaryScenario> SeedAsync(string connectionString, int year)
    {
        var tag = "zs" + Guid.NewGuid().ToString("N")[..6];
        var options = new DbContextOptionsBuilder<PolicyTrackerDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options;
        await using var db = new PolicyTrackerDbContext(options);
        string[] names = ["State Council", "Finance Commission", "Science Committee", "Harbour Board", "Energy Council", "Water Authority", "Rail Office", "Arts Panel"];
        var people = Enumerable.Range(0, 12).Select(i => new Person { Id = Guid.CreateVersion7(), Name = $"Person {i} {tag}" }).ToList();
        var documents = Enumerable.Range(0, 6).Select(i => new Document
        {
            Id = Guid.CreateVersion7(),
            Title = $"Plan {i} {tag}",
            NormalizedTitle = $"plan {i} {tag}",
            Kind = "plan",
        }).ToList();
        db.AddRange(people);
        db.AddRange(documents);
        var bodies = new List<(Guid, string, int)>();
        var n = 0;
        for (var b = 0; b < names.Length; b++)
        {
            var body = new Organization { Id = Guid.CreateVersion7(), Name = $"{names[b]} {tag}" };
            db.Add(body);
            var count = 12 - b;
            bodies.Add((body.Id, body.Name, count));
            for (var k = 0; k < count; k++, n++)
            {
                var date = new DateOnly(year, 1 + ((k * 5 + b) % 12), 1 + ((k * 7 + b * 3) % 27));
                var text = $"The {body.Name} met on {date:yyyy-MM-dd}. {Guid.NewGuid():N}";
                var report = new Report
                {
                    Id = Guid.CreateVersion7(),
                    Headline = $"{body.Name} meets",
                    Outlet = "Test Wire",
                    Published = date,
                    Text = text,
                    ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
                    Status = ReportStatus.Published,
                    EnteredBy = "tester",
                    EnteredAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
                };
                var meeting = new Meeting { Id = Guid.CreateVersion7(), Organization = body, Date = date };
                db.AddRange(report, meeting);
                db.Add(new MeetingSource { Id = Guid.CreateVersion7(), Meeting = meeting, SourceReport = report, SpanStart = 0, SpanLength = 3, Confidence = 1 });
                foreach (var p in new[] { people[n % people.Count], people[(n + 5) % people.Count] }.Distinct())
                {
                    var participation = new Participation { Id = Guid.CreateVersion7(), Meeting = meeting, Person = p, Role = ParticipationRole.Attendee };
                    participation.Sources.Add(Source(new ParticipationSource(), report));
                    db.Add(participation);
                }
                // A decision per meeting whose topic the taxonomy knows, so the topic trend has lines.
                var resolution = new Resolution { Id = Guid.CreateVersion7(), Meeting = meeting, Verb = "called for", Text = TopicTexts[n % TopicTexts.Length], TextKey = TopicTexts[n % TopicTexts.Length] };
                resolution.Sources.Add(Source(new ResolutionSource(), report));
                db.Add(resolution);
                var action = new DocumentAction { Id = Guid.CreateVersion7(), Meeting = meeting, Document = documents[n % documents.Count], Action = Actions[n % Actions.Length] };
                action.Sources.Add(Source(new DocumentActionSource(), report));
                db.Add(action);
            }
        }
        await db.SaveChangesAsync();
        await PublishedFlags.RefreshAllAsync(db, default);
        return new SummaryScenario(year, tag, bodies);
    }

    private static T Source<T>(T source, Report report)
        where T : FactSource
    {
        source.Id = Guid.CreateVersion7();
        source.SourceReport = report;
        source.SpanStart = 0;
        source.SpanLength = 3;
        source.Confidence = 1;
        return source;
    }
}

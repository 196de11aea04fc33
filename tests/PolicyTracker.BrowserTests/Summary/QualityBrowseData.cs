using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.BrowserTests.Summary;

public sealed record QualityScenario(int Year, string Ann, string Ben);

/// <summary>Five published reports entered in a year no other browser test enters reports in, each with one meeting
/// and two participants, judged by hand:
///   January, ann, extractor 1.0.0, three reports: body, date and chair accepted; one participant accepted, one removed.
///   June, ben, extractor 1.1.0, two reports (published by ann): body accepted, date edited, chair accepted; both
///   participants accepted, and a third added by ben.
/// So the year's participants are 7 accepted of 10 judged (70%), version 1.0.0's 3 of 6 (50%, marked as drift), and the
/// first quarter holds ann's three reports only.</summary>
public static class QualityBrowseData
{
    /// <param name="domain">The editors' e-mail domain: a long one checks that the page still fits a phone.</param>
    public static async Task<QualityScenario> SeedAsync(string connectionString, int year, string domain = "example.org")
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (ann, ben) = ($"ann.{tag}@{domain}", $"ben.{tag}@{domain}");
        var options = new DbContextOptionsBuilder<PolicyTrackerDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options;
        await using var db = new PolicyTrackerDbContext(options);
        var body = new Organization { Id = Guid.CreateVersion7(), Name = $"Quality Board {tag}" };
        db.Add(body);
        for (var i = 0; i < 5; i++)
        {
            var january = i < 3;
            var (by, version, entered) = january
                ? (ann, "1.0.0", new DateTimeOffset(year, 1, 10 + i, 9, 0, 0, TimeSpan.Zero))
                : (ben, "1.1.0", new DateTimeOffset(year, 6, 10 + i, 9, 0, 0, TimeSpan.Zero));
            var judged = (By: by, At: entered.AddHours(2));
            var text = $"The {body.Name} met. {Guid.NewGuid():N}";
            var report = new Report
            {
                Id = Guid.CreateVersion7(),
                Headline = $"{body.Name} meets ({i})",
                Outlet = "Test Wire",
                Published = DateOnly.FromDateTime(entered.UtcDateTime),
                Text = text,
                ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
                Status = ReportStatus.Published,
                EnteredBy = by,
                EnteredAt = entered,
                ExtractorVersion = version,
                PublishedBy = ann,
                PublishedAt = entered.AddHours(3),
            };
            var meeting = new Meeting { Id = Guid.CreateVersion7(), Organization = body, Date = DateOnly.FromDateTime(entered.UtcDateTime).AddDays(-1) };
            db.AddRange(report, meeting);
            var source = Source(new MeetingSource(), report, Verdict.Accepted, judged);
            (source.Meeting, source.BodyVerdict, source.DateVerdict, source.ChairVerdict) =
                (meeting, Verdict.Accepted, january ? Verdict.Accepted : Verdict.Edited, Verdict.Accepted);
            db.Add(source);

            var people = Enumerable.Range(0, january ? 2 : 3)
                .Select(k => new Person { Id = Guid.CreateVersion7(), Name = $"Member {i}-{k} {tag}" }).ToList();
            db.AddRange(people);
            for (var k = 0; k < people.Count; k++)
            {
                var participation = new Participation
                {
                    Id = Guid.CreateVersion7(),
                    Meeting = meeting,
                    Person = people[k],
                    Role = k == 0 ? ParticipationRole.Chair : ParticipationRole.Attendee,
                    Position = k,
                };
                var verdict = (january, k) switch { (true, 1) => Verdict.Removed, (false, 2) => Verdict.Added, _ => Verdict.Accepted };
                participation.Sources.Add(Source(new ParticipationSource(), report, verdict, judged, extracted: verdict != Verdict.Added));
                db.Add(participation);
            }
        }
        await db.SaveChangesAsync();
        return new QualityScenario(year, ann, ben);
    }

    private static T Source<T>(T source, Report report, Verdict verdict, (string By, DateTimeOffset At) judged, bool extracted = true)
        where T : FactSource
    {
        source.Id = Guid.CreateVersion7();
        source.SourceReport = report;
        source.SpanStart = 0;
        source.SpanLength = 3;
        source.Confidence = 0.9;
        source.ExtractorVersion = extracted ? report.ExtractorVersion : null;
        source.Verdict = verdict;
        (source.VerdictBy, source.VerdictAt) = (judged.By, judged.At);
        return source;
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;

namespace PolicyTracker.BrowserTests.Browse;

/// <summary>What one test inserted: names carry a unique tag, so a filter or search for the tag
/// finds exactly these rows whatever else (demo data, other tests) is in the database.</summary>
public sealed record BrowseScenario(
    string Tag,
    Guid PersonId, string PersonName, string PersonAlias,
    Guid BodyId, string BodyName, Guid ParentBodyId,
    Guid DocumentId, string DocumentTitle,
    Guid FirstMeetingId, Guid SecondMeetingId,
    Guid ReportId, string ReportHeadline, Guid DraftReportId,
    int FarSpanStart, int FarSpanLength);

public static class BrowseData
{
    /// <summary>Two meetings of a new body a month apart, chaired by a new person, the first reviewing a
    /// new document and the second adopting it, each from its own published report. The first report is long,
    /// holds markup, and has overlapping and out-of-range spans. A third report, still a draft, describes a
    /// third meeting issuing the document: browse pages must not show it.</summary>
    public static async Task<BrowseScenario> SeedAsync(string connectionString, int year = 2024)
    {
        var tag = "zq" + Guid.NewGuid().ToString("N")[..8];
        var options = new DbContextOptionsBuilder<PolicyTrackerDbContext>()
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .Options;
        await using var db = new PolicyTrackerDbContext(options);

        var parent = new Organization { Id = Guid.CreateVersion7(), Name = $"Parent Council {tag}" };
        var body = new Organization { Id = Guid.CreateVersion7(), Name = $"Harbour Commission {tag}", Parent = parent };
        body.Aliases.Add(new OrganizationAlias { Id = Guid.CreateVersion7(), Alias = $"HC-{tag}" });
        var person = new Person { Id = Guid.CreateVersion7(), Name = $"Elena Marsh {tag}" };
        person.Aliases.Add(new PersonAlias { Id = Guid.CreateVersion7(), Alias = $"Chair Marsh {tag}" });
        person.Titles.Add(new PersonTitle
        {
            Id = Guid.CreateVersion7(),
            Title = "Chair of the Harbour Commission",
            FirstSeen = new DateOnly(year, 3, 4),
            LastSeen = new DateOnly(year, 4, 8),
        });
        var document = new Document
        {
            Id = Guid.CreateVersion7(),
            Title = $"Guideline on Harbour Safety {tag}",
            NormalizedTitle = $"guideline on harbour safety {tag}",
            Kind = "guideline",
        };
        db.AddRange(parent, body, person, document);

        var resolution = $"strengthen inspections of harbour cranes {tag}";
        var farResolution = $"publish the inspection results every quarter {tag}";
        var intro = $"PORT CITY, March 4 -- The {body.Name} held a meeting on March 4, {year}, chaired by {person.Name}.\n\n"
                    + $"The meeting reviewed the {document.Title} and called for efforts to {resolution}.\n\n";
        var filler = string.Concat(Enumerable.Range(1, 40).Select(i =>
            $"Paragraph {i}: officials described routine matters of port administration, staffing and budgets at some length.\n\n"));
        var ending = $"Finally, the meeting decided to {farResolution}. A reader's note <script>alert('x')</script> stays text.";
        var text = intro + filler + ending;

        var report = NewReport($"Harbour Commission reviews safety guideline {tag}", text, new DateOnly(year, 3, 5), ReportStatus.Published);
        var adoption = NewReport($"Harbour Commission adopts safety guideline {tag}",
            $"The {body.Name} adopted the {document.Title} on April 8. {person.Name} presided.", new DateOnly(year, 4, 9), ReportStatus.Published);
        var draft = NewReport($"Harbour Commission issues safety guideline {tag}",
            $"The {body.Name} issued the {document.Title} on May 20. {person.Name} presided.", new DateOnly(year, 5, 21), ReportStatus.Draft);
        db.AddRange(report, adoption, draft);

        var first = new Meeting { Id = Guid.CreateVersion7(), Organization = body, Date = new DateOnly(year, 3, 4), Session = "spring session", Location = "Port City" };
        var second = new Meeting { Id = Guid.CreateVersion7(), Organization = body, Date = new DateOnly(year, 4, 8) };
        var third = new Meeting { Id = Guid.CreateVersion7(), Organization = body, Date = new DateOnly(year, 5, 20) };
        db.AddRange(first, second, third);

        AddSource(db, new MeetingSource { Meeting = first }, report, text, "The " + body.Name, intro.IndexOf("\n\n", StringComparison.Ordinal) - intro.IndexOf("The ", StringComparison.Ordinal));
        Add(db, new Participation { Meeting = first, Person = person, Role = ParticipationRole.Chair, TitleAsWritten = "chair" }, new ParticipationSource(), report, text, person.Name);
        Add(db, new Resolution { Meeting = first, Text = resolution, Verb = "called for" }, new ResolutionSource(), report, text, resolution);
        // Overlaps the resolution above and must not break the page.
        Add(db, new Resolution { Meeting = first, Text = "harbour cranes " + tag, Verb = "noted", Position = 2 }, new ResolutionSource(), report, text, "harbour cranes " + tag);
        Add(db, new Resolution { Meeting = first, Text = farResolution, Verb = "decided to", Position = 1 }, new ResolutionSource(), report, text, farResolution);
        Add(db, new DocumentAction { Meeting = first, Document = document, Action = DocumentActionKind.Reviewed }, new DocumentActionSource(), report, text, document.Title);

        var adoptionText = adoption.Text;
        AddSource(db, new MeetingSource { Meeting = second }, adoption, adoptionText, "The " + body.Name, adoptionText.Length);
        Add(db, new Participation { Meeting = second, Person = person, Role = ParticipationRole.Chair }, new ParticipationSource(), adoption, adoptionText, person.Name);
        Add(db, new DocumentAction { Meeting = second, Document = document, Action = DocumentActionKind.Adopted }, new DocumentActionSource(), adoption, adoptionText, document.Title);

        var draftText = draft.Text;
        AddSource(db, new MeetingSource { Meeting = third }, draft, draftText, "The " + body.Name, draftText.Length);
        Add(db, new Participation { Meeting = third, Person = person, Role = ParticipationRole.Chair }, new ParticipationSource(), draft, draftText, person.Name);
        Add(db, new DocumentAction { Meeting = third, Document = document, Action = DocumentActionKind.Issued }, new DocumentActionSource(), draft, draftText, document.Title);
        // A span past the end of the text (a stale record): clipped, never thrown on.
        Add(db, new Resolution { Meeting = third, Text = "stale", Verb = "noted" }, new ResolutionSource { SpanStart = draftText.Length + 50, SpanLength = 10 }, draft, null, null);

        await db.SaveChangesAsync();
        await PublishedFlags.RefreshAllAsync(db, default);
        return new BrowseScenario(tag, person.Id, person.Name, person.Aliases.First().Alias, body.Id, body.Name, parent.Id,
            document.Id, document.Title, first.Id, second.Id, report.Id, report.Headline, draft.Id,
            text.IndexOf(farResolution, StringComparison.Ordinal), farResolution.Length);
    }

    private static Report NewReport(string headline, string text, DateOnly published, ReportStatus status) => new()
    {
        Id = Guid.CreateVersion7(),
        Headline = headline,
        Outlet = "Harbour Gazette",
        Published = published,
        Text = text,
        ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
        Status = status,
        EnteredBy = "tester",
        EnteredAt = new DateTimeOffset(published.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
    };

    private static void Add<TSource>(PolicyTrackerDbContext db, Fact<TSource> fact, TSource source, Report report, string? text, string? quote, int? length = null)
        where TSource : FactSource
    {
        fact.Id = Guid.CreateVersion7();
        Span(source, report, text, quote, length);
        fact.Sources.Add(source);
        db.Add(fact);
    }

    private static void AddSource(PolicyTrackerDbContext db, MeetingSource source, Report report, string? text, string? quote, int? length = null)
    {
        Span(source, report, text, quote, length);
        db.Add(source);
    }

    private static void Span(FactSource source, Report report, string? text, string? quote, int? length)
    {
        source.Id = Guid.CreateVersion7();
        source.SourceReport = report;
        source.Confidence = 0.9;
        if (text is not null && quote is not null)
        {
            source.SpanStart = text.IndexOf(quote, StringComparison.Ordinal);
            source.SpanLength = length ?? quote.Length;
        }
    }
}

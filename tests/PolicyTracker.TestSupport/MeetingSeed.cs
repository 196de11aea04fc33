using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;

namespace PolicyTracker.TestSupport;

/// <summary>Hand-made published meetings for query and API tests: each meeting gets a report whose text names every
/// fact, so every source's span points at its name, resolution or title; names carry <see cref="Tag"/> where the caller adds it.</summary>
public sealed class MeetingSeed(string connectionString)
{
    public string Tag { get; } = "t" + Guid.NewGuid().ToString("N")[..8];

    private readonly Dictionary<Guid, string> _names = [];

    public sealed record Attendee(Guid PersonId, ParticipationRole Role, string? Title = null);

    public Task<Guid> BodyAsync(string name, Guid? parentId = null) =>
        AddAsync(new Organization { Id = Guid.CreateVersion7(), Name = name, ParentId = parentId }, name);

    public async Task<Guid> PersonAsync(string name, params string[] aliases)
    {
        var person = new Person { Id = Guid.CreateVersion7(), Name = name };
        foreach (var alias in aliases)
        {
            person.Aliases.Add(new PersonAlias { Id = Guid.CreateVersion7(), Alias = alias });
        }
        return await AddAsync(person, name);
    }

    public Task<Guid> DocumentAsync(string title, string? kind = "plan") =>
        AddAsync(new Document { Id = Guid.CreateVersion7(), Title = title, NormalizedTitle = title.ToLowerInvariant(), Kind = kind }, title);

    /// <summary>A meeting of <paramref name="bodyId"/>, people in the given (reported) order, then the resolutions and documents.</summary>
    public async Task<Guid> MeetingAsync(Guid bodyId, DateOnly? date, IReadOnlyList<Attendee> people, IReadOnlyList<string>? resolutions = null,
        IReadOnlyList<(Guid DocumentId, DocumentActionKind Action)>? documents = null, bool published = true, string? session = null)
    {
        await using var db = Open();
        var text = new StringBuilder($"The {_names[bodyId]} met. ");
        foreach (var p in people)
        {
            text.Append(_names[p.PersonId]).Append(p.Title is null ? "" : ", " + p.Title).Append(p.Role == ParticipationRole.Chair ? " chaired. " : " attended. ");
        }
        foreach (var r in resolutions ?? [])
        {
            text.Append("It called for ").Append(r).Append(". ");
        }
        foreach (var d in documents ?? [])
        {
            text.Append("It ").Append(d.Action.ToString().ToLowerInvariant()).Append(' ').Append(_names[d.DocumentId]).Append(". ");
        }
        var body = text.ToString();
        var report = new Report
        {
            Id = Guid.CreateVersion7(),
            Headline = $"{_names[bodyId]} meets {date:yyyy-MM-dd}",
            Text = body,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body + Guid.NewGuid()))),
            Status = published ? ReportStatus.Published : ReportStatus.Draft,
            Published = date,
            EnteredBy = "tester",
            EnteredAt = DateTimeOffset.UnixEpoch,
        };
        var meeting = new Meeting { Id = Guid.CreateVersion7(), OrganizationId = bodyId, Date = date, Session = session };
        db.AddRange(report, meeting);
        db.Add(new MeetingSource { Id = Guid.CreateVersion7(), Meeting = meeting, SourceReport = report, SpanStart = 0, SpanLength = 10 });
        var position = 0;
        foreach (var p in people)
        {
            Fact(db, new Participation { Meeting = meeting, PersonId = p.PersonId, Role = p.Role, TitleAsWritten = p.Title, Position = position++ },
                new ParticipationSource(), report, body, _names[p.PersonId]);
        }
        position = 0;
        foreach (var r in resolutions ?? [])
        {
            Fact(db, new Resolution { Meeting = meeting, Verb = "called for", Text = r, Position = position++ }, new ResolutionSource(), report, body, r);
        }
        position = 0;
        foreach (var d in documents ?? [])
        {
            Fact(db, new DocumentAction { Meeting = meeting, DocumentId = d.DocumentId, Action = d.Action, Position = position++ },
                new DocumentActionSource(), report, body, _names[d.DocumentId]);
        }
        await db.SaveChangesAsync();
        await PublishedFlags.RefreshAsync(db, [meeting.Id], default);
        return meeting.Id;
    }

    private async Task<Guid> AddAsync<T>(T entity, string name)
        where T : Entity
    {
        await using var db = Open();
        db.Add(entity);
        await db.SaveChangesAsync();
        _names[entity.Id] = name;
        return entity.Id;
    }

    private PolicyTrackerDbContext Open() =>
        new(new DbContextOptionsBuilder<PolicyTrackerDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);

    private static void Fact<TSource>(PolicyTrackerDbContext db, Fact<TSource> fact, TSource source, Report report, string text, string quote)
        where TSource : FactSource
    {
        fact.Id = Guid.CreateVersion7();
        source.Id = Guid.CreateVersion7();
        source.SourceReport = report;
        source.Confidence = 0.9;
        source.SpanStart = text.IndexOf(quote, StringComparison.Ordinal);
        source.SpanLength = quote.Length;
        fact.Sources.Add(source);
        db.Add(fact);
    }
}

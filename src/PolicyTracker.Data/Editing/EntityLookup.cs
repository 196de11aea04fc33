using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;

namespace PolicyTracker.Data.Editing;

// Finds the person, body or document an editor means by a name, through names and aliases.
// "Xi", "Xi Jinping" and "President Xi Jinping" all find Xi Jinping: a name is also tried without
// its leading words (titles), and a bare alias counts only when exactly one person has it.
public sealed class EntityLookup(IDbContextFactory<PolicyTrackerDbContext> factory)
{
    private const int Limit = 10;

    public async Task<IReadOnlyList<LookupOption>> SearchPeopleAsync(string? text, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var keys = CandidateKeys(text);
        if (keys.Count == 0)
        {
            return [];
        }

        var pattern = "%" + EscapeLike(keys[0]) + "%";
        var rows = await db.People.AsNoTracking()
            .Where(p => keys.Contains(p.NameKey) || p.Aliases.Any(a => keys.Contains(a.AliasKey))
                || EF.Functions.ILike(p.Name, pattern) || p.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern)))
            .OrderBy(p => p.NameKey == keys[0] ? 0 : keys.Contains(p.NameKey) ? 1 : 2)
            .ThenByDescending(p => p.Participations.Count)
            .ThenBy(p => p.Name)
            .Take(Limit)
            .Select(p => new
            {
                p.Id,
                p.Name,
                Aliases = p.Aliases.Select(a => a.Alias).ToList(),
                Title = p.Titles.OrderByDescending(t => t.LastSeen).Select(t => t.Title).FirstOrDefault(),
                Meetings = p.Participations.Count,
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new LookupOption(r.Id, r.Name, Detail(r.Title, r.Aliases.Where(a => a != r.Name), r.Meetings)))];
    }

    public async Task<LookupOption?> ResolvePersonAsync(string? name, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await ResolvePersonAsync(db, name, ct) is { } person ? new LookupOption(person.Id, person.Name, null) : null;
    }

    public async Task<IReadOnlyList<LookupOption>> SearchBodiesAsync(string? text, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var key = string.IsNullOrWhiteSpace(text) ? string.Empty : TextKeys.Key(text);
        var pattern = "%" + EscapeLike(key) + "%";
        return await db.Organizations.AsNoTracking()
            .Where(o => key.Length == 0 || EF.Functions.ILike(o.Name, pattern) || o.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern)))
            .OrderBy(o => o.NameKey == key ? 0 : 1)
            .ThenByDescending(o => o.Meetings.Count)
            .ThenBy(o => o.Name)
            .Take(Limit)
            .Select(o => new LookupOption(o.Id, o.Name, o.Meetings.Count + " meeting(s)"))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<LookupOption>> SearchDocumentsAsync(string? text, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var key = TextKeys.DocumentKey(text);
        var pattern = "%" + EscapeLike(key) + "%";
        return await db.Documents.AsNoTracking()
            .Where(d => EF.Functions.ILike(d.NormalizedTitle, pattern) || EF.Functions.TrigramsSimilarity(d.NormalizedTitle, key) > 0.4)
            .OrderByDescending(d => EF.Functions.TrigramsSimilarity(d.NormalizedTitle, key))
            .Take(Limit)
            .Select(d => new LookupOption(d.Id, d.Title, d.Kind))
            .ToListAsync(ct);
    }

    internal static async Task<Person?> ResolvePersonAsync(PolicyTrackerDbContext db, string? name, CancellationToken ct)
    {
        var keys = CandidateKeys(name);
        foreach (var key in keys)
        {
            var byName = await db.People.Include(p => p.Aliases).Include(p => p.Titles)
                .Where(p => p.NameKey == key).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
            if (byName is not null)
            {
                return byName;
            }

            var byAlias = await db.People.Include(p => p.Aliases).Include(p => p.Titles)
                .Where(p => p.Aliases.Any(a => a.AliasKey == key)).Take(2).ToListAsync(ct);
            if (byAlias.Count == 1)
            {
                return byAlias[0];
            }
        }

        return null;
    }

    internal static async Task<Person> FindOrCreatePersonAsync(PolicyTrackerDbContext db, Guid? id, string name, CancellationToken ct)
    {
        var person = id is { } known
            ? await db.People.Include(p => p.Aliases).Include(p => p.Titles).SingleOrDefaultAsync(p => p.Id == known, ct)
            : null;
        person ??= db.People.Local.FirstOrDefault(p => TextKeys.Key(p.Name) == TextKeys.Key(name))
            ?? await ResolvePersonAsync(db, name, ct);
        var clean = TextKeys.Clean(name);
        if (person is null)
        {
            person = new Person { Name = clean };
            db.People.Add(person);
        }

        var aliases = person.Aliases.Select(a => TextKeys.Key(a.Alias)).ToHashSet();
        foreach (var alias in new[] { clean, TextKeys.Surname(clean) })
        {
            if (alias is not null && aliases.Add(alias.ToLowerInvariant()))
            {
                person.Aliases.Add(new PersonAlias { Alias = alias });
            }
        }

        return person;
    }

    internal static async Task<Organization> FindOrCreateBodyAsync(PolicyTrackerDbContext db, Guid? id, string name, CancellationToken ct)
    {
        var key = TextKeys.Key(name);
        var body = id is { } known ? await db.Organizations.SingleOrDefaultAsync(o => o.Id == known, ct) : null;
        body ??= db.Organizations.Local.FirstOrDefault(o => TextKeys.Key(o.Name) == key)
            ?? await db.Organizations.Where(o => o.NameKey == key || o.Aliases.Any(a => a.AliasKey == key))
                .OrderBy(o => o.NameKey == key ? 0 : 1).FirstOrDefaultAsync(ct);
        if (body is null)
        {
            body = new Organization { Name = TextKeys.Clean(name) };
            db.Organizations.Add(body);
        }

        return body;
    }

    internal static async Task<Document> FindOrCreateDocumentAsync(PolicyTrackerDbContext db, Guid? id, string title, string? kind, CancellationToken ct)
    {
        var key = TextKeys.DocumentKey(title);
        var document = id is { } known ? await db.Documents.SingleOrDefaultAsync(d => d.Id == known, ct) : null;
        document ??= db.Documents.Local.FirstOrDefault(d => d.NormalizedTitle == key)
            ?? await db.Documents.FirstOrDefaultAsync(d => d.NormalizedTitle == key, ct);
        if (document is null)
        {
            document = new Document { Title = TextKeys.Clean(title), NormalizedTitle = key, Kind = kind };
            db.Documents.Add(document);
        }

        return document;
    }

    // "President Xi Jinping" -> ["president xi jinping", "xi jinping", "jinping"]: the name, then
    // without each leading word in turn, so a title in front does not hide the person.
    internal static List<string> CandidateKeys(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        var words = TextKeys.Key(name).Split(' ');
        return [.. Enumerable.Range(0, words.Length).Select(i => string.Join(' ', words[i..]))];
    }

    private static string? Detail(string? title, IEnumerable<string> aliases, int meetings)
    {
        var parts = new List<string>();
        if (title is not null)
        {
            parts.Add(title);
        }

        var aka = string.Join(", ", aliases.Take(3));
        if (aka.Length > 0)
        {
            parts.Add("also " + aka);
        }

        parts.Add(meetings + " meeting(s)");
        return string.Join(" · ", parts);
    }

    internal static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

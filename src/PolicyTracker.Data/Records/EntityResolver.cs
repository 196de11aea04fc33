using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;

namespace PolicyTracker.Data.Records;

// Finds or creates the person, body or document a name means, for the importer and the review
// page alike. One policy: a name decides; an alias decides only when exactly one entity has it
// ("Cabinet" is the British and the German cabinet alike, so it picks neither).
// Aliases kept are full names: never a bare surname ("Li" is dozens of people) or a meeting's name.
internal sealed partial class EntityResolver(PolicyTrackerDbContext db)
{
    private readonly Dictionary<string, Person> _people = [];
    private readonly Dictionary<string, Organization> _bodies = [];
    private readonly Dictionary<string, Document> _documents = [];

    // Keys PreloadAsync looked up and found nothing for: no query asks again.
    private readonly HashSet<string> _absentPeople = [];
    private readonly HashSet<string> _absentBodies = [];
    private readonly HashSet<string> _absentDocuments = [];

    // Finds every person, body and document of these keys (TextKeys.Key, DocumentKey) in one query per kind, by the
    // same rule as one at a time: the name, else an alias exactly one entity has, lowest id first.
    public async Task PreloadAsync(IReadOnlyCollection<string> personKeys, IReadOnlyCollection<string> bodyKeys, IReadOnlyCollection<string> documentKeys, CancellationToken ct)
    {
        if (personKeys.Count > 0)
        {
            var people = await db.People.Include(p => p.Aliases).Include(p => p.Titles)
                .Where(p => personKeys.Contains(p.NameKey) || p.Aliases.Any(a => personKeys.Contains(a.AliasKey)))
                .OrderBy(p => p.Id).ToListAsync(ct);
            Remember(personKeys, people, p => p.NameKey, p => p.Aliases.Select(a => a.AliasKey), _people, _absentPeople);
        }

        if (bodyKeys.Count > 0)
        {
            var bodies = await db.Organizations.Include(o => o.Aliases)
                .Where(o => bodyKeys.Contains(o.NameKey) || o.Aliases.Any(a => bodyKeys.Contains(a.AliasKey)))
                .OrderBy(o => o.Id).ToListAsync(ct);
            Remember(bodyKeys, bodies, o => o.NameKey, o => o.Aliases.Select(a => a.AliasKey), _bodies, _absentBodies);
        }

        if (documentKeys.Count > 0)
        {
            var documents = await db.Documents.Where(d => documentKeys.Contains(d.NormalizedTitle)).OrderBy(d => d.Id).ToListAsync(ct);
            Remember(documentKeys, documents, d => d.NormalizedTitle, _ => [], _documents, _absentDocuments);
        }
    }

    // The entities found and changed so far that were already stored: the rows a save will update.
    public IEnumerable<Entity> Known() =>
        _people.Values.Cast<Entity>().Concat(_bodies.Values).Concat(_documents.Values)
            .Where(e => db.Entry(e).State != EntityState.Added);

    private static void Remember<T>(IEnumerable<string> keys, List<T> found, Func<T, string> name, Func<T, IEnumerable<string>> aliases, Dictionary<string, T> cache, HashSet<string> absent)
        where T : Entity
    {
        foreach (var key in keys)
        {
            var match = found.FirstOrDefault(e => name(e) == key);
            if (match is null)
            {
                var holders = found.Where(e => aliases(e).Contains(key)).Take(2).ToList();
                match = holders.Count == 1 ? holders[0] : null;
            }

            if (match is null)
            {
                absent.Add(key);
            }
            else
            {
                cache[key] = match;
            }
        }
    }

    public async Task<Person?> FindPersonAsync(string name, CancellationToken ct)
    {
        var key = TextKeys.Key(name);
        if (key.Length == 0)
        {
            return null;
        }

        var person = _people.GetValueOrDefault(key) ?? Local(db.People, p => TextKeys.Key(p.Name) == key);
        if (person is not null || _absentPeople.Contains(key))
        {
            return person;
        }

        person = await db.People.Include(p => p.Aliases).Include(p => p.Titles)
                .Where(p => p.NameKey == key).OrderBy(p => p.Id).FirstOrDefaultAsync(ct)
            ?? await ByUniqueAliasAsync(db.People.Include(p => p.Aliases).Include(p => p.Titles), p => p.Aliases.Any(a => a.AliasKey == key), ct);
        if (person is not null)
        {
            _people[key] = person;
        }

        return person;
    }

    // "President Xi Jinping" finds Xi Jinping: the name, then without each leading word in turn.
    public async Task<Person?> FindPersonByMentionAsync(string? mention, CancellationToken ct)
    {
        foreach (var candidate in CandidateNames(mention))
        {
            if (await FindPersonAsync(candidate, ct) is { } person)
            {
                return person;
            }
        }

        return null;
    }

    public async Task<Person> PersonAsync(Guid? id, string name, CancellationToken ct)
    {
        var clean = TextKeys.Clean(name);
        if (clean.Length > 300)
        {
            clean = clean[..300];
        }

        var person = id is { } known
            ? await db.People.Include(p => p.Aliases).Include(p => p.Titles).SingleOrDefaultAsync(p => p.Id == known, ct)
            : null;
        person ??= await FindPersonAsync(clean, ct);
        if (person is null)
        {
            person = new Person { Name = clean };
            db.People.Add(person);
            _people[TextKeys.Key(clean)] = person;
        }

        AddPersonAlias(person, clean);
        return person;
    }

    public async Task<Organization> BodyAsync(Guid? id, string name, IEnumerable<string> aliases, CancellationToken ct)
    {
        var clean = TextKeys.Clean(name);
        var key = clean.ToLowerInvariant();
        var body = id is { } known ? await db.Organizations.Include(o => o.Aliases).SingleOrDefaultAsync(o => o.Id == known, ct) : null;
        body ??= _bodies.GetValueOrDefault(key)
            ?? Local(db.Organizations, o => TextKeys.Key(o.Name) == key);
        if (body is null && !_absentBodies.Contains(key))
        {
            body = await db.Organizations.Include(o => o.Aliases).FirstOrDefaultAsync(o => o.NameKey == key, ct)
                ?? await ByUniqueAliasAsync(db.Organizations.Include(o => o.Aliases), o => o.Aliases.Any(a => a.AliasKey == key), ct);
        }

        if (body is null)
        {
            body = new Organization { Name = clean };
            db.Organizations.Add(body);
        }

        var keys = body.Aliases.Select(a => a.AliasKey ?? TextKeys.Key(a.Alias)).Append(TextKeys.Key(body.Name)).ToHashSet();
        foreach (var alias in aliases.Prepend(clean).Select(TextKeys.Clean).Where(IsBodyAlias))
        {
            if (keys.Add(alias.ToLowerInvariant()))
            {
                body.Aliases.Add(new OrganizationAlias { Alias = alias });
            }
        }

        _bodies[key] = body;
        return body;
    }

    public async Task<Document> DocumentAsync(Guid? id, string title, string? kind, CancellationToken ct)
    {
        var clean = TextKeys.Clean(title);
        if (clean.Length > 1000)
        {
            clean = clean[..1000];
        }

        var key = TextKeys.DocumentKey(clean);
        var document = id is { } known ? await db.Documents.IgnoreQueryFilters().SingleOrDefaultAsync(d => d.Id == known, ct) : null;
        document ??= _documents.GetValueOrDefault(key)
            ?? Local(db.Documents, d => d.NormalizedTitle == key);
        if (document is null && !_absentDocuments.Contains(key))
        {
            document = await db.Documents.FirstOrDefaultAsync(d => d.NormalizedTitle == key, ct);
        }

        if (document is null)
        {
            document = new Document { Title = clean, NormalizedTitle = key, Kind = kind };
            db.Documents.Add(document);
        }
        else if (document.DeletedAt is not null)
        {
            // A document retired when its last action went is the same document when a new one arrives.
            document.DeletedAt = null;
            document.DeletedBy = null;
        }

        document.Kind ??= kind;
        _documents[key] = document;
        return document;
    }

    // A person alias is a full name: one word only when that is all the person's name is.
    internal static bool IsPersonAlias(string alias, string name) =>
        alias.Length is > 0 and <= 300 && (alias.Contains(' ', StringComparison.Ordinal) || !name.Contains(' ', StringComparison.Ordinal));

    // A body alias names the body, not one of its meetings ("the State Council executive meeting").
    internal static bool IsBodyAlias(string alias) => alias.Length is > 0 and <= 300 && !MeetingWord().IsMatch(alias);

    // "President Xi Jinping" -> "President Xi Jinping", "Xi Jinping", "Jinping".
    internal static List<string> CandidateNames(string? mention)
    {
        if (string.IsNullOrWhiteSpace(mention))
        {
            return [];
        }

        var words = TextKeys.Clean(mention).Split(' ');
        return [.. Enumerable.Range(0, words.Length).Select(i => string.Join(' ', words[i..]))];
    }

    private static void AddPersonAlias(Person person, string alias)
    {
        if (IsPersonAlias(alias, person.Name)
            && !person.Aliases.Any(a => string.Equals(a.Alias, alias, StringComparison.OrdinalIgnoreCase)))
        {
            person.Aliases.Add(new PersonAlias { Alias = alias });
        }
    }

    private static T? Local<T>(DbSet<T> set, Func<T, bool> match)
        where T : class =>
        set.Local.FirstOrDefault(match);

    private static async Task<T?> ByUniqueAliasAsync<T>(IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, bool>> match, CancellationToken ct)
        where T : Entity
    {
        var found = await query.Where(match).OrderBy(e => e.Id).Take(2).ToListAsync(ct);
        return found.Count == 1 ? found[0] : null;
    }

    [GeneratedRegex(@"\b(meeting|meetings|session|sessions|sitting|plenum)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MeetingWord();
}

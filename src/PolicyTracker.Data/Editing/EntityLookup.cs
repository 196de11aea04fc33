using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;
using PolicyTracker.Data.Records;

namespace PolicyTracker.Data.Editing;

// Suggestions for the review page's pickers: people, bodies and documents whose names or aliases
// contain what the editor typed. Deciding which entity a name means is EntityResolver's job.
public sealed class EntityLookup(IDbContextFactory<PolicyTrackerDbContext> factory)
{
    private const int Limit = 10;

    public async Task<IReadOnlyList<LookupOption>> SearchPeopleAsync(string? text, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var keys = EntityResolver.CandidateNames(text).Select(TextKeys.Key).ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var pattern = LikePattern.Containing(keys[0]);
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
        return await new EntityResolver(db).FindPersonByMentionAsync(name, ct) is { } person ? new LookupOption(person.Id, person.Name, null) : null;
    }

    public async Task<IReadOnlyList<LookupOption>> SearchBodiesAsync(string? text, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var key = string.IsNullOrWhiteSpace(text) ? string.Empty : TextKeys.Key(text);
        var pattern = LikePattern.Containing(key);
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
        var pattern = LikePattern.Containing(key);
        return await db.Documents.AsNoTracking()
            .Where(d => EF.Functions.ILike(d.NormalizedTitle, pattern) || EF.Functions.TrigramsSimilarity(d.NormalizedTitle, key) > 0.4)
            .OrderByDescending(d => EF.Functions.TrigramsSimilarity(d.NormalizedTitle, key))
            .Take(Limit)
            .Select(d => new LookupOption(d.Id, d.Title, d.Kind))
            .ToListAsync(ct);
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
}

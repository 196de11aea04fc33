using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Records;

namespace PolicyTracker.Data.Editing;

/// <summary>A document a later report may name in full, with what the editor needs to judge it.</summary>
public sealed record PlaceholderSuggestion(Guid DocumentId, string Title, string? Kind, DateOnly? FirstSeen, string FirstSeenBy, double Similarity);

public sealed record PlaceholderLinkResult(Guid TargetId, int ActionsMoved, int ActionsMerged);

/// <summary>Documents known only by their subject ("a document on national security risk monitoring")
/// linked, when an editor confirms it, to the document a later report names in full. Linking moves the
/// placeholder's actions onto the full document and soft-deletes the placeholder: every change is an
/// audit row and can be restored from the history.</summary>
public sealed partial class DocumentPlaceholders(IDbContextFactory<PolicyTrackerDbContext> factory)
{
    public const int SuggestionLimit = 3;

    // How close the subject must be to a word run of the full title (pg_trgm word similarity, 0..1).
    public const double MinimumSimilarity = 0.5;

    /// <summary>The subject of a placeholder title ("document on X", "another one on X"), or null for a real title.</summary>
    public static string? Subject(string title)
    {
        var match = PlaceholderTitle().Match(Import.TextKeys.DocumentKey(title));
        return match.Success ? match.Groups["subject"].Value.Trim() : null;
    }

    public static bool IsPlaceholder(string title) => Subject(title) is not null;

    /// <summary>Full titles first seen at or after the placeholder's first meeting, closest subject first.</summary>
    public async Task<IReadOnlyList<PlaceholderSuggestion>> SuggestAsync(Guid placeholderId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var placeholder = await db.Documents.AsNoTracking().Where(d => d.Id == placeholderId)
            .Select(d => new { d.Title, First = d.Actions.Where(a => a.Published).Min(a => a.Meeting.Date) })
            .FirstOrDefaultAsync(ct);
        if (placeholder is null || Subject(placeholder.Title) is not { } subject)
        {
            return [];
        }
        // subject <% title is served by the trigram index on documents.title.
        var candidates = await db.Documents.AsNoTracking()
            .Where(d => d.Id != placeholderId && EF.Functions.TrigramsAreWordSimilar(subject, d.Title)
                && d.Actions.Any(a => a.Published && (placeholder.First == null || a.Meeting.Date >= placeholder.First)))
            .Select(d => new
            {
                d.Id,
                d.Title,
                d.Kind,
                Similarity = EF.Functions.TrigramsWordSimilarity(subject, d.Title),
                First = d.Actions.Where(a => a.Published).OrderBy(a => a.Meeting.Date)
                    .Select(a => new { a.Meeting.Date, Body = a.Meeting.Organization.Name, a.Action }).FirstOrDefault(),
            })
            .Where(d => d.Similarity >= MinimumSimilarity)
            .OrderByDescending(d => d.Similarity).ThenBy(d => d.Title)
            .Take(SuggestionLimit * 3)
            .ToListAsync(ct);
        return [.. candidates.Where(c => !IsPlaceholder(c.Title)).Take(SuggestionLimit)
            .Select(c => new PlaceholderSuggestion(c.Id, c.Title, c.Kind, c.First?.Date,
                c.First is null ? "" : $"{c.First.Action.ToString().ToLowerInvariant()} by {c.First.Body}", Math.Round(c.Similarity, 2)))];
    }

    /// <summary>Moves every action of the placeholder onto <paramref name="targetId"/> (merging with an action the target
    /// already has at the same meeting) and soft-deletes the placeholder, in one transaction.</summary>
    public async Task<PlaceholderLinkResult> LinkAsync(Guid placeholderId, Guid targetId, CancellationToken ct = default)
    {
        if (placeholderId == targetId)
        {
            throw new InvalidOperationException("A document cannot be linked to itself.");
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var placeholder = await db.Documents.Include(d => d.Actions).ThenInclude(a => a.Sources).SingleOrDefaultAsync(d => d.Id == placeholderId, ct)
                ?? throw new KeyNotFoundException("The placeholder document no longer exists.");
            if (!IsPlaceholder(placeholder.Title))
            {
                throw new InvalidOperationException($"'{placeholder.Title}' is a full title, not a placeholder.");
            }
            var target = await db.Documents.Include(d => d.Actions).ThenInclude(a => a.Sources).SingleOrDefaultAsync(d => d.Id == targetId, ct)
                ?? throw new KeyNotFoundException("The document to link to no longer exists.");
            var meetings = placeholder.Actions.Select(a => a.MeetingId).ToList();
            int moved = 0, merged = 0;
            foreach (var action in placeholder.Actions.ToList())
            {
                var same = target.Actions.FirstOrDefault(a => a.MeetingId == action.MeetingId && a.Action == action.Action);
                if (same is null)
                {
                    action.Document = target;
                    action.DocumentId = target.Id;
                    moved++;
                    continue;
                }
                // The target already records this action at this meeting: one record per fact, so the sources join it.
                foreach (var source in action.Sources.ToList())
                {
                    if (same.Sources.Any(s => s.SourceReportId == source.SourceReportId))
                    {
                        db.Remove(source);
                    }
                    else
                    {
                        source.Fact = same;
                        source.FactId = same.Id;
                    }
                }
                // Moved sources must not be taken along by the cascade of the removal below.
                db.ChangeTracker.DetectChanges();
                db.Remove(action);
                merged++;
            }
            db.ChangeTracker.DetectChanges();
            db.Remove(placeholder);
            await db.SaveChangesAsync(ct);
            await PublishedFlags.RefreshAsync(db, meetings, ct);
            await tx.CommitAsync(ct);
            return new PlaceholderLinkResult(target.Id, moved, merged);
        });
    }

    [GeneratedRegex(@"^(?:document|one|another one|another|other)\s+(?:on|about|regarding|concerning)\s+(?<subject>.{3,})$")]
    private static partial Regex PlaceholderTitle();
}

using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Editing;

// Before a save writes anything: every row it would write whose version moved since the draft was
// read, with who changed it, when, and what they changed, as the conflict dialog shows it.
internal static class ReviewConflicts
{
    private sealed record Stored(Guid Id, uint Version, DateTimeOffset? DeletedAt);

    public static async Task<List<ReviewConflict>> FindAsync(PolicyTrackerDbContext db, ReviewDraft draft, bool publish, CancellationToken ct)
    {
        var expected = new List<(string Key, string What, string Type, Guid Id, uint Version)>();
        if (draft.HeaderChanged || publish)
        {
            expected.Add((ReviewConflict.ReportKey, "the report's headline, outlet, date or status", nameof(Report), draft.ReportId, draft.Version));
        }

        foreach (var meeting in draft.Meetings.Where(m => !m.IsNew))
        {
            var name = $"the meeting of {meeting.Body}";
            if (meeting.Changed && !meeting.Removed)
            {
                expected.Add((meeting.Key, name, nameof(Meeting), meeting.MeetingId!.Value, meeting.MeetingVersion));
            }

            if (meeting.SourceId is { } sourceId && (meeting.Removed || meeting.Verdict != meeting.LoadedVerdict))
            {
                expected.Add((meeting.Key, name + " (as reported here)", nameof(MeetingSource), sourceId, meeting.SourceVersion));
            }

            foreach (var item in meeting.Items.Where(i => !i.IsNew))
            {
                if (item.Changed && !item.Removed && !meeting.Removed)
                {
                    expected.Add((item.Key, ChangeText.What(item), TypeOf(item), item.Id!.Value, item.Version));
                }

                if (item.SourceId is { } itemSource && (item.Removed || meeting.Removed || item.VerdictChanged))
                {
                    expected.Add((item.Key + ReviewConflict.SourceSuffix, ChangeText.What(item) + " (as reported here)", TypeOf(item) + "Source", itemSource, item.SourceVersion));
                }
            }
        }

        if (expected.Count == 0)
        {
            return [];
        }

        var stored = new Dictionary<Guid, Stored>();
        foreach (var group in expected.GroupBy(e => e.Type))
        {
            var ids = group.Select(e => e.Id).ToList();
            var rows = group.Key switch
            {
                nameof(Report) => await Versions(db.Reports, ids, ct),
                nameof(Meeting) => await Versions(db.Meetings, ids, ct),
                nameof(MeetingSource) => await Versions(db.MeetingSources, ids, ct),
                nameof(Participation) => await Versions(db.Participations, ids, ct),
                nameof(Resolution) => await Versions(db.Resolutions, ids, ct),
                nameof(DocumentAction) => await Versions(db.DocumentActions, ids, ct),
                nameof(ParticipationSource) => await Versions(db.ParticipationSources, ids, ct),
                nameof(ResolutionSource) => await Versions(db.ResolutionSources, ids, ct),
                _ => await Versions(db.DocumentActionSources, ids, ct),
            };
            foreach (var row in rows)
            {
                stored[row.Id] = row;
            }
        }

        var moved = expected.Where(e => !stored.TryGetValue(e.Id, out var s) || s.Version != e.Version).ToList();
        if (moved.Count == 0)
        {
            return [];
        }

        var movedIds = moved.Select(m => m.Id.ToString()).ToList();
        var audits = await db.AuditEntries.AsNoTracking()
            .Where(a => movedIds.Contains(a.EntityId) && a.At >= draft.LoadedAt.AddSeconds(-1))
            .OrderBy(a => a.Id)
            .ToListAsync(ct);

        var conflicts = new List<ReviewConflict>();
        foreach (var m in moved)
        {
            var theirs = audits.Where(a => a.EntityId == m.Id.ToString()).ToList();
            var last = theirs.LastOrDefault();
            var changes = theirs.SelectMany(a => ChangeText.Changes(a.OldValues, a.NewValues))
                .Where(c => c.Field is not ("deleted at" or "deleted by" or "verdict by" or "verdict at" or "updated at" or "published"))
                .ToList();
            var current = stored.GetValueOrDefault(m.Id);
            conflicts.Add(new ReviewConflict(m.Key, m.What, last?.UserName, last?.At, changes,
                current is null || current.DeletedAt is not null, current?.Version ?? 0));
        }

        return MergeSourceConflicts(conflicts);
    }

    // An item whose fact and whose source (its verdict) both moved is one conflict for the editor.
    private static List<ReviewConflict> MergeSourceConflicts(List<ReviewConflict> conflicts)
    {
        var byKey = conflicts.ToDictionary(c => c.Key);
        var merged = new List<ReviewConflict>();
        foreach (var conflict in conflicts)
        {
            if (conflict.OnSource)
            {
                if (!byKey.ContainsKey(conflict.ItemKey))
                {
                    merged.Add(conflict);
                }

                continue;
            }

            merged.Add(byKey.TryGetValue(conflict.Key + ReviewConflict.SourceSuffix, out var source)
                ? conflict with { CurrentSourceVersion = source.CurrentVersion, TheirChanges = [.. conflict.TheirChanges, .. source.TheirChanges] }
                : conflict);
        }

        return merged;
    }

    private static Task<List<Stored>> Versions<T>(DbSet<T> set, List<Guid> ids, CancellationToken ct)
        where T : Entity =>
        set.IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new Stored(r.Id, r.Version, r.DeletedAt)).ToListAsync(ct);

    private static string TypeOf(ReviewItem item) => item switch
    {
        ReviewParticipant => nameof(Participation),
        ReviewResolution => nameof(Resolution),
        _ => nameof(DocumentAction),
    };
}

using PolicyTracker.Extraction.Topics;
using PolicyTracker.Web.Components.Shared;

namespace PolicyTracker.Web.Features.Topics;

/// <summary>Topic ids as the query strings carry them (<c>?topic=rule-of-law</c>), checked against the shipped taxonomy.</summary>
public static class TopicIds
{
    public static IReadOnlyList<string> All { get; } = [.. TopicTaxonomy.Default.Topics.Select(t => t.Id)];

    public static string? Find(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : TopicTaxonomy.Default.Find(raw.Trim().ToLowerInvariant())?.Id;

    /// <summary>A known topic id, or null with the problem noted on the page's query input.</summary>
    public static string? Parse(QueryInput input, string? raw) => input.OneOf("topic", raw, All) is { } found ? Find(found) : null;

    public static string Label(string id) => TopicTaxonomy.Default.Find(id)?.Label ?? id;

    /// <summary>Ids in the taxonomy's order, unknown ones (left by an older file) last.</summary>
    public static IReadOnlyList<string> Ordered(IEnumerable<string>? ids)
    {
        var set = ids?.ToHashSet(StringComparer.Ordinal) ?? [];
        return [.. All.Where(set.Contains), .. set.Where(id => !All.Contains(id)).Order(StringComparer.Ordinal)];
    }
}

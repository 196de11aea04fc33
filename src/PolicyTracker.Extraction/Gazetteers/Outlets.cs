namespace PolicyTracker.Extraction.Gazetteers;

/// <summary>Maps the short outlet of a dateline ("Xinhua") to its full name.</summary>
internal static class Outlets
{
    public static string Canonicalize(string raw)
    {
        var s = raw.Trim();
        return GazetteerStore.Outlets.TryGetValue(s, out var full) ? full : s;
    }
}

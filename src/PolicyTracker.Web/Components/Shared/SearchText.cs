namespace PolicyTracker.Web.Components.Shared;

public static class SearchText
{
    /// <summary>Trimmed search text, or null when there is nothing to search for. NUL characters are
    /// dropped: PostgreSQL refuses them in text, and a search must answer, not fail.</summary>
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var cleaned = text.Replace("\0", "", StringComparison.Ordinal).Trim();
        if (cleaned.Length > 200)
        {
            cleaned = cleaned[..200];
        }
        return cleaned.Length == 0 ? null : cleaned;
    }
}

namespace PolicyTracker.Data.Records;

// ILIKE patterns from what a person typed: % and _ are literal characters, not wildcards.
public static class LikePattern
{
    public static string Containing(string text) => "%" + Escape(text) + "%";

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

namespace PolicyTracker.Web.Features.Meetings;

/// <summary>A resolution's theme: its content words, lightly stemmed ("reforms" and "reform" are one theme word).
/// Two resolutions share a theme when most of the shorter one's words are in the other, so "deepen reform of
/// state-owned enterprises" and "state-owned enterprise reform" are the same theme and "flood control" is not.</summary>
public static class ResolutionThemes
{
    /// <summary>Share of the smaller theme's words the two must have in common to be one theme.</summary>
    public const double SameThemeOverlap = 0.5;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "on", "in", "to", "for", "with", "by", "at", "from", "as", "its", "their", "it", "is", "be",
        "that", "this", "these", "those", "all", "more", "further", "new", "efforts", "work", "must", "should", "will", "into", "over",
        "such", "other", "also", "both", "well", "while", "through", "among", "about", "level", "levels",
    };

    public static IReadOnlySet<string> Of(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in text.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('\'', '’');
            if (word.Length < 3 || StopWords.Contains(word) || word.All(char.IsDigit))
            {
                continue;
            }
            words.Add(Stem(word));
        }
        return words;
    }

    public static bool SameTheme(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }
        var shared = a.Count(b.Contains);
        return shared >= SameThemeOverlap * Math.Min(a.Count, b.Count);
    }

    /// <summary>True when no resolution in <paramref name="earlier"/> has the theme of <paramref name="text"/>.</summary>
    public static bool IsNew(string text, IEnumerable<string> earlier)
    {
        var theme = Of(text);
        return theme.Count > 0 && earlier.All(e => !SameTheme(theme, Of(e)));
    }

    private static readonly char[] Separators = [' ', ',', '.', ';', ':', '-', '–', '—', '/', '(', ')', '"', '“', '”', '!', '?', '\t', '\n', '\r'];

    private static string Stem(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2]
        : word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4 ? word[..^3] + "y"
        : word.EndsWith("ss", StringComparison.Ordinal) ? word
        : word.EndsWith('s') && word.Length > 3 ? word[..^1]
        : word;
}

using System.Text;
using PolicyTracker.Extraction.Gazetteers;

namespace PolicyTracker.Extraction.People;

/// <summary>Turns a written person reference ("Premier Li Qiang", "Chancellor Friedrich Merz's")
/// into the bare name ("Li Qiang", "Friedrich Merz").</summary>
public static class PersonNameNormalizer
{
    /// <summary>The name without leading titles, possessive ending, quotes or extra spaces.</summary>
    public static string Normalize(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return string.Empty;
        }

        var words = written.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var titles = GazetteerStore.Titles.TitleWords;
        var start = 0;
        for (var i = 0; i < words.Length - 1; i++)
        {
            if (titles.Contains(words[i].TrimEnd('.', ',')))
            {
                start = i + 1;
            }
        }

        var sb = new StringBuilder();
        for (var i = start; i < words.Length; i++)
        {
            var w = words[i].Trim('"', '\u201C', '\u201D', ',', ';');
            if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("\u2019s", StringComparison.Ordinal))
            {
                w = w[..^2];
            }

            if (w.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(w);
        }

        return sb.ToString();
    }

    /// <summary>Whether <paramref name="word"/> is a title or office word ("Premier", "Vice-Premiers").</summary>
    public static bool IsTitleWord(string word) => GazetteerStore.Titles.TitleWords.Contains(word);
}

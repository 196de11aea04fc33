using System.Collections.Frozen;
using System.Text;
using PolicyTracker.Extraction.Dates;
using PolicyTracker.Extraction.Gazetteers;
using PolicyTracker.Extraction.Text;

namespace PolicyTracker.Extraction.People;

/// <summary>Finds person names as runs of capitalised words (with particles such as "bin", "van",
/// "de" and suffixes such as "III"), strips leading titles, and rejects runs that name
/// organisations, places or documents.</summary>
internal static class NameFinder
{
    private static readonly FrozenSet<string> Particles = new[]
    {
        "bin", "binti", "bint", "de", "da", "van", "von", "der", "den", "al", "el", "ibn", "abu", "dos", "das", "del", "la", "le", "di", "du", "y",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NotNameStarts = new[]
    {
        "the", "a", "an", "in", "on", "at", "it", "he", "she", "they", "we", "this", "that", "these", "those", "also", "after",
        "before", "according", "under", "when", "while", "since", "as", "but", "and", "among", "turning", "with", "for", "from",
        "by", "of", "to", "its", "his", "her", "their", "our", "if", "once", "until", "during", "earlier", "later", "then", "there",
        "here", "participants", "members", "ministers", "leaders", "lawmakers", "deputies", "officials", "representatives",
        "speaking", "addressing", "chairing", "presiding", "concluding", "opening", "noting", "describing", "referring", "summarizing",
        "topping", "looking", "taking", "around", "both", "all", "each", "some", "many", "most", "such", "other", "another", "no",
        "people", "refugee", "police", "reporters", "fellow", "former", "newly", "senior", "representatives", "what", "who",
        "besides", "except", "including", "like", "against", "unlike", "without", "whereas",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static List<NameCandidate> Find(List<Token> tokens, int first, int last, PersonRegistry? registry)
    {
        var result = new List<NameCandidate>();
        var i = first;
        while (i < last)
        {
            if (!tokens[i].IsCap)
            {
                i++;
                continue;
            }

            var runStart = i;
            var j = i;
            while (j < last)
            {
                var t = tokens[j];
                if (t.IsCap && !(j > runStart && IsHardBreak(t)))
                {
                    j++;
                    continue;
                }

                if (j > runStart && t.IsWord && Particles.Contains(t.Lower) && j + 1 < last
                    && (tokens[j + 1].IsCap || (j + 2 < last && Particles.Contains(tokens[j + 1].Lower) && tokens[j + 2].IsCap)))
                {
                    j++;
                    continue;
                }

                // "Abdel Fattah al-Burhan"
                if (j > runStart && t.IsWord && (t.Lower.StartsWith("al-", StringComparison.Ordinal) || t.Lower.StartsWith("el-", StringComparison.Ordinal)) && t.Text.Length > 3 && char.IsUpper(t.Text[3]))
                {
                    j++;
                    continue;
                }

                // The initial in "Tomas K. Varga".
                if (j > runStart && t.Text == "." && tokens[j - 1].Text.Length == 1 && char.IsUpper(tokens[j - 1].Text[0]) && j + 1 < last && tokens[j + 1].IsCap && tokens[j - 1].End == t.Start)
                {
                    j++;
                    continue;
                }

                break;
            }

            Evaluate(tokens, runStart, j, first, registry, result);
            i = Math.Max(j, i + 1);
        }

        return result;
    }

    private static bool IsHardBreak(Token t) => IsDateWord(t);

    // "Jun" and "Mar" are names too; only full month names and weekdays break a name.
    private static bool IsDateWord(Token t) => DateWords.IsDateWord(t.Lower) && t.Lower != "may" && t.Lower.Length > 3;

    private static void Evaluate(List<Token> tokens, int start, int end, int sentenceFirst, PersonRegistry? registry, List<NameCandidate> result)
    {
        var titles = GazetteerStore.Titles.TitleWords;
        var nonPerson = GazetteerStore.Titles.NonPersonWords;
        var nameStart = start;
        string? title = null;
        for (var k = start; k < end - 1; k++)
        {
            if (titles.Contains(tokens[k].Lower))
            {
                nameStart = k + 1;
            }
        }

        if (nameStart > start)
        {
            title = Join(tokens, start, nameStart);
        }
        else if (start > sentenceFirst && tokens[start - 1].IsWord && titles.Contains(tokens[start - 1].Lower))
        {
            title = tokens[start - 1].Text;
        }

        // "Federal Security Service Alexander Bortnikov": the name follows the organisation.
        var lastOrg = -1;
        for (var k = nameStart; k < end; k++)
        {
            if (nonPerson.Contains(tokens[k].Lower))
            {
                lastOrg = k;
            }
        }

        if (lastOrg >= 0 && end - (lastOrg + 1) >= 2)
        {
            nameStart = lastOrg + 1;
            title = Join(tokens, start, nameStart);
        }

        // "Director of National Intelligence Avril Haines", "Minister for Climate Lars Bjerre": a run of three or more after
        // an office's "of" / "for" ends in the holder's name.
        if (title is null && end - start >= 3 && AfterPreposition(tokens, start, sentenceFirst) && OfficeBefore(tokens, start, sentenceFirst) is { } office
            && !titles.Contains(tokens[end - 2].Lower) && !nonPerson.Contains(tokens[end - 2].Lower) && !nonPerson.Contains(tokens[end - 1].Lower))
        {
            nameStart = end - 2;
            title = Join(tokens, office, nameStart);
        }

        // "Academy of Macroeconomic Research", "Commission for Discipline Inspection": an organisation's complement.
        if (title is null && AfterPreposition(tokens, start, sentenceFirst))
        {
            return;
        }

        var count = end - nameStart;
        if (count is < 1 or > 5 || titles.Contains(tokens[end - 1].Lower))
        {
            return;
        }

        for (var k = nameStart; k < end; k++)
        {
            var t = tokens[k];
            // "UEDA Kazuo", "LIND Ana": a surname in capitals before a given name is no acronym.
            var surnameInCapitals = k == nameStart && count == 2 && t.Text.Length >= 3 && IsTitleCase(tokens[k + 1].Text);
            if (nonPerson.Contains(t.Lower) || (IsAcronym(t.Text) && k == nameStart && !surnameInCapitals) || IsDateWord(t))
            {
                return;
            }
        }

        var firstLower = tokens[nameStart].Lower;
        if (NotNameStarts.Contains(firstLower) && !(count > 1 && (firstLower == "he" || (title is not null && firstLower == "to"))))
        {
            return;
        }

        if (count == 1)
        {
            var single = tokens[nameStart].Text;
            var full = registry?.Resolve(single, tokens[nameStart].Start);
            if (full is not null)
            {
                result.Add(new NameCandidate(nameStart, end, full, title, true));
            }
            else if (title is not null && registry is not null)
            {
                result.Add(new NameCandidate(nameStart, end, single, title, false));
            }

            return;
        }

        var name = Join(tokens, nameStart, end);
        var resolved = registry?.ResolveFull(name) ?? name;
        result.Add(new NameCandidate(nameStart, end, resolved, title, true));
    }

    // The office word before "of [the]" ("Director of", "Secretary of the"), or null.
    private static int? OfficeBefore(List<Token> tokens, int start, int sentenceFirst)
    {
        var k = start - 1;
        if (k >= sentenceFirst && tokens[k].Lower == "the")
        {
            k--;
        }

        return k - 1 >= sentenceFirst && tokens[k].Lower is "of" or "for" && tokens[k - 1].IsCap && GazetteerStore.Titles.TitleWords.Contains(tokens[k - 1].Lower) ? k - 1 : null;
    }

    private static bool AfterPreposition(List<Token> tokens, int start, int sentenceFirst)
    {
        var k = start - 1;
        if (k >= sentenceFirst && tokens[k].Lower == "the")
        {
            k--;
        }

        return k >= sentenceFirst && tokens[k].IsWord && tokens[k].Lower is "of" or "for" or "on" or "from" or "in" or "at" or "under" or "about" or "against" or "into";
    }

    private static bool IsTitleCase(string s) => s.Length >= 2 && char.IsUpper(s[0]) && s.Skip(1).Any(char.IsLower);

    private static bool IsAcronym(string s)
    {
        if (s.Length < 2)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }

        return s is not ("II" or "III" or "IV");
    }

    internal static string Join(List<Token> tokens, int start, int end)
    {
        var sb = new StringBuilder();
        for (var k = start; k < end; k++)
        {
            if (sb.Length > 0 && tokens[k].Text != ".")
            {
                sb.Append(' ');
            }

            sb.Append(tokens[k].Text);
        }

        return sb.ToString();
    }
}

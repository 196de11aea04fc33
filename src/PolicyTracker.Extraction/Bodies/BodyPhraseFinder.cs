using System.Collections.Frozen;
using System.Text;
using PolicyTracker.Extraction.Dates;
using PolicyTracker.Extraction.Gazetteers;
using PolicyTracker.Extraction.Text;

namespace PolicyTracker.Extraction.Bodies;

/// <summary>Finds names of bodies: capitalised phrases whose head is an organisation word
/// ("Political Bureau of the CPC Central Committee", "NPC Standing Committee's Council of
/// Chairpersons", "Red and White Cabinet") and bare common nouns ("the cabinet").</summary>
internal static class BodyPhraseFinder
{
    public static readonly FrozenSet<string> OrgHeads = Lexicon.Words("bodyHeads");

    // Lower-case heads that can stand alone for a body already named.
    public static readonly FrozenSet<string> GenericHeads = Lexicon.Words("genericBodyHeads");

    // "the security cabinet", "the federal cabinet": a lower-case word that makes a bare head a particular body.
    private static readonly FrozenSet<string> Premodifiers = Lexicon.Words("bodyPremodifiers");

    // "the BRICS group", "the OPEC+ alliance": a lower-case noun after an acronym that says the acronym is a body.
    private static readonly FrozenSet<string> GroupingNouns = Lexicon.Words("groupingNouns");

    private static readonly FrozenSet<string> Connectors = new[] { "of", "for", "and", "on", "'s", "the" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SkipStarts = new[]
    {
        "the", "a", "an", "also", "in", "on", "at", "after", "before", "under", "according", "when", "while", "its", "his", "her", "their",
        "it", "he", "she", "they", "this", "that", "as", "but", "and", "with", "for", "from", "by", "to", "during", "since", "among",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static List<BodyPhrase> Find(List<Token> tokens, int first, int last)
    {
        var result = new List<BodyPhrase>();
        var i = first;
        while (i < last)
        {
            var t = tokens[i];
            if (t.IsWord && !t.IsCap && GenericHeads.Contains(t.Lower))
            {
                var g = Generic(tokens, first, last, i);

                // "the government's emergency committee" replaces the possessor "government" found just before.
                while (result.Count > 0 && result[^1].First >= g.First)
                {
                    result.RemoveAt(result.Count - 1);
                }

                result.Add(g);
                i = g.Last;
                continue;
            }

            if (!t.IsCap || SkipStarts.Contains(t.Lower) || DateWords.IsDateWord(t.Lower))
            {
                i++;
                continue;
            }

            // "Heads of State and Government of the Southern African Development Community": the leaders' title, then the body.
            if (t.Lower is "heads" or "head" && i + 2 < last && tokens[i + 1].Lower == "of" && tokens[i + 2].Lower == "state")
            {
                var j = i + 3;
                if (j + 1 < last && tokens[j].Lower is "and" or "or" && tokens[j + 1].Lower == "government")
                {
                    j += 2;
                }

                i = j < last && tokens[j].Lower == "of" ? j + 1 : j;
                continue;
            }

            if (Grouping(tokens, i, last) is { } grouping)
            {
                // "the OPEC+ Joint Ministerial Monitoring Committee": the grouping premodifies the body it set up.
                if (grouping.Last < last && tokens[grouping.Last].IsCap && tokens[grouping.Last - 1].Text == "+")
                {
                    var namedEnd = Extend(tokens, grouping.Last, last);
                    var namedHead = HeadIndex(tokens, grouping.Last, namedEnd);
                    if (namedHead >= 0 && OrgHeads.Contains(tokens[namedHead].Lower))
                    {
                        result.Add(new BodyPhrase(i, namedEnd, namedHead, grouping.Text + " " + Text(tokens, grouping.Last, namedEnd), tokens[namedHead].Lower, false));
                        i = namedEnd;
                        continue;
                    }
                }

                result.Add(grouping);
                i = grouping.Last;
                continue;
            }

            var end = Extend(tokens, i, last);
            var head = HeadIndex(tokens, i, end);
            if (head >= 0 && (OrgHeads.Contains(tokens[head].Lower) || IsLegislativeHouse(tokens, first, i, end, head)))
            {
                // "the Council", "the Cabinet": a bare head names a body only through an antecedent or the context.
                var bare = end - i == 1;
                result.Add(new BodyPhrase(i, end, head, Text(tokens, i, end), tokens[head].Lower, bare));
            }
            else if (NextAfterConnector(tokens, i, end) is var resume and > 0)
            {
                // "Leaders of the Group of Seven": not a body itself, but the name after "of" may be one.
                i = resume;
                continue;
            }

            i = Math.Max(end, i + 1);
        }

        return result;
    }

    /// <summary>"The House on Tuesday passed ...", "the House of Representatives", "House of Commons": a chamber when
    /// "House" opens the name (not "White House", "Government House"), bare after "the" or with "of" and a name.</summary>
    private static bool IsLegislativeHouse(List<Token> tokens, int first, int start, int end, int head)
    {
        if (head != start || tokens[head].Text != "House")
        {
            return false;
        }

        var bareAfterThe = end == start + 1 && start > first && tokens[start - 1].Lower == "the";
        var ofName = end > start + 2 && tokens[start + 1].Lower == "of" && tokens[start + 2].IsCap;
        return bareAfterThe || ofName;
    }

    private static int NextAfterConnector(List<Token> tokens, int start, int end)
    {
        for (var k = start + 1; k < end - 1; k++)
        {
            if (tokens[k].Lower is "of" or "for")
            {
                return k + 1;
            }
        }

        return -1;
    }

    // Capitalised words joined by "of", "for", "and", "on", "the", "'s", ordinals and a parenthetical acronym.
    private static int Extend(List<Token> tokens, int start, int last)
    {
        var j = start;
        var end = start;
        while (j < last)
        {
            var t = tokens[j];
            if ((t.IsCap || (t.Kind == TokenKind.Number && IsOrdinal(t.Lower))) && !(j > start && DateWords.IsDateWord(t.Lower) && t.Lower != "may"))
            {
                j++;
                end = j;
                continue;
            }

            if (t.Text == "(" && j + 2 < last && tokens[j + 2].Text == ")" && tokens[j + 1].IsWord)
            {
                j += 3;
                end = j;
                continue;
            }

            // "Central Conference on Work Relating to Foreign Affairs": "to" inside a long capitalised name.
            if (t.Lower == "to" && j - start >= 3 && tokens[j - 1].IsCap && j + 1 < last && tokens[j + 1].IsCap && !DateWords.IsDateWord(tokens[j + 1].Lower))
            {
                j++;
                continue;
            }

            // "Chief Executive in Council", "Governor General in Council"
            if (t.Lower == "in" && j > start && j + 1 < last && tokens[j + 1].Lower == "council" && tokens[j + 1].IsCap)
            {
                j++;
                continue;
            }

            if (t.IsWord && Connectors.Contains(t.Lower) && j > start)
            {
                // A connector joins only when a capitalised, non-date word follows.
                // "the Politburo and the Secretariat" are two bodies; "Peace and Security Council" is one.
                if (t.Lower == "and" && j + 1 < last && tokens[j + 1].Lower == "the")
                {
                    break;
                }

                var k = j + 1;
                while (k < last && tokens[k].IsWord && (tokens[k].Lower == "the" || tokens[k].Lower == "'s"))
                {
                    k++;
                }

                if (k < last && (tokens[k].IsCap || (tokens[k].Kind == TokenKind.Number && IsOrdinal(tokens[k].Lower))) && !DateWords.IsDateWord(tokens[k].Lower))
                {
                    j = k;
                    continue;
                }
            }

            break;
        }

        return end;
    }

    // The head is the last word of the first segment (before "of", "for", "on"), after any possessive.
    private static int HeadIndex(List<Token> tokens, int start, int end)
    {
        var head = FirstSegmentHead(tokens, start, end);
        if (head >= 0 && OrgHeads.Contains(tokens[head].Lower))
        {
            return head;
        }

        // "Bank of Japan's Policy Board", "Communist Party of China (CPC) Central Committee": the name
        // after the last possessive or parenthetical holds the head.
        for (var k = end - 2; k > start; k--)
        {
            if (tokens[k].Lower is "'s" or ")")
            {
                var later = FirstSegmentHead(tokens, k + 1, end);
                return later >= 0 && OrgHeads.Contains(tokens[later].Lower) ? later : head;
            }
        }

        return head;
    }

    private static int FirstSegmentHead(List<Token> tokens, int start, int end)
    {
        var segStart = start;
        var head = -1;
        for (var k = start; k < end; k++)
        {
            var l = tokens[k].Lower;
            if (l is "of" or "for" or "on" or "(")
            {
                break;
            }

            if (l == "'s")
            {
                segStart = k + 1;
                head = -1;
                continue;
            }

            if (tokens[k].IsWord && k >= segStart && l != "and" && l != "the")
            {
                head = k;
            }
        }

        return head;
    }

    private static BodyPhrase Generic(List<Token> tokens, int first, int last, int i)
    {
        var start = i;
        var adjectives = 0;
        var possessed = false;
        while (start > first)
        {
            var p = tokens[start - 1];
            if (p.IsCap && !SkipStarts.Contains(p.Lower))
            {
                start--;
                continue;
            }

            if (p.Lower == "'s" && start - 2 >= first && tokens[start - 2].IsCap)
            {
                start -= 2;
                continue;
            }

            // "the government's emergency committee": a possessor that is itself a bare head.
            if (p.Lower == "'s" && start - 2 >= first && start < i && !tokens[start - 2].IsCap && GenericHeads.Contains(tokens[start - 2].Lower))
            {
                start -= 2;
                possessed = true;
                break;
            }

            // "Sweden's Social Democratic minority government": one descriptive word between a possessed name and the head.
            if (p.IsWord && !p.IsCap && adjectives == 0 && p.Lower.Length > 3 && !SkipStarts.Contains(p.Lower) && !GenericHeads.Contains(p.Lower)
                && !p.Lower.EndsWith("ed", StringComparison.Ordinal) && !p.Lower.EndsWith("ly", StringComparison.Ordinal) && Possessed(tokens, first, start - 2))
            {
                start--;
                adjectives++;
                continue;
            }

            if (p.IsWord && !p.IsCap && adjectives == 0 && Premodifiers.Contains(p.Lower))
            {
                start--;
                adjectives++;
                continue;
            }

            break;
        }

        var end = i + 1;
        if (tokens[i].Lower == "presidium" && end + 2 < last && tokens[end].Lower == "of" && tokens[end + 1].Lower == "the" && tokens[end + 2].IsWord)
        {
            end += 3;
        }

        var generic = !possessed && (start == i || (start == i - 1 && !tokens[start].IsCap));
        return new BodyPhrase(start, end, i, Text(tokens, start, end), tokens[i].Lower, generic);
    }

    // Capitalised words back to a possessive "'s" after a capitalised name or a bare head: "Sweden's Social Democratic",
    // "the government's".
    private static bool Possessed(List<Token> tokens, int first, int k)
    {
        while (k >= first && tokens[k].IsCap && !SkipStarts.Contains(tokens[k].Lower))
        {
            k--;
        }

        return k - 1 >= first && tokens[k].Lower == "'s" && (tokens[k - 1].IsCap || GenericHeads.Contains(tokens[k - 1].Lower));
    }

    // "The BRICS group of emerging economies", "the G7 bloc", "OPEC+": the acronym names the body; "+" stays with it.
    private static BodyPhrase? Grouping(List<Token> tokens, int i, int last)
    {
        var t = tokens[i];
        if (!IsAcronym(t.Text))
        {
            return null;
        }

        var end = i + 1;
        var plus = end < last && tokens[end].Text == "+" && tokens[end].Start == t.End;
        if (plus)
        {
            end++;
        }

        var classified = end < last && tokens[end].IsWord && !tokens[end].IsCap && GroupingNouns.Contains(tokens[end].Lower);
        if (!plus && !classified)
        {
            return null;
        }

        return new BodyPhrase(i, end, i, plus ? t.Text + "+" : t.Text, classified ? tokens[end].Lower : "group", false);
    }

    /// <summary>"BRICS", "G20", "ASEAN": two or more characters, letters all upper case, starting with a letter.</summary>
    public static bool IsAcronym(string s) => s.Length >= 2 && s.All(c => char.IsUpper(c) || char.IsDigit(c)) && char.IsLetter(s[0]);

    public static bool IsOrdinal(string lower) => lower.Length >= 3 && char.IsDigit(lower[0]) && (lower.EndsWith("st", StringComparison.Ordinal) || lower.EndsWith("nd", StringComparison.Ordinal) || lower.EndsWith("rd", StringComparison.Ordinal) || lower.EndsWith("th", StringComparison.Ordinal));

    public static string Text(List<Token> tokens, int start, int end)
    {
        var sb = new StringBuilder();
        for (var k = start; k < end; k++)
        {
            var t = tokens[k];
            if (k > start && t.Lower != "'s" && t.Text != ")" && tokens[k - 1].Text != "(")
            {
                sb.Append(' ');
            }

            sb.Append(t.Text);
        }

        return sb.ToString();
    }
}

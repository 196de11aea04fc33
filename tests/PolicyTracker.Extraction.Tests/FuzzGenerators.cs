using System.Text;
using CsCheck;

namespace PolicyTracker.Extraction.Tests;

/// <summary>CsCheck generators for report-like and hostile text.</summary>
internal static class FuzzGenerators
{
    /// <summary>Words and marks the corpus reports are built from, so random text reaches the engine's
    /// interesting paths (headline, byline, dateline, chairs, calls for, adopted, dates) and not only its guards.</summary>
    private static readonly string[] Vocabulary =
    [
        "Xi Jinping", "Li Qiang", "Premier", "President", "General Secretary", "Zhao Leji", "Cai Qi", "Anthony Albanese",
        "chaired", "presided over", "attended", "addressed", "spoke at", "was absent from", "Xi Jinping Thought",
        "the meeting", "The meeting", "It", "He", "called for", "urged", "stressed", "demanded", "decided", "approved",
        "warned against", "required", "adopted", "reviewed", "reviewed and approved", "adopted in principle", "passed",
        "issued", "discussed", "deliberated", "a document on", "another one on", "a plan on", "a draft law on",
        "a guideline on", "the State Council", "executive meeting", "National Security Commission", "Political Bureau",
        "of the CPC Central Committee", "cabinet", "on Monday", "on Friday", "on May 30", "May 31", "Dec. 29", "2023",
        "2023-05-31", "31/05/2023", "BEIJING,", "(Xinhua)", "--", "—", "·", "Source:", "Xinhua News Agency", "Reuters",
        "Nguyễn Phú Trọng", "Tô Lâm", "Moon Jae-in", "O'Neil", "\"", "'", "(", ")", ",", ".", ";", ":", "and", "the",
        "to", "of", "efforts", "first", "20th", "2 billion", "yuan", "\n", "\n\n", "\r\n", "  ", "\t",
    ];

    /// <summary>Anything UTF-16 can hold: controls, NUL, lone surrogates, private use, noncharacters.</summary>
    public static readonly Gen<string> AnyString = Gen.Char.Array[0, 600].Select(chars => new string(chars));

    /// <summary>Text assembled from vocabulary, ASCII, controls, non-Latin letters and (valid or lone) surrogates.</summary>
    public static readonly Gen<string> ReportLikeString = Gen.Frequency(
            (8, Gen.OneOf(Vocabulary)),
            (3, Gen.Char[' ', '~'].Array[1, 8].Select(c => new string(c))),
            (1, Gen.Char['\0', '\u001F'].Select(c => c.ToString())),
            (1, Gen.Char['\u0080', '\u00FF'].Select(c => c.ToString())),
            (1, Gen.Char["中国国务院会议习近平한국어Ελληνικάالعربيةעברית\u200B\u200E\u202E\uFEFF\u00A0\u2028"].Select(c => c.ToString())),
            (1, Gen.OneOf("\U0001F600", "\U0001D400", "\uD83D", "\uDE00", "\uDFFF\uD800", "e\u0301", "\uFFFD", "\uFFFF")))
        .Array[0, 300]
        .Select(parts => string.Concat(parts.Select((p, i) => i % 3 == 2 ? p : p + " ")));

    /// <summary>A corpus report with one to eight line, word or punctuation edits.</summary>
    public static Gen<string> MutatedReport(IReadOnlyList<(string Name, string Text)> reports) =>
        Gen.Select(
            Gen.Int[0, reports.Count - 1],
            Gen.Select(Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int, Gen.Int, Gen.OneOf(Vocabulary), (op, unit, a, b, insert) => new Mutation((MutationOp)op, (MutationUnit)unit, a, b, insert)).Array[1, 8],
            (index, mutations) => Apply(reports[index].Text, mutations));

    /// <summary>Applies edits in order; positions wrap so every generated edit lands somewhere.</summary>
    public static string Apply(string text, IEnumerable<Mutation> mutations)
    {
        foreach (var mutation in mutations)
        {
            text = mutation.Unit switch
            {
                MutationUnit.Line => Edit(text, "\n", mutation),
                MutationUnit.Word => Edit(text, " ", mutation),
                _ => EditPunctuation(text, mutation),
            };
        }

        return text;
    }

    private static string Edit(string text, string separator, Mutation mutation)
    {
        var parts = text.Split(separator).ToList();
        var i = Index(mutation.A, parts.Count);
        var j = Index(mutation.B, parts.Count);
        switch (mutation.Op)
        {
            case MutationOp.Delete when parts.Count > 0:
                parts.RemoveAt(i);
                break;
            case MutationOp.Duplicate when parts.Count > 0:
                parts.Insert(i, parts[i]);
                break;
            case MutationOp.Swap when parts.Count > 1:
                (parts[i], parts[j]) = (parts[j], parts[i]);
                break;
            case MutationOp.Insert:
                parts.Insert(Index(mutation.A, parts.Count + 1), mutation.Insert);
                break;
        }

        return string.Join(separator, parts);
    }

    private static string EditPunctuation(string text, Mutation mutation)
    {
        const string Marks = ".,;:()\"'-—·";
        var positions = new List<int>();
        for (var k = 0; k < text.Length; k++)
        {
            if (Marks.Contains(text[k], StringComparison.Ordinal))
            {
                positions.Add(k);
            }
        }

        var builder = new StringBuilder(text);
        var mark = Marks[Index(mutation.B, Marks.Length)];
        if (mutation.Op == MutationOp.Insert || positions.Count == 0)
        {
            builder.Insert(Index(mutation.A, text.Length + 1), mark);
            return builder.ToString();
        }

        var at = positions[Index(mutation.A, positions.Count)];
        switch (mutation.Op)
        {
            case MutationOp.Delete:
                builder.Remove(at, 1);
                break;
            case MutationOp.Duplicate:
                builder.Insert(at, text[at]);
                break;
            default:
                var other = positions[Index(mutation.B, positions.Count)];
                (builder[at], builder[other]) = (text[other], text[at]);
                break;
        }

        return builder.ToString();
    }

    private static int Index(int random, int count) => count <= 0 ? 0 : (int)((uint)random % (uint)count);
}

/// <summary>What an edit does.</summary>
internal enum MutationOp
{
    Delete,
    Duplicate,
    Swap,
    Insert,
}

/// <summary>What an edit works on.</summary>
internal enum MutationUnit
{
    Line,
    Word,
    Punctuation,
}

/// <summary>One edit of a report; <see cref="A"/> and <see cref="B"/> are wrapped to valid positions.</summary>
internal readonly record struct Mutation(MutationOp Op, MutationUnit Unit, int A, int B, string Insert);

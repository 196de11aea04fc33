using PolicyTracker.Data.Editing;

namespace PolicyTracker.Web.Features.Editing;

// One run of report text with the same highlighting: the innermost fact covering it (if any),
// and whether it lies in the sentence of the selected fact.
public readonly record struct SourceSegment(int Start, int Length, string? Key, FactKind? Kind, bool Active, bool InSentence);

public static class SourceSegments
{
    public static IReadOnlyList<SourceSegment> Build(string text, IReadOnlyList<ReviewItem> items, string? activeKey, (int Start, int End)? sentence)
    {
        var facts = items
            .Where(i => !i.Removed && i.SpanLength > 0 && i.SpanEnd <= text.Length)
            .OrderBy(i => i.SpanStart).ThenByDescending(i => i.SpanLength)
            .ToList();
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var fact in facts)
        {
            cuts.Add(fact.SpanStart);
            cuts.Add(fact.SpanEnd);
        }

        if (sentence is { } s)
        {
            cuts.Add(Math.Clamp(s.Start, 0, text.Length));
            cuts.Add(Math.Clamp(s.End, 0, text.Length));
        }

        var segments = new List<SourceSegment>(cuts.Count);
        var open = new List<ReviewItem>();
        var next = 0;
        var previous = -1;
        foreach (var cut in cuts)
        {
            if (previous >= 0 && cut > previous)
            {
                open.RemoveAll(f => f.SpanEnd <= previous);
                while (next < facts.Count && facts[next].SpanStart <= previous)
                {
                    if (facts[next].SpanEnd > previous)
                    {
                        open.Add(facts[next]);
                    }

                    next++;
                }

                // The shortest covering fact is the most specific: a name inside a resolution.
                ReviewItem? inner = null;
                foreach (var f in open)
                {
                    if (f.SpanStart <= previous && f.SpanEnd >= cut && (inner is null || f.SpanLength < inner.SpanLength))
                    {
                        inner = f;
                    }
                }

                var inSentence = sentence is { } range && previous >= range.Start && cut <= range.End;
                segments.Add(new SourceSegment(previous, cut - previous, inner?.Key, inner?.Kind,
                    inner is not null && inner.Key == activeKey, inSentence));
            }

            previous = cut;
        }

        return segments;
    }

    // The sentence around a span: from after the previous full stop or blank line to the next.
    public static (int Start, int End) SentenceAround(string text, int start, int length)
    {
        start = Math.Clamp(start, 0, text.Length);
        var end = Math.Clamp(start + length, start, text.Length);
        var from = start;
        while (from > 0 && !IsBoundary(text, from - 1))
        {
            from--;
        }

        var to = end;
        while (to < text.Length && !IsBoundary(text, to))
        {
            to++;
        }

        if (to < text.Length && text[to] is '.' or '!' or '?')
        {
            to++;
        }

        while (from < start && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        return (from, to);
    }

    private static bool IsBoundary(string text, int i) =>
        text[i] == '\n'
        || (text[i] is '.' or '!' or '?' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]))
            && !(i >= 2 && char.IsUpper(text[i - 1]) && text[i - 2] == ' '));

    public static string CssClass(FactKind kind) => kind switch
    {
        FactKind.Person => "fact-person",
        FactKind.Body => "fact-body",
        FactKind.Date => "fact-date",
        FactKind.Resolution => "fact-resolution",
        _ => "fact-document",
    };
}

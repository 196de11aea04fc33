using System.Globalization;
using PolicyTracker.Data;

namespace PolicyTracker.Web.Components.Shared;

/// <summary>A fact's place in the text. <paramref name="Key"/> names the item it belongs to, where a
/// page selects facts (several spans may share one key: a meeting's body and date).</summary>
public sealed record FactSpan(int Start, int Length, FactKind Kind, string Label, string? Key = null);

/// <summary>One run of text with the same highlighting: the innermost fact covering it (if any),
/// whether it lies in the target range, and whether it lies in the sentence range.</summary>
public sealed record TextSegment(int Start, string Text, FactSpan? Fact, bool Target, bool InSentence);

/// <summary>Splits report text into plain-text segments at the edges of fact spans. Pages render each
/// segment's text as a text node, never as markup.</summary>
public static class Segmenter
{
    public static string CssClass(FactKind kind) => "fact-" + kind.ToString().ToLowerInvariant();

    /// <summary>Cuts the text at every span edge and at the edges of the target
    /// (<c>START, LENGTH</c>) and sentence (<c>START, END</c>) ranges. Where spans overlap, the
    /// innermost (shortest) one colours the piece, then the one starting first, then the one given
    /// first. Spans outside the text are clipped or dropped, never thrown on. With a
    /// <c>window</c> (<c>START, END</c>), only that stretch of the text is cut (a long report is
    /// shown a piece at a time); segment starts stay offsets into the whole text.</summary>
    public static IReadOnlyList<TextSegment> Split(
        string text,
        IEnumerable<FactSpan> spans,
        (int Start, int Length)? target = null,
        (int Start, int End)? sentence = null,
        (int Start, int End)? window = null)
    {
        var (from, to) = window is { } w ? Clip(text.Length, w.Start, w.End) : (0, text.Length);
        var clipped = new List<(int Start, int End, FactSpan Fact)>();
        foreach (var s in spans)
        {
            var (start, end) = Clip(text.Length, s.Start, (long)s.Start + s.Length);
            (start, end) = (Math.Max(start, from), Math.Min(end, to));
            if (end > start)
            {
                clipped.Add((start, end, s));
            }
        }

        (int Start, int End)? goal = null;
        if (target is { } t)
        {
            // A zero-length target still marks one character, so there is something to scroll to.
            var (start, end) = Clip(text.Length, t.Start, (long)t.Start + Math.Max(t.Length, 1));
            (start, end) = (Math.Max(start, from), Math.Min(end, to));
            if (end > start)
            {
                goal = (start, end);
            }
        }

        (int Start, int End)? around = null;
        if (sentence is { } r)
        {
            var (start, end) = Clip(text.Length, r.Start, r.End);
            (start, end) = (Math.Max(start, from), Math.Min(end, to));
            if (end > start)
            {
                around = (start, end);
            }
        }

        var edges = new SortedSet<int> { from, to };
        foreach (var c in clipped)
        {
            edges.Add(c.Start);
            edges.Add(c.End);
        }
        foreach (var range in new[] { goal, around })
        {
            if (range is { } g)
            {
                edges.Add(g.Start);
                edges.Add(g.End);
            }
        }

        var segments = new List<TextSegment>(edges.Count);
        var previous = -1;
        foreach (var edge in edges)
        {
            if (previous >= 0 && edge > previous)
            {
                (int Start, int End, FactSpan Fact)? inner = null;
                foreach (var c in clipped)
                {
                    if (c.Start <= previous && c.End >= edge
                        && (inner is not { } best
                            || c.End - c.Start < best.End - best.Start
                            || (c.End - c.Start == best.End - best.Start && c.Start < best.Start)))
                    {
                        inner = c;
                    }
                }
                segments.Add(new TextSegment(previous, text[previous..edge], inner?.Fact,
                    Within(goal, previous, edge), Within(around, previous, edge)));
            }
            previous = edge;
        }
        return segments;
    }

    /// <summary>The sentence around a span: from after the previous full stop or line break to the
    /// next, as <c>(START, END)</c>.</summary>
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

    /// <summary>Parses <c>START-LENGTH</c> as written by SourceLink.</summary>
    public static (int Start, int Length)? ParseSpan(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var parts = value.Split('-', 2);
        return parts.Length == 2
               && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var start)
               && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var length)
               && start >= 0 && length >= 0
            ? (start, length)
            : null;
    }

    private static bool Within((int Start, int End)? range, int start, int end) =>
        range is { } r && r.Start <= start && r.End >= end;

    private static bool IsBoundary(string text, int i) =>
        text[i] == '\n'
        || (text[i] is '.' or '!' or '?' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]))
            && !(i >= 2 && char.IsUpper(text[i - 1]) && text[i - 2] == ' '));

    private static (int Start, int End) Clip(int textLength, long start, long end)
    {
        var s = (int)Math.Clamp(start, 0, textLength);
        var e = (int)Math.Clamp(end, s, textLength);
        return (s, e);
    }
}

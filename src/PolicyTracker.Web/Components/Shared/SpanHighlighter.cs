namespace PolicyTracker.Web.Components.Shared;

public enum FactKind
{
    Person,
    Body,
    Date,
    Resolution,
    Document,
}

public sealed record FactSpan(int Start, int Length, FactKind Kind, string Label);

public sealed record TextSegment(int Start, string Text, FactSpan? Fact, bool Target);

public static class SpanHighlighter
{
    public static string CssClass(FactKind kind) => "fact-" + kind.ToString().ToLowerInvariant();

    /// <summary>Cuts the text at every span edge. Where spans overlap, the innermost (shortest) one
    /// colours the piece; spans outside the text are clipped or dropped, never thrown on.</summary>
    public static IReadOnlyList<TextSegment> Split(string text, IEnumerable<FactSpan> spans, (int Start, int Length)? target = null)
    {
        var clipped = new List<(int Start, int End, FactSpan Fact)>();
        foreach (var s in spans)
        {
            var (start, end) = Clip(text.Length, s.Start, s.Length);
            if (end > start)
            {
                clipped.Add((start, end, s));
            }
        }

        (int Start, int End)? goal = null;
        if (target is { } t)
        {
            // A zero-length target still marks one character, so there is something to scroll to.
            var (start, end) = Clip(text.Length, t.Start, Math.Max(t.Length, 1));
            if (end > start)
            {
                goal = (start, end);
            }
        }

        var edges = new SortedSet<int> { 0, text.Length };
        foreach (var c in clipped)
        {
            edges.Add(c.Start);
            edges.Add(c.End);
        }
        if (goal is { } g)
        {
            edges.Add(g.Start);
            edges.Add(g.End);
        }

        var segments = new List<TextSegment>();
        var previous = -1;
        foreach (var edge in edges)
        {
            if (previous >= 0 && edge > previous)
            {
                FactSpan? fact = null;
                var best = int.MaxValue;
                foreach (var c in clipped)
                {
                    if (c.Start <= previous && c.End >= edge && c.End - c.Start < best)
                    {
                        best = c.End - c.Start;
                        fact = c.Fact;
                    }
                }
                var inTarget = goal is { } h && h.Start <= previous && h.End >= edge;
                segments.Add(new TextSegment(previous, text[previous..edge], fact, inTarget));
            }
            previous = edge;
        }
        return segments;
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
               && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var start)
               && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var length)
               && start >= 0 && length >= 0
            ? (start, length)
            : null;
    }

    private static (int Start, int End) Clip(int textLength, int start, int length)
    {
        var s = Math.Clamp(start, 0, textLength);
        var e = (int)Math.Clamp((long)start + length, s, textLength);
        return (s, e);
    }
}

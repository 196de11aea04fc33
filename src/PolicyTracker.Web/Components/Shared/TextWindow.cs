namespace PolicyTracker.Web.Components.Shared;

/// <summary>Which stretch of a long report text a page shows. The text is cut into pieces of about
/// <see cref="PieceLength"/> characters at line breaks (or spaces), and a few neighbouring pieces
/// are shown at once: a 2 MB report rendered whole is tens of megabytes of HTML and a minute and a
/// half before the page answers. A text of one piece is shown whole, as before.</summary>
public sealed class TextWindow
{
    public const int PieceLength = 20_000;

    // Reading on adds pieces; beyond this many the far end is let go, so the page stays small.
    public const int MaxPieces = 4;

    private readonly List<(int Start, int End)> _pieces;

    public TextWindow(string text, int pieceLength = PieceLength)
    {
        Text = text;
        TextLength = text.Length;
        _pieces = Cut(text, pieceLength);
    }

    /// <summary>The whole text. Components take it through the window, never as a string
    /// parameter: Blazor writes string parameters into the render batch it sends the browser, so a
    /// 2 MB report would travel whole (once for every component given it) although a few pieces show.</summary>
    public string Text { get; }

    public int TextLength { get; }

    public int Count => _pieces.Count;

    public int First { get; private set; }

    public int Last { get; private set; }

    public bool IsWhole => First == 0 && Last == Count - 1;

    public (int Start, int End) Range => Count == 0 ? (0, 0) : (_pieces[First].Start, _pieces[Last].End);

    public (int Start, int End) Piece(int index) => _pieces[index];

    public bool Shows(int position) => position >= Range.Start && (position < Range.End || position == TextLength);

    /// <summary>The piece holding this character offset (the last piece for the end of the text).</summary>
    public int PieceOf(int position)
    {
        int lo = 0, hi = _pieces.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_pieces[mid].Start <= position)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>Shows the piece holding this offset (and the next, when the span runs on into it);
    /// false when it was already shown.</summary>
    public bool ShowAround(int position, int length = 0)
    {
        var start = Math.Clamp(position, 0, TextLength);
        var end = (int)Math.Clamp((long)position + Math.Max(length, 0), start, TextLength);
        if (Shows(start) && Shows(end))
        {
            return false;
        }

        First = PieceOf(start);
        Last = Math.Min(Math.Max(First, PieceOf(end)), First + MaxPieces - 1);
        return true;
    }

    public void ShowPiece(int index)
    {
        First = Last = Math.Clamp(index, 0, Math.Max(Count - 1, 0));
    }

    public void ShowEarlier()
    {
        if (First > 0)
        {
            First--;
            Last = Math.Min(Last, First + MaxPieces - 1);
        }
    }

    public void ShowLater()
    {
        if (Last < Count - 1)
        {
            Last++;
            First = Math.Max(First, Last - MaxPieces + 1);
        }
    }

    private static List<(int Start, int End)> Cut(string text, int pieceLength)
    {
        var pieces = new List<(int Start, int End)>();
        for (var start = 0; start < text.Length;)
        {
            var end = text.Length;
            if (text.Length - start > pieceLength * 3 / 2)
            {
                end = Boundary(text, start, start + pieceLength);
            }

            pieces.Add((start, end));
            start = end;
        }

        if (pieces.Count == 0)
        {
            pieces.Add((0, 0));
        }

        return pieces;
    }

    // After the last line break in the second half of the piece, else the last space; never
    // between the halves of a surrogate pair.
    private static int Boundary(string text, int start, int end)
    {
        var half = start + ((end - start) / 2);
        var at = text.LastIndexOf('\n', end - 1, end - half);
        if (at < 0)
        {
            at = text.LastIndexOf(' ', end - 1, end - half);
        }

        if (at >= 0)
        {
            return at + 1;
        }

        return char.IsLowSurrogate(text[end]) ? end - 1 : end;
    }
}

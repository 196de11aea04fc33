namespace PolicyTracker.Extraction.Text;

internal enum TokenKind
{
    /// <summary>The default token past either end of a range.</summary>
    None,
    Word,
    Number,
    Punct,
}

/// <summary>A token of the original text; Start/End are offsets into it.</summary>
internal readonly record struct Token(int Start, int End, string Text, string Lower, TokenKind Kind)
{
    public bool IsWord => Kind == TokenKind.Word;

    public bool IsCap => Kind == TokenKind.Word && Text is { Length: > 0 } && char.IsUpper(Text[0]);

    public bool IsPunct => Kind == TokenKind.Punct;

    public bool Is(string lower) => string.Equals(Lower, lower, StringComparison.Ordinal);
}

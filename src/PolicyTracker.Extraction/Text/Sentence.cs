namespace PolicyTracker.Extraction.Text;

/// <summary>Tokens [First, Last) of the document token list.</summary>
internal readonly record struct Sentence(int First, int Last)
{
    public int Count => Last - First;
}

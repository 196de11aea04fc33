using Xunit;

namespace PolicyTracker.TestSupport;

/// <summary>A fact that needs the shared corpus: reported as skipped, saying where it was looked for,
/// when <see cref="CorpusLocator"/> does not find it (neither passed nor failed).</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (CorpusLocator.Missing is { } reason)
        {
            Skip = reason;
        }
    }
}

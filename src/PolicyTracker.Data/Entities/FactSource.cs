namespace PolicyTracker.Data.Entities;

// One report's claim of a fact: where it says so, how sure the extractor was, and the editor's verdict.
// A fact two reports describe has two sources; counts count facts, never sources.
public abstract class FactSource : Entity
{
    public Guid SourceReportId { get; set; }

    public Report SourceReport { get; set; } = null!;

    public int SpanStart { get; set; }

    public int SpanLength { get; set; }

    public double Confidence { get; set; }

    // The extractor that found it; null for a claim an editor added.
    public string? ExtractorVersion { get; set; }

    public Verdict Verdict { get; set; }

    // Accepted by "accept all remaining" rather than one by one.
    public bool InBulk { get; set; }

    public string? VerdictBy { get; set; }

    public DateTimeOffset? VerdictAt { get; set; }
}

public abstract class FactSource<TFact> : FactSource
    where TFact : Fact
{
    public Guid FactId { get; set; }

    public TFact Fact { get; set; } = null!;
}

public sealed class ParticipationSource : FactSource<Participation>;

public sealed class ResolutionSource : FactSource<Resolution>;

public sealed class DocumentActionSource : FactSource<DocumentAction>;

namespace PolicyTracker.Extraction;

/// <summary>A half-open range of characters in the report text: [Start, Start + Length).</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The first character after the span.</summary>
    public int End => Start + Length;

    /// <summary>The span's text within <paramref name="text"/>.</summary>
    public string Of(string text) => text.Substring(Start, Length);
}

/// <summary>How a person took part in a meeting.</summary>
public enum ParticipantRole
{
    /// <summary>Chaired or presided over the meeting.</summary>
    Chair,

    /// <summary>Addressed or spoke at the meeting without chairing it.</summary>
    Speaker,

    /// <summary>Attended or was present.</summary>
    Attendee,
}

/// <summary>What a meeting did with a document.</summary>
public enum DocumentAction
{
    /// <summary>Adopted (including "adopted in principle").</summary>
    Adopted,

    /// <summary>Reviewed.</summary>
    Reviewed,

    /// <summary>Approved (including "reviewed and approved").</summary>
    Approved,

    /// <summary>Discussed.</summary>
    Discussed,

    /// <summary>Deliberated.</summary>
    Deliberated,

    /// <summary>Passed.</summary>
    Passed,

    /// <summary>Issued.</summary>
    Issued,
}

/// <summary>The report's own header: headline, outlet and publication date.</summary>
public sealed record ReportHeader(
    string? Headline,
    TextSpan? HeadlineSpan,
    string? Outlet,
    TextSpan? OutletSpan,
    DateOnly? Published,
    TextSpan? PublishedSpan);

/// <summary>A person present at a meeting.</summary>
/// <param name="Name">Canonical full name without titles ("Li Qiang").</param>
/// <param name="Role">Chair, speaker or attendee.</param>
/// <param name="TitleAsWritten">The title the report gives the person, if any ("Premier").</param>
/// <param name="Span">Where the name first appears as a participant.</param>
/// <param name="Confidence">0..1.</param>
public sealed record ExtractedParticipant(string Name, ParticipantRole Role, string? TitleAsWritten, TextSpan Span, double Confidence);

/// <summary>A directive the meeting or its chair issued.</summary>
/// <param name="Text">The clause after the directive verb, without the verb.</param>
/// <param name="Verb">The verb as written ("called for").</param>
/// <param name="IssuedBy">"meeting" or the chair's canonical name.</param>
/// <param name="Span">Span of <paramref name="Text"/>.</param>
/// <param name="Confidence">0..1.</param>
public sealed record ExtractedResolution(string Text, string Verb, string? IssuedBy, TextSpan Span, double Confidence);

/// <summary>A document the meeting acted on.</summary>
/// <param name="Title">Title-like phrase ("guideline on ...").</param>
/// <param name="Kind">guideline, plan, law, regulation, opinion, report, document, ...</param>
/// <param name="Action">What the meeting did with it.</param>
/// <param name="Span">Span of the title (or of the coreferring phrase).</param>
/// <param name="Confidence">0..1.</param>
public sealed record ExtractedDocument(string Title, string? Kind, DocumentAction Action, TextSpan Span, double Confidence);

/// <summary>One meeting described by the report.</summary>
public sealed record ExtractedMeeting(
    string? Body,
    IReadOnlyList<string> BodyAliases,
    TextSpan? BodySpan,
    string? Session,
    DateOnly? Date,
    TextSpan? DateSpan,
    string? Location,
    TextSpan Span,
    double Confidence,
    IReadOnlyList<ExtractedParticipant> Participants,
    IReadOnlyList<ExtractedResolution> Resolutions,
    IReadOnlyList<ExtractedDocument> Documents);

/// <summary>Everything extracted from one report.</summary>
public sealed record ReportExtraction(ReportHeader Report, IReadOnlyList<ExtractedMeeting> Meetings, string ExtractorVersion);

using PolicyTracker.Extraction;

namespace PolicyTracker.IntegrationTests.Data;

// Hand-built extractions, so importer tests do not depend on what the engine finds today.
internal static class Extractions
{
    public const string NationalSecurityCommission = """
        Xi Jinping chairs meeting of the national security commission
          ·  2023-05-31  ·   Source: Test Wire

        BEIJING, May 30 (Test Wire) -- Xi Jinping, general secretary, chaired the first meeting of the National Security Commission on Tuesday. Li Qiang, Premier, and Cai Qi attended the meeting.

        The meeting called for a new security architecture and stronger early-warning systems.

        The meeting adopted a guideline on building a safe city and reviewed a plan on data security.
        """;

    public static readonly DateOnly CommissionDate = new(2023, 5, 30);

    public static ReportExtraction Commission(string text, DateOnly? date = null, string body = "National Security Commission") =>
        Build(
            text,
            body,
            date ?? CommissionDate,
            participants:
            [
                ("Xi Jinping", ParticipantRole.Chair, "general secretary"),
                ("Li Qiang", ParticipantRole.Attendee, "Premier"),
                ("Cai Qi", ParticipantRole.Attendee, null),
            ],
            resolutions: ["a new security architecture and stronger early-warning systems"],
            documents:
            [
                ("guideline on building a safe city", "guideline", DocumentAction.Adopted),
                ("plan on data security", "plan", DocumentAction.Reviewed),
            ],
            aliases: ["Central National Security Commission"]);

    public static ReportExtraction Build(
        string text,
        string body,
        DateOnly? date,
        (string Name, ParticipantRole Role, string? Title)[] participants,
        string[] resolutions,
        (string Title, string Kind, DocumentAction Action)[] documents,
        string[]? aliases = null) =>
        new(
            new ReportHeader(text.Split('\n')[0].Trim(), null, "Test Wire", null, date, null),
            [
                new ExtractedMeeting(
                    body,
                    aliases ?? [],
                    Span(text, body),
                    "first meeting",
                    date,
                    null,
                    null,
                    new TextSpan(0, text.Length),
                    0.9,
                    [.. participants.Select(p => new ExtractedParticipant(p.Name, p.Role, p.Title, Span(text, p.Name), 0.95))],
                    [.. resolutions.Select(r => new ExtractedResolution(r, "called for", "meeting", Span(text, r), 0.8))],
                    [.. documents.Select(d => new ExtractedDocument(d.Title, d.Kind, d.Action, Span(text, d.Title), 0.85))]),
            ],
            "test-1");

    public static TextSpan Span(string text, string phrase)
    {
        var start = text.IndexOf(phrase, StringComparison.Ordinal);
        return start < 0 ? new TextSpan(0, 0) : new TextSpan(start, phrase.Length);
    }
}

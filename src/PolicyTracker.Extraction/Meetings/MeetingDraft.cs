namespace PolicyTracker.Extraction.Meetings;

/// <summary>A meeting being assembled.</summary>
internal sealed class MeetingDraft
{
    public string? Body { get; set; }

    public List<string> Aliases { get; } = [];

    public TextSpan? BodySpan { get; set; }

    public string? Session { get; set; }

    public string Kind { get; set; } = "meeting";

    public int IntroSentence { get; set; }

    public int IntroToken { get; set; }

    public DateOnly? Date { get; set; }

    public TextSpan? DateSpan { get; set; }

    public string? Location { get; set; }

    public TextSpan Span { get; set; }

    public double Confidence { get; set; } = 0.8;

    public List<ParticipantDraft> Participants { get; } = [];

    public List<ExtractedResolution> Resolutions { get; } = [];

    public List<DocumentDraft> Documents { get; } = [];

    public string? Chair => Participants.Find(p => p.Role == ParticipantRole.Chair)?.Name;

    public string? ChairTitle => Participants.Find(p => p.Role == ParticipantRole.Chair)?.Title;

    public void AddParticipant(string name, ParticipantRole role, string? title, TextSpan span, double confidence)
    {
        var existing = Participants.Find(p => string.Equals(p.Name, name, StringComparison.Ordinal));
        if (existing is null)
        {
            Participants.Add(new ParticipantDraft { Name = name, Role = role, Title = title, Span = span, Confidence = confidence });
            return;
        }

        // Chair outranks speaker, speaker outranks attendee.
        if (role < existing.Role)
        {
            existing.Role = role;
        }

        existing.Title ??= title;
    }
}

/// <summary>A participant being assembled.</summary>
internal sealed class ParticipantDraft
{
    public string Name { get; set; } = string.Empty;

    public ParticipantRole Role { get; set; }

    public string? Title { get; set; }

    public TextSpan Span { get; set; }

    public double Confidence { get; set; }
}

/// <summary>A document being assembled.</summary>
internal sealed class DocumentDraft
{
    public string Title { get; set; } = string.Empty;

    public string? Kind { get; set; }

    public DocumentAction? Action { get; set; }

    public TextSpan Span { get; set; }

    public double Confidence { get; set; } = 0.8;

    public int Meeting { get; set; } = -1;
}

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

    // "Fumio KISHIDA" in a caption and "Fumio Kishida" in the text are one person.
    private readonly Dictionary<string, ParticipantDraft> _byName = new(StringComparer.OrdinalIgnoreCase);

    private string? _bodyKey;

    /// <summary>Comparison key of <see cref="Body"/>.</summary>
    public string BodyKey => _bodyKey ??= Body is null ? string.Empty : Bodies.BodyGazetteer.Key(Body);

    /// <summary>Keys of the bodies this meeting was named after when its body is one of theirs ("the party
    /// group of the State Council"): a later "the meeting of the State Council's group" finds it.</summary>
    public HashSet<string> MemberKeys { get; } = new(StringComparer.Ordinal);

    public List<ExtractedResolution> Resolutions { get; } = [];

    public HashSet<TextSpan> ResolutionSpans { get; } = [];

    public List<DocumentDraft> Documents { get; } = [];

    public string? Chair => ChairDraft?.Name;

    public string? ChairTitle => ChairDraft?.Title;

    private ParticipantDraft? ChairDraft { get; set; }

    public ParticipantDraft? Find(string name) => _byName.GetValueOrDefault(name);

    public void AddParticipant(string name, ParticipantRole role, string? title, TextSpan span, double confidence)
    {
        if (!_byName.TryGetValue(name, out var existing))
        {
            var draft = new ParticipantDraft { Name = name, Role = role, Title = title, Span = span, Confidence = confidence };
            Participants.Add(draft);
            _byName[name] = draft;
            if (role == ParticipantRole.Chair)
            {
                ChairDraft ??= draft;
            }

            return;
        }

        // Chair outranks speaker, speaker outranks attendee.
        if (role < existing.Role)
        {
            existing.Role = role;
            if (role == ParticipantRole.Chair)
            {
                ChairDraft ??= existing;
            }
        }

        existing.Title ??= title;

        // Keep the spelling in ordinary case: "Fumio Kishida", not "Fumio KISHIDA".
        if (CapitalWords(name) < CapitalWords(existing.Name))
        {
            existing.Name = name;
        }
    }

    private static int CapitalWords(string name) => name.Split(' ').Count(w => w.Length >= 2 && w.All(c => !char.IsLetter(c) || char.IsUpper(c)));
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

    /// <summary>The meeting was only briefed on it: it is the meeting's document (discussed) unless the
    /// report says another meeting acted on it.</summary>
    public bool FromBriefing { get; set; }

    public TextSpan Span { get; set; }

    public double Confidence { get; set; } = 0.8;

    public int Meeting { get; set; } = -1;

    /// <summary>Content words of the title, for spotting the same document named twice.</summary>
    public HashSet<string>? TitleKey { get; set; }
}

using PolicyTracker.Extraction.Bodies;
using PolicyTracker.Extraction.Dates;
using PolicyTracker.Extraction.People;
using PolicyTracker.Extraction.Text;

namespace PolicyTracker.Extraction.Meetings;

/// <summary>Everything computed about one report during one call. Never shared between calls.</summary>
internal sealed class Analysis
{
    public Analysis(string text, List<Token> tokens, List<Sentence> sentences, DateOnly? reference)
    {
        Text = text;
        Tokens = tokens;
        Sentences = sentences;
        Reference = reference;
        Names = new List<NameCandidate>[sentences.Count];
        Bodies = new List<BodyPhrase>[sentences.Count];
        Dates = new List<DateMention>[sentences.Count];
        SentenceMeeting = new int[sentences.Count];
    }

    public string Text { get; }

    public List<Token> Tokens { get; }

    public List<Sentence> Sentences { get; }

    public DateOnly? Reference { get; }

    /// <summary>The date the headline names, if any.</summary>
    public DateOnly? HeadlineDate { get; init; }

    public PersonRegistry Registry { get; } = new();

    public List<NameCandidate>[] Names { get; }

    public List<BodyPhrase>[] Bodies { get; }

    public List<DateMention>[] Dates { get; }

    /// <summary>Index into <see cref="Meetings"/> of the meeting each sentence talks about.</summary>
    public int[] SentenceMeeting { get; }

    public List<MeetingDraft> Meetings { get; } = [];

    /// <summary>The person each sentence's subject refers to, for "he"/"she" in the next one.</summary>
    public string?[] SubjectPerson { get; set; } = [];

    /// <summary>Document-like phrases seen so far, for "the two drafts".</summary>
    public List<DocumentDraft> DocumentMentions { get; } = [];

    /// <summary>First tokens of names a meeting rule already gave a role ("X and Y respectively chaired ..."):
    /// the participant stage leaves them alone.</summary>
    public HashSet<int> AssignedNames { get; } = [];

    /// <summary>A sentence that opened several meetings (s, meeting) besides the one in <see cref="SentenceMeeting"/>:
    /// its people take the same roles at each.</summary>
    public List<(int Sentence, int Meeting)> SharedSentences { get; } = [];

    public Token Tok(int i) => Tokens[i];

    private readonly Dictionary<string, string> _canonical = new(StringComparer.Ordinal);

    /// <summary>Canonical body name, memoised: context look-ups scan the whole text.</summary>
    public string CanonicalBody(string written)
    {
        if (!_canonical.TryGetValue(written, out var canonical))
        {
            canonical = BodyGazetteer.Default.Canonicalize(written, Text);
            _canonical[written] = canonical;
        }

        return canonical;
    }
}

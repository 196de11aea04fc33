using PolicyTracker.Extraction.Bodies;
using PolicyTracker.Extraction.Dates;
using PolicyTracker.Extraction.Layout;
using PolicyTracker.Extraction.Meetings;
using PolicyTracker.Extraction.People;
using PolicyTracker.Extraction.Resolutions;
using PolicyTracker.Extraction.Text;

namespace PolicyTracker.Extraction;

/// <summary>Turns report text into meetings, participants, resolutions and documents.
/// Deterministic, thread-safe, and never throws on any string.</summary>
public sealed class ReportExtractor
{
    /// <summary>Bumped whenever a change alters what is extracted; stored with every record.</summary>
    public const string Version = "1.8.0";

    /// <summary>The shared instance; the extractor holds no per-call state.</summary>
    public static ReportExtractor Default { get; } = new();

    /// <summary>Extracts everything the report describes.</summary>
    public ReportExtraction Extract(string? text) => Extract(text, null);

    /// <summary>Extracts everything the report describes. <paramref name="published"/> is the publication date known
    /// from outside the text (the editor's, a feed's, or today for a report entered now): a dateline without a year
    /// ("BEIJING, March 5 --") takes its year from it when the text gives no date of its own in a byline.</summary>
    public ReportExtraction Extract(string? text, DateOnly? published)
    {
        text ??= string.Empty;
        try
        {
            return Run(text, published);
        }
#pragma warning disable CA1031 // The contract is to never throw: a defect must cost one report's meetings, not the caller.
        catch (Exception)
        {
            try
            {
                return new ReportExtraction(HeaderParser.Parse(text, published).Header, [], Version);
            }
            catch (Exception)
            {
                return new ReportExtraction(new ReportHeader(null, null, null, null, null, null), [], Version);
            }
        }
#pragma warning restore CA1031
    }

    private static ReportExtraction Run(string text, DateOnly? published)
    {
        List<Token>? bodyTokens = null;
        var bodyTokensStart = -1;
        var layout = HeaderParser.Parse(text, start =>
        {
            bodyTokens = Tokenizer.Tokenize(text, start, text.Length);
            bodyTokensStart = start;
            return bodyTokens;
        }, published);
        var tokens = bodyTokens is not null && bodyTokensStart == layout.BodyStart ? bodyTokens : Tokenizer.Tokenize(text, layout.BodyStart, text.Length);
        var sentences = SentenceSplitter.Split(text, tokens);
        var a = new Analysis(text, tokens, sentences, layout.Reference) { HeadlineDate = layout.HeadlineDate };

        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            a.Bodies[s] = BodyPhraseFinder.Find(tokens, sentence.First, sentence.Last);
            a.Dates[s] = [];
            DateResolver.Find(tokens, sentence.First, sentence.Last, layout.Reference, a.Dates[s]);
            foreach (var n in NameFinder.Find(tokens, sentence.First, sentence.Last, null))
            {
                if (n.Last - n.First >= 2)
                {
                    a.Registry.Add(n.Name, tokens[n.First].Start);
                }
            }
        }

        for (var s = 0; s < sentences.Count; s++)
        {
            a.Names[s] = NameFinder.Find(tokens, sentences[s].First, sentences[s].Last, a.Registry);
        }

        MeetingDetector.Detect(a);
        SubjectResolver.ComputeSubjects(a);
        ParticipantExtractor.Extract(a);
        StatementSpeakers.Extract(a);
        MeetingDates.Assign(a);
        LocationFinder.Assign(a);
        ClauseExtractor.Extract(a);
        return Build(layout.Header, a);
    }

    private static ReportExtraction Build(ReportHeader header, Analysis a)
    {
        var meetings = new List<ExtractedMeeting>(a.Meetings.Count);
        foreach (var m in a.Meetings)
        {
            var participants = m.Participants
                .Select(p => new ExtractedParticipant(p.Name, p.Role, p.Title, p.Span, p.Confidence))
                .ToList();
            var documents = m.Documents
                .Where(d => d.Action is not null)
                .Select(d => new ExtractedDocument(d.Title, d.Kind, d.Action!.Value, d.Span, d.Confidence))
                .ToList();
            meetings.Add(new ExtractedMeeting(
                m.Body,
                m.Aliases.ToList(),
                m.BodySpan,
                m.Session,
                m.Date,
                m.DateSpan,
                m.Location,
                m.Span,
                m.Confidence,
                participants,
                m.Resolutions.ToList(),
                documents));
        }

        _ = BodyGazetteer.Default;
        return new ReportExtraction(header, meetings, Version);
    }
}

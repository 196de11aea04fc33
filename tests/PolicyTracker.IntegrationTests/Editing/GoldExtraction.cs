using System.Text.Json;
using PolicyTracker.Extraction;
using PolicyTracker.TestSupport;

namespace PolicyTracker.IntegrationTests.Editing;

// Extractions built from the corpus's hand-checked gold files, with spans found in the text,
// so review tests have realistic data whatever the real engine finds. The corpus is found by
// CorpusLocator; tests that use it are [CorpusFact]s, skipped when it is missing.
internal static class GoldExtraction
{
    public static string CorpusDirectory => CorpusLocator.RequireReportsDirectory();

    public static string Text(string name) => File.ReadAllText(Path.Combine(CorpusDirectory, name + ".txt"));

    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(CorpusDirectory, "*.gold.json").Select(f => Path.GetFileName(f)[..^".gold.json".Length]).Order();

    public static ReportExtraction For(string name, string text, int offset = 0) =>
        Build(File.ReadAllText(Path.Combine(CorpusDirectory, name + ".gold.json")), text, offset);

    // The gold annotation of one report whose text starts at `offset` inside `text`.
    public static ReportExtraction Build(string goldJson, string text, int offset = 0)
    {
        using var gold = JsonDocument.Parse(goldJson);
        var root = gold.RootElement;
        var report = root.GetProperty("report");
        var meetings = new List<ExtractedMeeting>();
        foreach (var m in root.GetProperty("meetings").EnumerateArray())
        {
            var body = Str(m, "body");
            var participants = m.GetProperty("participants").EnumerateArray().Select(p =>
            {
                var name = p.GetProperty("name").GetString()!;
                var role = Str(p, "role") switch
                {
                    "chair" => ParticipantRole.Chair,
                    "speaker" => ParticipantRole.Speaker,
                    _ => ParticipantRole.Attendee,
                };
                var span = Find(text, offset, name) ?? Find(text, offset, name.Split(' ')[^1]) ?? new TextSpan(offset, 0);
                return new ExtractedParticipant(name, role, TitleBefore(text, span), span, 0.55 + (0.4 * Fraction(name)));
            }).ToList();
            var resolutions = m.GetProperty("resolutions").EnumerateArray().Select(r =>
            {
                var t = r.GetString()!;
                return new ExtractedResolution(t, "called for", "meeting", Find(text, offset, t) ?? new TextSpan(offset, 0), 0.5 + (0.45 * Fraction(t)));
            }).ToList();
            var documents = m.GetProperty("documents").EnumerateArray().Select(d =>
            {
                var title = d.GetProperty("title").GetString()!;
                var action = Enum.TryParse<DocumentAction>(Str(d, "action"), ignoreCase: true, out var a) ? a : DocumentAction.Adopted;
                return new ExtractedDocument(title, title.Split(' ')[0], action, Find(text, offset, title) ?? new TextSpan(offset, 0), 0.6 + (0.35 * Fraction(title)));
            }).ToList();
            var aliases = m.TryGetProperty("body_aliases", out var al) && al.ValueKind == JsonValueKind.Array
                ? al.EnumerateArray().Select(a => a.GetString()!).ToList()
                : [];
            DateOnly? date = DateOnly.TryParse(Str(m, "date"), out var parsed) ? parsed : null;
            meetings.Add(new ExtractedMeeting(body, aliases, body is null ? null : Find(text, offset, body), Str(m, "session"), date, null,
                Str(m, "location"), new TextSpan(offset, 0), 0.9, participants, resolutions, documents));
        }

        DateOnly? published = DateOnly.TryParse(Str(report, "published"), out var p) ? p : null;
        return new ReportExtraction(new ReportHeader(Str(report, "headline"), null, Str(report, "outlet"), null, published, null), meetings, "gold-test");
    }

    private static TextSpan? Find(string text, int offset, string phrase)
    {
        var at = text.IndexOf(phrase, offset, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : new TextSpan(at, phrase.Length);
    }

    // "Premier Li Qiang": the capitalised words right before the name.
    private static string? TitleBefore(string text, TextSpan span)
    {
        var start = span.Start;
        var words = new List<string>();
        var end = start;
        while (words.Count < 3)
        {
            var stop = end - 1;
            while (stop >= 0 && text[stop] == ' ')
            {
                stop--;
            }

            var begin = stop;
            while (begin >= 0 && char.IsLetter(text[begin]))
            {
                begin--;
            }

            var word = stop > begin ? text[(begin + 1)..(stop + 1)] : string.Empty;
            if (word.Length == 0 || !char.IsUpper(word[0]))
            {
                break;
            }

            words.Insert(0, word);
            end = begin + 1;
        }

        return words.Count == 0 ? null : string.Join(' ', words);
    }

    // A stable pseudo-confidence per phrase, so the table shows a spread of values.
    private static double Fraction(string s) => s.Length % 7 / 6.0;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

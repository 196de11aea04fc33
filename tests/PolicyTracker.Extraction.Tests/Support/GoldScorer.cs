using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PolicyTracker.Extraction.Json;

namespace PolicyTracker.Extraction.Tests.Support;

/// <summary>
/// The measures of <c>../shared/eval/score.py</c>, in C#, so a test can gate a folder of gold files
/// without python: the same folding, stems, stop words and title words, the same greedy matching
/// (ties broken as python's descending tuple sort breaks them) and the same thresholds. Keep it in
/// step with score.py; <c>GoldScorerTests</c> pins the cases where the two could drift apart.
/// </summary>
internal static partial class GoldScorer
{
    private static readonly HashSet<string> Titles =
    [
        "president", "premier", "vice", "chairman", "chairwoman", "chair", "general", "secretary",
        "comrade", "mr", "mrs", "ms", "dr", "minister", "prime", "state", "councilor", "councillor",
        "member", "members", "deputy", "head", "chief", "director", "governor", "mayor", "chancellor",
        "sir", "madam", "party", "leader", "senior", "first", "executive",
    ];

    private static readonly HashSet<string> Stop =
    [
        "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "as", "its",
        "their", "be", "being", "been", "is", "are", "was", "were", "that", "this", "these", "those",
        "it", "from", "into", "more", "further", "efforts", "effort", "which", "while", "also", "so",
        "such", "should", "must", "will", "would", "can", "could", "has", "have", "had", "all", "both",
    ];

    private static readonly HashSet<string> OrgWords = Stems(
        "council councils committee committees commission commissions bureau cabinet government ministry "
        + "conference session sessions group assembly congress chairpersons chairperson board party office "
        + "leading standing secretariat presidium politburo league union meeting forum");

    private static readonly HashSet<string> GenericDocWords = Stems(
        "draft drafts amendment amendments law laws regulation regulations plan plans guideline guidelines "
        + "opinion opinions document documents report reports revise revised revision revising implement "
        + "implementing implementation measure measures provision provisions rule rules work decision "
        + "decisions resolution resolutions notice program programme policy policies strategy outline "
        + "china chinese national state council central committee party cpc");

    /// <summary>Scores predictions against gold, report by report; a missing prediction is an empty one.</summary>
    public static GoldScore Score(IEnumerable<(string Name, CorpusReport Gold, CorpusReport? Predicted)> reports)
    {
        var tallies = new Dictionary<string, Tally> { ["participants"] = new(), ["resolutions"] = new(), ["documents"] = new() };
        var accuracies = new[] { "body", "date", "chair", "role", "doc_action", "meeting_count", "published", "parsed" }
            .ToDictionary(k => k, _ => new Accuracy());
        var lines = new List<string>();
        var count = 0;
        foreach (var (name, gold, predicted) in reports)
        {
            count++;
            accuracies["parsed"].Add(predicted is not null);
            var gm = gold.Meetings;
            var pm = predicted?.Meetings ?? [];
            accuracies["meeting_count"].Add(gm.Count == pm.Count);
            accuracies["published"].Add(gold.Report.Published == predicted?.Report.Published);
            var before = tallies.ToDictionary(t => t.Key, t => (t.Value.Tp, t.Value.Fp, t.Value.Fn));

            var pairs = GreedyMatch(gm, pm, MeetingSimilarity, 0.5);
            foreach (var (gi, pi) in pairs)
            {
                var g = gm[gi];
                var p = pm[pi];
                accuracies["body"].Add(BodyMatch(g, p.Body));
                accuracies["date"].Add(g.Date == p.Date);
                accuracies["chair"].Add(ChairOf(g) == ChairOf(p));
                var gp = ParticipantsOf(g);
                var pp = ParticipantsOf(p);
                var both = gp.Keys.Where(pp.ContainsKey).ToList();
                tallies["participants"].Add(both.Count, pp.Count - both.Count, gp.Count - both.Count);
                foreach (var n in both)
                {
                    accuracies["role"].Add(gp[n] == pp[n]);
                }

                var rm = GreedyMatch(g.Resolutions.Select(Content).ToList(), p.Resolutions.Select(Content).ToList(), TextSimilarity, 0.5);
                tallies["resolutions"].Add(rm.Count, p.Resolutions.Count - rm.Count, g.Resolutions.Count - rm.Count);
                var dm = GreedyMatch(g.Documents.Select(d => Content(d.Title)).ToList(), p.Documents.Select(d => Content(d.Title)).ToList(), DocumentSimilarity, 0.6);
                tallies["documents"].Add(dm.Count, p.Documents.Count - dm.Count, g.Documents.Count - dm.Count);
                foreach (var (gd, pd) in dm)
                {
                    accuracies["doc_action"].Add(g.Documents[gd].Action == p.Documents[pd].Action);
                }
            }

            var matchedGold = pairs.Select(x => x.Gold).ToHashSet();
            var matchedPredicted = pairs.Select(x => x.Predicted).ToHashSet();
            for (var gi = 0; gi < gm.Count; gi++)
            {
                if (!matchedGold.Contains(gi))
                {
                    accuracies["body"].Add(false);
                    accuracies["date"].Add(false);
                    accuracies["chair"].Add(false);
                    tallies["participants"].Add(0, 0, ParticipantsOf(gm[gi]).Count);
                    tallies["resolutions"].Add(0, 0, gm[gi].Resolutions.Count);
                    tallies["documents"].Add(0, 0, gm[gi].Documents.Count);
                }
            }

            for (var pi = 0; pi < pm.Count; pi++)
            {
                if (!matchedPredicted.Contains(pi))
                {
                    tallies["participants"].Add(0, ParticipantsOf(pm[pi]).Count, 0);
                    tallies["resolutions"].Add(0, pm[pi].Resolutions.Count, 0);
                    tallies["documents"].Add(0, pm[pi].Documents.Count, 0);
                }
            }

            lines.Add($"{name,-45} meetings {pm.Count}/{gm.Count}  " + string.Join("  ", tallies.Select(t =>
                $"{t.Key[..4]} tp={t.Value.Tp - before[t.Key].Tp} fp={t.Value.Fp - before[t.Key].Fp} fn={t.Value.Fn - before[t.Key].Fn}")));
        }

        var figures = new Dictionary<string, double>();
        foreach (var (key, tally) in tallies)
        {
            var (precision, recall, f1) = tally.Prf();
            figures[key + "_precision"] = Round(precision);
            figures[key + "_recall"] = Round(recall);
            figures[key + "_f1"] = Round(f1);
        }

        foreach (var (key, accuracy) in accuracies)
        {
            figures[key + "_acc"] = Round(accuracy.Value);
        }

        return new GoldScore(count, figures, lines);
    }

    public static string Fold(string? text)
    {
        var decomposed = (text ?? "").Normalize(NormalizationForm.FormKD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                kept.Append(c);
            }
        }

        var lowered = kept.ToString().ToLowerInvariant().Replace('\u2019', '\'');
        return Spaces().Replace(NotWordChars().Replace(lowered, " "), " ").Trim();
    }

    public static string NormalizeName(string name) =>
        string.Join(' ', Fold(name).Replace("'", "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Titles.Contains(w)));

    public static string Stem(string w)
    {
        foreach (var suffix in (string[])["ing", "ed", "es", "s"])
        {
            if (w.Length > suffix.Length + 3 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                return w[..^suffix.Length];
            }
        }

        return w;
    }

    public static HashSet<string> Content(string? text) =>
        Fold(text).Replace("'", "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Stop.Contains(w)).Select(Stem).ToHashSet();

    public static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1.0;
        }

        var both = a.Count(b.Contains);
        return (double)both / (a.Count + b.Count - both);
    }

    /// <summary>score.py's text_sim: Jaccard, raised to 0.6 when the prediction holds nearly all gold words and is not mostly something else.</summary>
    public static double TextSimilarity(HashSet<string> gold, HashSet<string> predicted)
    {
        var j = Jaccard(gold, predicted);
        if (gold.Count > 0 && predicted.Count > 0)
        {
            var both = gold.Count(predicted.Contains);
            if ((double)both / gold.Count >= 0.8 && (double)both / predicted.Count >= 0.4)
            {
                j = Math.Max(j, 0.6);
            }
        }

        return j;
    }

    public static double DocumentSimilarity(HashSet<string> gold, HashSet<string> predicted)
    {
        var goldKey = gold.Where(w => !GenericDocWords.Contains(w)).ToHashSet();
        if (goldKey.Count > 0 && (double)goldKey.Count(predicted.Contains) / goldKey.Count < 0.5)
        {
            return 0.0;
        }

        return TextSimilarity(gold, predicted);
    }

    public static bool BodyMatch(CorpusMeeting gold, string? predictedBody)
    {
        var p = Content(predictedBody);
        if (p.Count == 0)
        {
            return false;
        }

        foreach (var name in gold.BodyAliases.Prepend(gold.Body ?? ""))
        {
            var g = Content(name);
            if (g.Count == 0)
            {
                continue;
            }

            if (Jaccard(p, g) >= 0.75 || (g.IsSubsetOf(p) && !p.Except(g).Any(OrgWords.Contains)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Pairs matched greedily by descending similarity, each used once; ties go to the higher indices, as python's <c>sort(reverse=True)</c> of (s, gi, pi) orders them.</summary>
    public static List<(int Gold, int Predicted)> GreedyMatch<T>(IReadOnlyList<T> gold, IReadOnlyList<T> predicted, Func<T, T, double> similarity, double threshold)
    {
        var pairs = new List<(double S, int Gi, int Pi)>();
        for (var gi = 0; gi < gold.Count; gi++)
        {
            for (var pi = 0; pi < predicted.Count; pi++)
            {
                var s = similarity(gold[gi], predicted[pi]);
                if (s >= threshold)
                {
                    pairs.Add((s, gi, pi));
                }
            }
        }

        pairs.Sort((x, y) => y.CompareTo(x));
        var usedGold = new HashSet<int>();
        var usedPredicted = new HashSet<int>();
        var matched = new List<(int, int)>();
        foreach (var (_, gi, pi) in pairs)
        {
            if (usedGold.Contains(gi) || usedPredicted.Contains(pi))
            {
                continue;
            }

            usedGold.Add(gi);
            usedPredicted.Add(pi);
            matched.Add((gi, pi));
        }

        return matched;
    }

    private static double MeetingSimilarity(CorpusMeeting g, CorpusMeeting p)
    {
        var s = 0.0;
        if (BodyMatch(g, p.Body))
        {
            s += 1.0;
        }

        if (g.Date is not null && g.Date == p.Date)
        {
            s += 1.0;
        }

        var gp = ParticipantsOf(g).Keys.ToHashSet();
        var pp = ParticipantsOf(p).Keys.ToHashSet();
        s += gp.Count > 0 || pp.Count > 0 ? Jaccard(gp, pp) : 0.0;
        s += 0.5 * Jaccard(Content(string.Join(' ', g.Resolutions)), Content(string.Join(' ', p.Resolutions)));
        return s;
    }

    /// <summary>Normalised name to role, first mention first (python's dict.setdefault keeps insertion order and the first role).</summary>
    private static OrderedDictionary<string, ParticipantRole?> ParticipantsOf(CorpusMeeting meeting)
    {
        var named = new OrderedDictionary<string, ParticipantRole?>();
        foreach (var p in meeting.Participants)
        {
            var n = NormalizeName(p.Name);
            if (n.Length > 0)
            {
                named.TryAdd(n, p.Role);
            }
        }

        return named;
    }

    private static string? ChairOf(CorpusMeeting meeting) =>
        ParticipantsOf(meeting).FirstOrDefault(p => p.Value == ParticipantRole.Chair).Key;

    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.ToEven);

    private static HashSet<string> Stems(string words) => words.Split(' ').Select(Stem).ToHashSet();

    [GeneratedRegex("[^a-z0-9' ]+")]
    private static partial Regex NotWordChars();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private sealed class Tally
    {
        public int Tp { get; private set; }

        public int Fp { get; private set; }

        public int Fn { get; private set; }

        public void Add(int tp, int fp, int fn)
        {
            Tp += tp;
            Fp += fp;
            Fn += fn;
        }

        public (double Precision, double Recall, double F1) Prf()
        {
            var p = Tp + Fp > 0 ? (double)Tp / (Tp + Fp) : Fn == 0 ? 1.0 : 0.0;
            var r = Tp + Fn > 0 ? (double)Tp / (Tp + Fn) : 1.0;
            var f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
            return (p, r, f);
        }
    }

    private sealed class Accuracy
    {
        private int _ok;
        private int _n;

        public double Value => _n > 0 ? (double)_ok / _n : 1.0;

        public void Add(bool ok)
        {
            _n++;
            _ok += ok ? 1 : 0;
        }
    }
}

/// <summary>score.py's figures (<c>participants_f1</c>, <c>body_acc</c>, ...) and its per-report lines.</summary>
internal sealed record GoldScore(int Reports, IReadOnlyDictionary<string, double> Figures, IReadOnlyList<string> PerReport);

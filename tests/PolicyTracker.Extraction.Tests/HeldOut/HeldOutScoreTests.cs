using System.Text.Json;
using PolicyTracker.Extraction.Json;
using PolicyTracker.Extraction.Tests.Support;
using PolicyTracker.TestSupport;
using Xunit.Abstractions;

namespace PolicyTracker.Extraction.Tests.HeldOut;

/// <summary>
/// The quality gate over the invented held-out readouts in <c>tests/data/held-out</c>: every report is
/// extracted, written and read back as the CLI writes it, and scored against its gold with score.py's
/// measures (<see cref="GoldScorer"/>); each figure must reach its floor in <c>tests/held-out-floor.json</c>.
/// Floors only move up: raise them when the figures rise, never lower them to let a change through.
/// </summary>
public sealed class HeldOutScoreTests(ITestOutputHelper output)
{
    [Fact]
    public void The_held_out_readouts_score_at_least_their_floors()
    {
        var root = CorpusLocator.RepositoryRoot ?? throw new DirectoryNotFoundException("PolicyTracker.sln not found above the test assembly");
        var folder = Path.Combine(root, "tests", "data", "held-out");
        var score = ScoreFolder(folder);
        score.Reports.ShouldBeGreaterThanOrEqualTo(47, "the held-out set lost reports");

        using var floorsFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "tests", "held-out-floor.json")));
        var failures = new List<string>();
        foreach (var floor in floorsFile.RootElement.EnumerateObject().Where(p => !p.Name.StartsWith('_')))
        {
            var measured = score.Figures.TryGetValue(floor.Name, out var value) ? value : double.NaN;
            output.WriteLine($"{floor.Name,-24} {measured,8:0.000} {floor.Value.GetDouble(),6:0.00}");
            if (!(measured >= floor.Value.GetDouble()))
            {
                failures.Add($"{floor.Name} {measured:0.000} < {floor.Value.GetDouble():0.00}");
            }
        }

        foreach (var line in score.PerReport)
        {
            output.WriteLine(line);
        }

        failures.ShouldBeEmpty(string.Join("\n", score.PerReport));
    }

    internal static GoldScore ScoreFolder(string folder)
    {
        var golds = Directory.EnumerateFiles(folder, "*.gold.json").Order(StringComparer.Ordinal).ToList();
        golds.ShouldNotBeEmpty($"no gold files in {folder}");
        return GoldScorer.Score(golds.Select(goldPath =>
        {
            var name = Path.GetFileName(goldPath)[..^".gold.json".Length];
            var gold = CorpusJson.Read(File.ReadAllText(goldPath));
            var textPath = Path.Combine(folder, name + ".txt");
            CorpusReport? predicted = null;
            if (File.Exists(textPath))
            {
                var text = File.ReadAllText(textPath);
                var extraction = ExceptionWatch.Extract(text);
                SpanChecks.AllInside(extraction, text);
                predicted = CorpusJson.Read(ExtractionJson.ToJson(extraction));
            }

            return (name, gold, predicted);
        }));
    }
}

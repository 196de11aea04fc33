using PolicyTracker.TestSupport;

namespace PolicyTracker.Benchmarks;

/// <summary>The shared report corpus (<c>../shared/corpus/reports</c> next to the folder holding
/// PolicyTracker.sln), or one built-in report when it is missing so the benchmarks still run.</summary>
public static class BenchmarkCorpus
{
    /// <summary>Every benchmark operation extracts this many reports, so per-report figures stay comparable
    /// whatever the corpus size (BenchmarkDotNet needs OperationsPerInvoke to be a constant).</summary>
    public const int BatchSize = 30;

    /// <summary>Loads <see cref="BatchSize"/> report texts, cycling through the corpus in name order.</summary>
    public static string[] LoadBatch()
    {
        var texts = LoadAll();
        return [.. Enumerable.Range(0, BatchSize).Select(i => texts[i % texts.Count])];
    }

    /// <summary>All corpus texts repeated until at least <paramref name="minChars"/> characters.</summary>
    public static string Repeated(int minChars)
    {
        var texts = LoadAll();
        var builder = new System.Text.StringBuilder(minChars + (16 * 1024));
        while (builder.Length < minChars)
        {
            foreach (var text in texts)
            {
                builder.Append(text).Append("\n\n");
            }
        }

        return builder.ToString();
    }

    /// <summary>Where the reports were found, for the benchmark log.</summary>
    public static string Describe() => FindReports() is { } folder ? folder : "built-in sample (corpus not found)";

    private static List<string> LoadAll()
    {
        if (FindReports() is not null)
        {
            var texts = CorpusLocator.ReportFiles().Select(File.ReadAllText).ToList();
            if (texts.Count > 0)
            {
                return texts;
            }
        }

        return [Sample];
    }

    // BenchmarkDotNet runs each benchmark from a generated project under this project's bin folder,
    // so walking up from the running assembly still reaches the repository root.
    private static string? FindReports() => CorpusLocator.ReportsDirectory;

    private const string Sample = """
        Premier chairs State Council executive meeting on flood relief
          ·  2024-07-05  ·   Source: Xinhua News Agency

        Chinese Premier Li Qiang on Friday chaired a State Council executive meeting, which called for stepped-up efforts in flood control and disaster relief.

        The meeting reviewed and approved a plan on restoring damaged rural infrastructure, and adopted in principle a draft regulation on emergency shelters.

        Ding Xuexiang and He Lifeng attended the meeting. The meeting urged local governments to keep people safe.
        """;
}

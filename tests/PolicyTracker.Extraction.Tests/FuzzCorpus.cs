using PolicyTracker.TestSupport;

namespace PolicyTracker.Extraction.Tests;

/// <summary>
/// The shared report corpus for the fuzz, property, JSON and CLI tests, found by <see cref="CorpusLocator"/>;
/// when it is missing, a few built-in reports keep the tests meaningful.
/// </summary>
internal static class FuzzCorpus
{
    private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> LazyReports = new(LoadReports);

    /// <summary>The folder holding PolicyTracker.sln, or null when the tests run outside a checkout.</summary>
    public static string? RepoRoot => CorpusLocator.RepositoryRoot;

    /// <summary>The corpus reports folder, or null when it is not there.</summary>
    public static string? ReportsFolder => CorpusLocator.ReportsDirectory;

    /// <summary>Corpus reports (name without .txt, text), sorted by name; the built-in samples when the corpus is missing.</summary>
    public static IReadOnlyList<(string Name, string Text)> Reports => LazyReports.Value;

    /// <summary>Gold files of the corpus (may be empty).</summary>
    public static IReadOnlyList<string> GoldFiles => CorpusLocator.GoldFiles();

    /// <summary>All corpus texts joined, repeated until at least <paramref name="minChars"/> characters.</summary>
    public static string Repeated(int minChars)
    {
        var builder = new System.Text.StringBuilder(minChars + 16 * 1024);
        while (builder.Length < minChars)
        {
            foreach (var (_, text) in Reports)
            {
                builder.Append(text).Append("\n\n");
            }
        }

        return builder.ToString();
    }

    private static IReadOnlyList<(string Name, string Text)> LoadReports()
    {
        if (ReportsFolder is null)
        {
            return BuiltInSamples;
        }

        var reports = CorpusLocator.ReportFiles()
            .Select(path => (Path.GetFileNameWithoutExtension(path), File.ReadAllText(path)))
            .ToList();
        return reports.Count > 0 ? reports : BuiltInSamples;
    }

    /// <summary>Written for these tests in the corpus's layouts: byline, dateline, none.</summary>
    public static readonly IReadOnlyList<(string Name, string Text)> BuiltInSamples =
    [
        ("sample-byline", """
            Premier chairs State Council executive meeting on flood relief
              ·  2024-07-05  ·   Source: Xinhua News Agency

            Chinese Premier Li Qiang on Friday chaired a State Council executive meeting, which called for stepped-up efforts in flood control and disaster relief.

            The meeting reviewed and approved a plan on restoring damaged rural infrastructure, and adopted in principle a draft regulation on emergency shelters.

            Ding Xuexiang and He Lifeng attended the meeting. The meeting urged local governments to keep people safe and stressed that relief funds must reach affected households quickly.

            """),
        ("sample-dateline", """
            Cabinet backs new housing package
            CANBERRA, March 3 (Reuters) -- Prime Minister Anthony Albanese presided over a cabinet meeting on Monday that approved 2 billion dollars for social housing.

            Treasurer Jim Chalmers addressed the meeting and said the package would be funded from savings. Housing Minister Clare O'Neil also spoke.

            The cabinet discussed a report on rental affordability and decided to consult the states before the budget. It warned against delays in planning approvals.
            """),
        ("sample-plain", """
            Security council meets on border tensions
            South Korea's National Security Council met Sunday under President Moon Jae-in, who told members the government would respond firmly. Chung Eui-yong, the national security adviser, attended.

            The council called for close coordination with allies and issued a statement condemning the launch. It deliberated measures to protect citizens abroad.
            """),
    ];
}

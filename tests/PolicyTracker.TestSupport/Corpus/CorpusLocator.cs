namespace PolicyTracker.TestSupport;

/// <summary>
/// The one place that finds the shared report corpus: <c>$POLICYTRACKER_CORPUS/reports</c> when that
/// variable is set, else <c>../shared/corpus/reports</c> from the folder holding PolicyTracker.sln.
/// The corpus is read in place, never copied into the repository. Tests that need it are
/// <see cref="CorpusFactAttribute"/>s, reported as skipped (saying why) when it is missing.
/// </summary>
/// <remarks>Compiled into the extraction tests and the benchmarks too (linked), so it uses nothing but the BCL.</remarks>
public static class CorpusLocator
{
    public const string EnvironmentVariable = "POLICYTRACKER_CORPUS";

    private static readonly Lazy<string?> LazyRepositoryRoot = new(FindRepositoryRoot);

    /// <summary>The folder holding PolicyTracker.sln, or null when running outside a checkout.</summary>
    public static string? RepositoryRoot => LazyRepositoryRoot.Value;

    /// <summary>The corpus reports folder (full path), or null when it is not there.</summary>
    public static string? ReportsDirectory
    {
        get
        {
            var corpus = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } overridden
                ? overridden
                : RepositoryRoot is { } root ? Path.Combine(root, "..", "shared", "corpus") : null;
            var reports = corpus is null ? null : Path.GetFullPath(Path.Combine(corpus, "reports"));
            return reports is not null && Directory.Exists(reports) ? reports : null;
        }
    }

    /// <summary>Why corpus tests cannot run, or null when the corpus is there.</summary>
    public static string? Missing => ReportsDirectory is not null
        ? null
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } overridden
            ? $"corpus not found: {EnvironmentVariable}={overridden} has no reports folder"
            : RepositoryRoot is { } root
                ? $"corpus not found: expected at {Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "reports"))} (../shared/corpus/reports from the repository root)"
                : "corpus not found: PolicyTracker.sln not found above the test assembly";

    /// <summary>The reports folder; throws saying where it was looked for when missing.</summary>
    public static string RequireReportsDirectory() =>
        ReportsDirectory ?? throw new DirectoryNotFoundException(Missing);

    /// <summary>The report texts (<c>*.txt</c>), in ordinal name order; empty when the corpus is missing.</summary>
    public static IReadOnlyList<string> ReportFiles() => Files("*.txt");

    /// <summary>The gold annotations (<c>*.gold.json</c>), in ordinal name order; empty when the corpus is missing.</summary>
    public static IReadOnlyList<string> GoldFiles() => Files("*.gold.json");

    private static string[] Files(string pattern) => ReportsDirectory is { } folder
        ? [.. Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal)]
        : [];

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyTracker.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

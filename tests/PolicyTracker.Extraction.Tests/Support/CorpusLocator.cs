namespace PolicyTracker.Extraction.Tests.Support;

/// <summary>Finds the shared corpus next to the repository (../shared/corpus from the folder holding PolicyTracker.sln).</summary>
internal static class CorpusLocator
{
    public static string? ReportsDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PolicyTracker.sln")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            return null;
        }

        var reports = Path.Combine(dir.Parent.FullName, "shared", "corpus", "reports");
        return Directory.Exists(reports) ? reports : null;
    }

    public static IEnumerable<string> ReportFiles()
    {
        var dir = ReportsDirectory();
        return dir is null ? [] : Directory.EnumerateFiles(dir, "*.txt").Order(StringComparer.Ordinal);
    }
}

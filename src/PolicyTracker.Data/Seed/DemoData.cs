using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Data.Auditing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Data.Import;

namespace PolicyTracker.Data.Seed;

// Illustrative reports written for this project: real bodies and office-holders of early 2024,
// but not a record of what those meetings decided. Outlets say "PolicyTracker Demo" so nobody
// mistakes them for wire copy. Two describe the same State Council meeting; a plan reviewed on
// Jan. 5 is adopted on Jan. 19.
public static class DemoData
{
    private const string Prefix = "DemoReports/";

    public static IReadOnlyList<string> ReportNames { get; } =
    [
        .. typeof(DemoData).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ];

    public static Task<int> SeedAsync(IDbContextFactory<PolicyTrackerDbContext> factory, CancellationToken ct = default) =>
        SeedAsync(factory, new ReportImporter(factory, TimeProvider.System, new SystemUser()), ct);

    // Imports the demo reports as published, only into a database with no reports at all.
    public static async Task<int> SeedAsync(
        IDbContextFactory<PolicyTrackerDbContext> factory, ReportImporter importer, CancellationToken ct = default)
    {
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (await db.Reports.IgnoreQueryFilters().AnyAsync(ct))
            {
                return 0;
            }
        }

        var imported = 0;
        foreach (var name in ReportNames)
        {
            var result = await importer.ImportAsync(Request(name, await ReadAsync(name, ct)), ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo report {name} was refused: {result.Message}");
            }

            imported++;
        }

        return imported;
    }

    public static async Task<string> ReadAsync(string name, CancellationToken ct = default)
    {
        await using var stream = typeof(DemoData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"No embedded demo report {name}.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(ct);
    }

    private static ImportRequest Request(string name, string text)
    {
        // File names start with the publication date: "2024-01-05-state-council-....txt".
        var file = name[Prefix.Length..];
        var published = DateOnly.ParseExact(file[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ImportRequest(text)
        {
            Published = published,
            Outlet = text.Contains("(PolicyTracker Demo Wire)", StringComparison.Ordinal) ? "PolicyTracker Demo Wire" : "PolicyTracker Demo Desk",
            EnteredBy = "seed",
            Status = ReportStatus.Published,
        };
    }
}

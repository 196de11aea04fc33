using Microsoft.EntityFrameworkCore;

namespace PolicyTracker.Web.Features.Browse;

public sealed record MonthCount(int Year, int Month, int Count)
{
    public string Label => $"{Year:D4}-{Month:D2}";
}

/// <summary>Calendar months for activity charts: a body's page, the summary.</summary>
public static class Months
{
    /// <summary>Counts per calendar month from the first to the last date, months without any included as zero.</summary>
    public static IReadOnlyList<MonthCount> Count(IEnumerable<DateOnly?> dates)
    {
        var counts = dates.OfType<DateOnly>().GroupBy(d => (d.Year, d.Month)).ToDictionary(g => g.Key, g => g.Count());
        if (counts.Count == 0)
        {
            return [];
        }

        return [.. Between(counts.Keys.Min(), counts.Keys.Max()).Select(m => new MonthCount(m.Year, m.Month, counts.GetValueOrDefault(m)))];
    }

    public static IEnumerable<(int Year, int Month)> Between((int Year, int Month) first, (int Year, int Month) last)
    {
        var (y, m) = first;
        while (y < last.Year || (y == last.Year && m <= last.Month))
        {
            yield return (y, m);
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1);
        }
    }
}

/// <summary>Meetings per month counted by PostgreSQL: one row per month comes back, never one per meeting.</summary>
public static class MonthCounts
{
    public static async Task<IReadOnlyList<MonthCount>> OfAsync(IQueryable<DateOnly?> dates, CancellationToken ct)
    {
        var rows = await dates.Where(d => d != null)
            .GroupBy(d => new { d!.Value.Year, d.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var counts = rows.ToDictionary(r => (r.Year, r.Month), r => r.Count);
        return [.. Months.Between(counts.Keys.Min(), counts.Keys.Max()).Select(m => new MonthCount(m.Year, m.Month, counts.GetValueOrDefault(m)))];
    }
}

using Microsoft.EntityFrameworkCore;

namespace PolicyTracker.Web.Features.Browse;

/// <summary>A grid's total, counted up to <see cref="Cap"/>: past it the grid says "10,000+" and the pager stops there
/// (narrow the filter or reverse the sort for the rest). A whole-table count costs the archive's size on every page;
/// this costs at most <see cref="Cap"/> index entries.</summary>
public static class GridTotal
{
    public const int Cap = 10_000;

    /// <summary>Counts the rows of <paramref name="ordered"/> up to one past the cap. Pass the grid's ordered query:
    /// the count then walks the index that orders the page instead of scanning the table.</summary>
    public static Task<int> CountAsync<T>(IQueryable<T> ordered, CancellationToken ct) => ordered.Take(Cap + 1).CountAsync(ct);

    public static bool IsCapped(int total) => total > Cap;

    /// <summary>What the pager may page through.</summary>
    public static int Pageable(int total) => Math.Min(total, Cap);
}

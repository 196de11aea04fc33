namespace PolicyTracker.Web.Components.Shared;

/// <summary>Sort and page of a server-side MudDataGrid, kept in the query string as
/// <c>sort=name</c> / <c>sort=name-desc</c> and <c>page=2</c> (1-based).</summary>
public static class GridSort
{
    public static (string? Key, bool Descending) Parse(string? sort) =>
        string.IsNullOrWhiteSpace(sort) ? (null, false)
        : sort.EndsWith("-desc", StringComparison.Ordinal) ? (sort[..^5].ToLowerInvariant(), true)
        : (sort.ToLowerInvariant(), false);

    public static string? Format(string? key, bool descending) => key is null ? null : key + (descending ? "-desc" : "");

    /// <summary>The direction a column starts with, so a bookmarked sort shows its arrow.</summary>
    public static MudBlazor.SortDirection InitialFor(string? sort, string key)
    {
        var (k, desc) = Parse(sort);
        return k != key ? MudBlazor.SortDirection.None : desc ? MudBlazor.SortDirection.Descending : MudBlazor.SortDirection.Ascending;
    }

    public static (string? Key, bool Descending) FromGrid<T>(MudBlazor.GridState<T> state)
    {
        var s = state.SortDefinitions.FirstOrDefault();
        return s is null ? (null, false) : (s.SortBy.ToLowerInvariant(), s.Descending);
    }
}

namespace PolicyTracker.Web.Components.Shared;

/// <summary>Keeps a list page's query string in step with its grid (UX.md: the URL is the state).</summary>
public static class GridUrl
{
    /// <summary>After a grid load: writes page (1-based, omitted on the first) and sort if they changed,
    /// replacing the history entry so paging does not fill the back button.</summary>
    public static void Sync(ListQuery query, int gridPage, string? gridSort) =>
        query.Set(new Dictionary<string, string?>
        {
            ["page"] = gridPage == 0 ? null : (gridPage + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sort"] = gridSort,
        }, replace: true);

    /// <summary>A filter change: a new history entry, back to the first page.</summary>
    public static void SetFilter(ListQuery query, string name, string? value) =>
        SetFilters(query, new Dictionary<string, string?> { [name] = value });

    public static void SetFilters(ListQuery query, IDictionary<string, string?> values) =>
        query.Set(new Dictionary<string, string?>(values) { ["page"] = null });
}

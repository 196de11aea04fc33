using Microsoft.AspNetCore.Components;

namespace PolicyTracker.Web.Components.Shared;

/// <summary>Keeps a list page's query string in step with its grid (UX.md: the URL is the state).</summary>
public static class GridUrl
{
    /// <summary>After a grid load: writes page (1-based, omitted on the first) and sort if they changed,
    /// replacing the history entry so paging does not fill the back button.</summary>
    public static void Sync(NavigationManager navigation, int gridPage, int? urlPage, string? gridSort, string? urlSort)
    {
        if (gridPage == (urlPage ?? 1) - 1 && gridSort == urlSort)
        {
            return;
        }
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["page"] = gridPage == 0 ? null : gridPage + 1,
            ["sort"] = gridSort,
        }), replace: true);
    }

    /// <summary>A filter change: a new history entry, back to the first page.</summary>
    public static void SetFilter(NavigationManager navigation, string name, object? value) =>
        SetFilters(navigation, new Dictionary<string, object?> { [name] = value });

    public static void SetFilters(NavigationManager navigation, IDictionary<string, object?> values)
    {
        var parameters = new Dictionary<string, object?>(values) { ["page"] = null };
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(parameters));
    }
}

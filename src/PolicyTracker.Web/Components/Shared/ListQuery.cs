using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace PolicyTracker.Web.Components.Shared;

/// <summary>A list page's query string as the page last set it (UX.md: the URL is the state).
/// NavigationManager.Uri changes only when the browser confirms a navigation, so two filter changes within one
/// round trip, each built from it, lost the first. The page keeps its own query here, builds every address from
/// it, and takes the browser's address as its state only when it is not one of its own on the way back: a first
/// load, a link, the back button.</summary>
public sealed class ListQuery(NavigationManager navigation)
{
    private Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    // Addresses this page asked for that the browser has not confirmed yet, oldest first.
    private readonly List<Dictionary<string, string>> _pending = [];

    public string? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>The number of this page's own navigations the browser has not confirmed yet.</summary>
    public int Pending => _pending.Count;

    /// <summary>Called from OnParametersSet: the browser's address has changed (or the page has just opened).</summary>
    public void Arrived()
    {
        var arrived = Parse(navigation.Uri);
        var own = _pending.FindIndex(p => Same(p, arrived));
        if (own >= 0)
        {
            _pending.RemoveRange(0, own + 1);
            if (_pending.Count > 0)
            {
                // A later change of ours is still on its way: the arrived address is older than what the page shows.
                return;
            }
        }
        else
        {
            _pending.Clear();
        }
        _values = arrived;
    }

    /// <summary>Sets one parameter (null or blank removes it) and navigates, as a new history entry unless
    /// <paramref name="replace"/>.</summary>
    public void Set(string name, string? value, bool replace = false) =>
        Set(new Dictionary<string, string?> { [name] = value }, replace);

    public void Set(IReadOnlyDictionary<string, string?> changes, bool replace = false)
    {
        var next = With(changes);
        if (Same(next, _values))
        {
            return;
        }
        _values = next;
        _pending.Add(next);
        navigation.NavigateTo(Build(next), replace);
    }

    /// <summary>The address of this list with <paramref name="changes"/> applied, for a link.</summary>
    public string Href(IReadOnlyDictionary<string, string?>? changes = null) => Build(changes is null ? _values : With(changes));

    /// <summary>The current query string, without the question mark (for an export link).</summary>
    public string QueryString() => Build(_values, path: "").TrimStart('?');

    private Dictionary<string, string> With(IReadOnlyDictionary<string, string?> changes)
    {
        var next = new Dictionary<string, string>(_values, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in changes)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                next.Remove(name);
            }
            else
            {
                next[name] = value;
            }
        }
        return next;
    }

    private string Build(Dictionary<string, string> values, string? path = null)
    {
        path ??= "/" + navigation.ToBaseRelativePath(navigation.Uri).Split('?', '#')[0];
        return values.Count == 0 ? path : QueryHelpers.AddQueryString(path, values!);
    }

    private static Dictionary<string, string> Parse(string uri)
    {
        var query = new Uri(uri).Query;
        return QueryHelpers.ParseQuery(query)
            .Where(p => !string.IsNullOrWhiteSpace(p.Value.FirstOrDefault()))
            .ToDictionary(p => p.Key, p => p.Value.First()!, StringComparer.OrdinalIgnoreCase);
    }

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);
}

using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace PolicyTracker.Extraction.Gazetteers;

/// <summary>Loads the embedded gazetteer files once; every lookup afterwards is read-only.</summary>
internal static class GazetteerStore
{
    private static readonly Lazy<FrozenDictionary<string, string>> OutletMap = new(LoadOutlets, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<TitleData> TitleMap = new(LoadTitles, LazyThreadSafetyMode.ExecutionAndPublication);

    public static FrozenDictionary<string, string> Outlets => OutletMap.Value;

    public static TitleData Titles => TitleMap.Value;

    internal sealed record TitleData(FrozenSet<string> TitleWords, FrozenSet<string> NonPersonWords, FrozenSet<string> SurnameFirst);

    internal sealed class BodyEntry
    {
        public string Name { get; set; } = string.Empty;

        public List<string> Aliases { get; set; } = [];

        public List<string> Context { get; set; } = [];
    }

    public static List<BodyEntry> LoadBodies()
    {
        var result = new List<BodyEntry>();
        using var doc = Parse("Gazetteers.bodies.json");
        if (doc is null || doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var entry = new BodyEntry { Name = e.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty };
            entry.Aliases.AddRange(Strings(e, "aliases"));
            entry.Context.AddRange(Strings(e, "context"));
            if (entry.Name.Length > 0)
            {
                result.Add(entry);
            }
        }

        return result;
    }

    private static FrozenDictionary<string, string> LoadOutlets()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var doc = Parse("Gazetteers.outlets.json");
        if (doc is not null && doc.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                map[p.Name] = p.Value.GetString() ?? p.Name;
            }
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static TitleData LoadTitles()
    {
        using var doc = Parse("Gazetteers.titles.json");
        var root = doc?.RootElement;
        var titles = root is { } r1 ? Strings(r1, "titleWords") : [];
        var nonPerson = root is { } r2 ? Strings(r2, "nonPersonWords") : [];
        var surnameFirst = root is { } r3 ? Strings(r3, "surnameFirst") : [];
        return new TitleData(
            titles.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            nonPerson.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            surnameFirst.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
    }

    private static List<string> Strings(JsonElement e, string property)
    {
        var list = new List<string>();
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var arr) && arr.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in arr.EnumerateArray())
            {
                if (item.GetString() is { Length: > 0 } s)
                {
                    list.Add(s);
                }
            }
        }

        return list;
    }

    private static JsonDocument? Parse(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name);
        return stream is null ? null : JsonDocument.Parse(stream);
    }
}

using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace PolicyTracker.Extraction.Gazetteers;

/// <summary>The word lists of meeting reports (directive verbs, document nouns, body heads, meeting
/// nouns, speech verbs ...), loaded once from the embedded <c>lexicon.json</c>: each list lives there
/// and nowhere else.</summary>
internal static class Lexicon
{
    private static readonly Lazy<JsonDocument?> Document = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The named list as a lower-case set; empty when the file lacks it.</summary>
    public static FrozenSet<string> Words(string name)
    {
        var words = new List<string>();
        if (Document.Value?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.GetString() is { Length: > 0 } w)
                {
                    words.Add(w);
                }
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Verb form -> what it does to a document, from the "documentVerbs" object (action -> forms).</summary>
    public static FrozenDictionary<string, DocumentAction> DocumentVerbs()
    {
        var map = new Dictionary<string, DocumentAction>(StringComparer.Ordinal);
        if (Document.Value?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("documentVerbs", out var verbs) && verbs.ValueKind == JsonValueKind.Object)
        {
            foreach (var action in verbs.EnumerateObject())
            {
                if (!Enum.TryParse<DocumentAction>(action.Name, ignoreCase: true, out var value) || action.Value.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var form in action.Value.EnumerateArray())
                {
                    if (form.GetString() is { Length: > 0 } w)
                    {
                        map[w] = value;
                    }
                }
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The named object of string values (key -> value) as a map; empty when the file lacks it.</summary>
    public static FrozenDictionary<string, string> Map(string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Document.Value?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(name, out var obj) && obj.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in obj.EnumerateObject())
            {
                if (p.Value.GetString() is { Length: > 0 } v)
                {
                    map[p.Name] = v;
                }
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static JsonDocument? Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Gazetteers.lexicon.json");
        return stream is null ? null : JsonDocument.Parse(stream);
    }
}

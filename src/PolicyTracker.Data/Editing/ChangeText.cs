using System.Text.Json;

namespace PolicyTracker.Data.Editing;

// How a change is put to a person, in the conflict dialog and the history alike.
internal static class ChangeText
{
    public static string What(ReviewItem item) => item switch
    {
        ReviewParticipant p => $"participant {p.Name}",
        ReviewResolution r => $"resolution “{Short(r.Text)}”",
        ReviewDocumentAction d => $"document “{Short(d.Title)}”",
        _ => item.Label,
    };

    public static string Short(string text) => text.Length <= 60 ? text : text[..57] + "…";

    // The fields an audit entry changed, from its old and new values as JSON.
    public static IReadOnlyList<FieldChange> Changes(string? oldJson, string? newJson)
    {
        var old = Parse(oldJson);
        var now = Parse(newJson);
        return [.. now.Keys.Union(old.Keys)
            .Where(k => k is not ("version" or "verified_at"))
            .Select(k => new FieldChange(k.Replace('_', ' '), old.GetValueOrDefault(k), now.GetValueOrDefault(k)))
            .Where(c => c.Old != c.New)];
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            });
    }
}

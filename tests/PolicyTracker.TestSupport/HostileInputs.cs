using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PolicyTracker.TestSupport;

/// <summary>The hostile values of tests/data/hostile-inputs.json, which the bad-input catalogue sends to every
/// query parameter, route value and form field.</summary>
public static class HostileInputs
{
    /// <summary>Each value percent-encoded, as it travels in a URL or a posted form (malformed UTF-8 included).</summary>
    public static IReadOnlyList<(string Name, string Query)> Encoded()
    {
        var file = FindUpwards(Path.Combine("tests", "data", "hostile-inputs.json"));
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.GetProperty("values").EnumerateArray()
            .Select(v => (v.GetProperty("name").GetString()!, Expand(v.GetProperty("query").GetString()!)))
            .ToList();
    }

    /// <summary>Each value as the text a person would type or paste (malformed UTF-8 becomes U+FFFD, as a browser reads it).</summary>
    public static IReadOnlyList<(string Name, string Text)> Decoded() =>
        [.. Encoded().Select(v => (v.Name, Decode(v.Query)))];

    // "@repeat:x:n" stands for x written n times, so the file stays readable.
    private static string Expand(string query) =>
        query.StartsWith("@repeat:", StringComparison.Ordinal) && query.Split(':') is [_, var unit, var count]
            ? new StringBuilder().Insert(0, unit, int.Parse(count, CultureInfo.InvariantCulture)).ToString()
            : query;

    // Percent-decoding to bytes, then UTF-8 with replacement; a '%' that starts no escape stays itself.
    private static string Decode(string query)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < query.Length; i++)
        {
            if (query[i] == '%' && i + 2 < query.Length
                && byte.TryParse(query.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(query[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static string FindUpwards(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}

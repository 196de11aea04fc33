using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyTracker.Data.Import;

internal static partial class TextKeys
{
    public static string Clean(string value) => Whitespace().Replace(value, " ").Trim();

    public static string Key(string value) => Clean(value).ToLowerInvariant();

    // "The guideline on X." and "guideline on  x" are the same document.
    public static string DocumentKey(string title)
    {
        var key = Key(title).Trim('"', '\'', '“', '”', '.', ',', ';', ':');
        return LeadingArticle().Replace(key, string.Empty);
    }

    public static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(the|a|an)\s+")]
    private static partial Regex LeadingArticle();
}

using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyTracker.Data.Import;

internal static partial class TextKeys
{
    // Common Chinese surnames: for these the family name comes first ("Xi Jinping" -> "Xi").
    // Elsewhere the last word is the surname ("Rishi Sunak" -> "Sunak"). A heuristic; editors fix the rest.
    private static readonly HashSet<string> FamilyNameFirst = new(StringComparer.OrdinalIgnoreCase)
    {
        "Bai", "Cai", "Cao", "Chen", "Cheng", "Cui", "Dai", "Deng", "Ding", "Dong", "Du", "Duan", "Fan", "Fang",
        "Feng", "Fu", "Gao", "Gu", "Guo", "Han", "Hao", "He", "Hou", "Hu", "Huang", "Jia", "Jiang", "Jin", "Kong",
        "Li", "Liang", "Liao", "Lin", "Liu", "Long", "Lu", "Luo", "Lyu", "Ma", "Mao", "Meng", "Pan", "Peng", "Qian",
        "Qin", "Qiu", "Ren", "Shao", "Shen", "Shi", "Song", "Su", "Sun", "Tan", "Tang", "Tian", "Wan", "Wang", "Wei",
        "Wu", "Xi", "Xia", "Xiao", "Xie", "Xiong", "Xu", "Xue", "Yan", "Yang", "Yao", "Ye", "Yin", "Yu", "Yuan",
        "Zeng", "Zhang", "Zhao", "Zheng", "Zhong", "Zhou", "Zhu", "Zou",
    };

    public static string Clean(string value) => Whitespace().Replace(value, " ").Trim();

    public static string Key(string value) => Clean(value).ToLowerInvariant();

    // "The guideline on X." and "guideline on  x" are the same document.
    public static string DocumentKey(string title)
    {
        var key = Key(title).Trim('"', '\'', '“', '”', '.', ',', ';', ':');
        return LeadingArticle().Replace(key, string.Empty);
    }

    public static string? Surname(string name)
    {
        var words = Clean(name).Split(' ');
        if (words.Length < 2)
        {
            return null;
        }

        return FamilyNameFirst.Contains(words[0]) && words.Length <= 3 ? words[0] : words[^1];
    }

    public static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(the|a|an)\s+")]
    private static partial Regex LeadingArticle();
}

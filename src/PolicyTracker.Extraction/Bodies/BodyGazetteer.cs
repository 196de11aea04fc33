using System.Collections.Frozen;
using System.Text;
using PolicyTracker.Extraction.Gazetteers;

namespace PolicyTracker.Extraction.Bodies;

/// <summary>Canonical names of official bodies and the spellings that denote them.</summary>
public sealed class BodyGazetteer
{
    private static readonly Lazy<BodyGazetteer> Instance = new(() => new BodyGazetteer(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, Entry[]> _byKey;

    private BodyGazetteer()
    {
        var map = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var e in GazetteerStore.LoadBodies())
        {
            var entry = new Entry(e.Name, [.. e.Aliases], [.. e.Context]);
            foreach (var name in e.Aliases.Append(e.Name))
            {
                var key = Key(name);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!map.TryGetValue(key, out var list))
                {
                    map[key] = list = [];
                }

                if (!list.Contains(entry))
                {
                    list.Add(entry);
                }
            }
        }

        _byKey = map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The shared, immutable gazetteer loaded from the embedded data file.</summary>
    public static BodyGazetteer Default => Instance.Value;

    /// <summary>Canonical short name for <paramref name="name"/>, or the cleaned name itself when unknown.</summary>
    public string Canonicalize(string name) => Canonicalize(name, null);

    /// <summary>Canonical short name; <paramref name="context"/> (the report text) settles
    /// spellings several bodies share ("Politburo" in Beijing or in Hanoi).</summary>
    public string Canonicalize(string name, string? context) => Lookup(name, context)?.Name ?? DemonymForm(Clean(name));

    private static readonly FrozenDictionary<string, string> Demonyms = Lexicon.Map("countryDemonyms");

    /// <summary>"Spain's government" -> "Spanish government": a country's possessive before a body is
    /// written as the country's adjective, the way the body is usually named. Other names are unchanged.</summary>
    internal static string DemonymForm(string name)
    {
        var poss = name.IndexOf("'s ", StringComparison.Ordinal);
        if (poss <= 0)
        {
            poss = name.IndexOf("\u2019s ", StringComparison.Ordinal);
        }

        if (poss <= 0 || name.AsSpan(0, poss).Contains(' ') || !Demonyms.TryGetValue(name[..poss].ToLowerInvariant(), out var demonym))
        {
            return name;
        }

        return demonym + " " + name[(poss + 3)..];
    }

    /// <summary>Known other spellings of the body <paramref name="name"/> denotes (empty when unknown).</summary>
    public IReadOnlyList<string> Aliases(string name, string? context = null) => Lookup(name, context)?.Aliases ?? [];

    /// <summary>Whether the gazetteer knows this spelling.</summary>
    public bool IsKnown(string name) => Lookup(name, null) is not null;

    internal Entry? Lookup(string name, string? context) => Lookup(name, context, 0);

    private Entry? Lookup(string name, string? context, int depth)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var key = Key(name);
        if (Pick(key, context) is { } hit)
        {
            return hit;
        }

        // "Spain's government" is the "Spanish government".
        var demonymKey = Key(DemonymForm(Clean(name)));
        if (demonymKey != key && Pick(demonymKey, context) is { } byDemonym)
        {
            return byDemonym;
        }

        // "China's State Council", "the African Union's Peace and Security Council".
        var poss = key.LastIndexOf("'s ", StringComparison.Ordinal);
        if (poss > 0 && Pick(key[(poss + 3)..], context) is { } hit2)
        {
            return hit2;
        }

        return depth < 2 ? Nested(name, context, depth) : null;
    }

    // "the 14th National Committee of the CPPCC": the term's ordinal is no part of the body's name.
    private static readonly System.Text.RegularExpressions.Regex TermOrdinal = new(@"\b\d+(st|nd|rd|th) ", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// A body named through another: "Chairperson's Council of the 14th National Committee of the Chinese People's
    /// Political Consultative Conference" is the "Chairperson's Council of the CPPCC National Committee" when the
    /// gazetteer knows the inner body; the term's ordinal is dropped first.
    /// </summary>
    private Entry? Nested(string name, string? context, int depth)
    {
        var cleaned = Clean(name);
        if (TermOrdinal.IsMatch(cleaned))
        {
            var bare = TermOrdinal.Replace(cleaned, string.Empty);
            if (Lookup(bare, context, depth + 1) is { } byBare)
            {
                return byBare;
            }

            cleaned = bare;
        }

        var of = cleaned.IndexOf(" of the ", StringComparison.Ordinal);
        if (of <= 0)
        {
            return null;
        }

        var inner = Lookup(cleaned[(of + 8)..], context, depth + 1);
        return inner is null ? null : Lookup(cleaned[..of] + " of the " + inner.Name, context, depth + 1);
    }

    private Entry? Pick(string key, string? context)
    {
        if (!_byKey.TryGetValue(key, out var entries))
        {
            return null;
        }

        if (entries.Length == 1)
        {
            return entries[0].Context.Length == 0 || context is null || Hits(entries[0], context) > 0 || !IsGeneric(key) ? entries[0] : null;
        }

        if (context is null)
        {
            return null;
        }

        Entry? best = null;
        var bestHits = 0;
        foreach (var e in entries)
        {
            var h = Hits(e, context);
            if (h > bestHits)
            {
                best = e;
                bestHits = h;
            }
        }

        return best;
    }

    // A one-word spelling such as "cabinet" needs its country in the text before it is trusted.
    private static bool IsGeneric(string key) => !key.Contains(' ', StringComparison.Ordinal);

    private static int Hits(Entry e, string context)
    {
        var n = 0;
        foreach (var c in e.Context)
        {
            if (context.Contains(c, StringComparison.Ordinal))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Case-folded comparison key: no articles, ordinals, parentheses or term markers.</summary>
    internal static string Key(string name)
    {
        var sb = new StringBuilder(name.Length);
        var depth = 0;
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length == 0)
            {
                return;
            }

            var w = word.ToString();
            word.Clear();
            if (w is "the" or "new-term" or "annual" || IsOrdinal(w))
            {
                return;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(w);
        }

        foreach (var ch in name)
        {
            if (ch == '(')
            {
                Flush();
                depth++;
                continue;
            }

            if (ch == ')')
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (depth > 0)
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch) || ch == '-' || ch == '\'' || ch == '\u2019')
            {
                word.Append(ch == '\u2019' ? '\'' : char.ToLowerInvariant(ch));
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return sb.ToString().Replace(" 's ", "'s ", StringComparison.Ordinal).Replace(" 's", "'s", StringComparison.Ordinal);
    }

    private static bool IsOrdinal(string w)
    {
        if (w.Length < 3 || !char.IsDigit(w[0]))
        {
            return false;
        }

        var suffix = w[^2..];
        return suffix is "st" or "nd" or "rd" or "th";
    }

    /// <summary>The name as written without a leading article or trailing parenthetical acronym.</summary>
    internal static string Clean(string name)
    {
        var s = name.Trim();
        if (s.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            s = s[4..];
        }

        var paren = s.IndexOf(" (", StringComparison.Ordinal);
        while (paren > 0)
        {
            var close = s.IndexOf(')', paren);
            if (close < 0)
            {
                break;
            }

            s = string.Concat(s.AsSpan(0, paren), s.AsSpan(close + 1));
            paren = s.IndexOf(" (", StringComparison.Ordinal);
        }

        return s.Trim();
    }

    internal sealed record Entry(string Name, string[] Aliases, string[] Context);
}

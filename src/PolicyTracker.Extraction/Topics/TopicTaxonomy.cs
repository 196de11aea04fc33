using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text.Json;

namespace PolicyTracker.Extraction.Topics;

/// <summary>One topic of the taxonomy: a stable id stored on records and the label people read.</summary>
public sealed record Topic(string Id, string Label);

/// <summary>The topics file (<c>Topics/topics.json</c>, embedded) turned into word rules, and the tagger that applies them.
/// Matching is on whole words, case-insensitive; a rule of several words is a phrase; a word ending in <c>*</c> matches any
/// word it begins; a match lying wholly inside one of the topic's exclusions does not count.
/// Immutable and thread-safe once loaded.</summary>
public sealed class TopicTaxonomy
{
    private const int MinPrefixLength = 4;
    private static readonly Lazy<TopicTaxonomy> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, Rule[]> _byFirstWord;
    private readonly FrozenDictionary<string, Rule[]> _byFirstPrefix;
    private readonly FrozenDictionary<string, Topic> _byId;

    private TopicTaxonomy(string version, string hash, IReadOnlyList<Topic> topics, List<Rule> rules)
    {
        Version = version;
        Hash = hash;
        Topics = topics;
        _byId = topics.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
        _byFirstWord = rules.Where(r => !r.Words[0].Prefix).GroupBy(r => r.Words[0].Text)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _byFirstPrefix = rules.Where(r => r.Words[0].Prefix).GroupBy(r => r.Words[0].Text[..MinPrefixLength])
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The taxonomy shipped with this build.</summary>
    public static TopicTaxonomy Default => Embedded.Value;

    /// <summary>The <c>version</c> the file states, for people.</summary>
    public string Version { get; }

    /// <summary>The first 16 hex digits of the file's SHA-256: stored with each tag, so a changed file shows as stale tags.</summary>
    public string Hash { get; }

    /// <summary>The topics in the file's order.</summary>
    public IReadOnlyList<Topic> Topics { get; }

    /// <summary>The topic with this id, or null when the file has none.</summary>
    public Topic? Find(string? id) => id is not null && _byId.TryGetValue(id, out var t) ? t : null;

    /// <summary>Reads a taxonomy file; a malformed one throws <see cref="TopicTaxonomyException"/> naming what is wrong.</summary>
    public static TopicTaxonomy Parse(byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var hash = Convert.ToHexStringLower(SHA256.HashData(json))[..16];
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new TopicTaxonomyException($"The topics file is not valid JSON: {e.Message}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("topics", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new TopicTaxonomyException("The topics file must be an object with a \"topics\" array.");
            }

            var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : hash;
            var topics = new List<Topic>();
            var rules = new List<Rule>();
            var index = 0;
            foreach (var e in list.EnumerateArray())
            {
                index++;
                var id = Text(e, "id") ?? throw new TopicTaxonomyException($"Topic {index} has no \"id\".");
                if (id.Length > 64 || !id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
                {
                    throw new TopicTaxonomyException($"Topic id \"{id}\" must be lowercase letters, digits and hyphens, at most 64 characters.");
                }

                if (topics.Any(t => t.Id == id))
                {
                    throw new TopicTaxonomyException($"Topic id \"{id}\" appears twice.");
                }

                var topic = new Topic(id, Text(e, "label") ?? id);
                var excludes = Terms(e, "exclude", id).ToArray();
                var terms = Terms(e, "terms", id).ToList();
                if (terms.Count == 0)
                {
                    throw new TopicTaxonomyException($"Topic \"{id}\" has no terms.");
                }

                topics.Add(topic);
                var topicIndex = topics.Count - 1;
                rules.AddRange(terms.Select(t => new Rule(topicIndex, t, Exclusion: false)));
                rules.AddRange(excludes.Select(t => new Rule(topicIndex, t, Exclusion: true)));
            }

            return new TopicTaxonomy(version, hash, topics, rules);
        }
    }

    /// <summary>The ids of the topics the text is about, in the file's topic order; empty for none.</summary>
    public IReadOnlyList<string> Tag(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var words = Words(text);
        // Per topic: the matched spans of its terms and of its exclusions, as (start, end) word positions.
        var hits = new List<(int Topic, int Start, int End, bool Exclusion)>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (_byFirstWord.TryGetValue(word, out var exact))
            {
                Collect(exact, words, i, hits);
            }

            if (word.Length >= MinPrefixLength && _byFirstPrefix.TryGetValue(word[..MinPrefixLength], out var prefixed))
            {
                Collect(prefixed, words, i, hits);
            }
        }

        var found = new SortedSet<int>();
        foreach (var hit in hits)
        {
            if (hit.Exclusion || found.Contains(hit.Topic))
            {
                continue;
            }

            var excluded = hits.Any(x => x.Exclusion && x.Topic == hit.Topic && x.Start <= hit.Start && hit.End <= x.End);
            if (!excluded)
            {
                found.Add(hit.Topic);
            }
        }

        return [.. found.Select(t => Topics[t].Id)];
    }

    /// <summary>The union of the tags of several texts, in the file's topic order.</summary>
    public IReadOnlyList<string> TagAll(IEnumerable<string?> texts)
    {
        var ids = texts.SelectMany(Tag).ToHashSet(StringComparer.Ordinal);
        return [.. Topics.Where(t => ids.Contains(t.Id)).Select(t => t.Id)];
    }

    private static void Collect(Rule[] rules, List<string> words, int at, List<(int, int, int, bool)> hits)
    {
        foreach (var rule in rules)
        {
            if (rule.MatchesAt(words, at))
            {
                hits.Add((rule.TopicIndex, at, at + rule.Words.Length - 1, rule.Exclusion));
            }
        }
    }

    // Lowercase runs of letters and digits; everything else separates, so "AI-driven" is "ai", "driven".
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(p.GetString()) ? p.GetString()!.Trim() : null;

    private static IEnumerable<RuleWord[]> Terms(JsonElement e, string name, string topicId)
    {
        if (!e.TryGetProperty(name, out var list))
        {
            yield break;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new TopicTaxonomyException($"Topic \"{topicId}\": \"{name}\" must be an array of strings.");
        }

        foreach (var item in list.EnumerateArray())
        {
            var term = item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new TopicTaxonomyException($"Topic \"{topicId}\": \"{name}\" holds a value that is not a string.");
            var prefix = term.EndsWith('*');
            var words = Words(prefix ? term[..^1] : term);
            if (words.Count == 0)
            {
                throw new TopicTaxonomyException($"Topic \"{topicId}\": the term \"{term}\" has no letters or digits.");
            }

            if (prefix && words[^1].Length < MinPrefixLength)
            {
                throw new TopicTaxonomyException($"Topic \"{topicId}\": the term \"{term}\" needs at least {MinPrefixLength} letters before the *.");
            }

            if (prefix && words.Count > 1)
            {
                // Only the last word of a phrase may be open-ended; put the prefix there.
                yield return [.. words[..^1].Select(w => new RuleWord(w, false)), new RuleWord(words[^1], true)];
            }
            else
            {
                yield return [.. words.Select((w, i) => new RuleWord(w, prefix && i == words.Count - 1))];
            }
        }
    }

    private static TopicTaxonomy LoadEmbedded()
    {
        using var stream = typeof(TopicTaxonomy).Assembly.GetManifestResourceStream("Topics.topics.json")
            ?? throw new TopicTaxonomyException("The build has no embedded Topics/topics.json.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray());
    }

    private readonly record struct RuleWord(string Text, bool Prefix)
    {
        public bool Matches(string word) => Prefix ? word.StartsWith(Text, StringComparison.Ordinal) : word == Text;
    }

    private sealed record Rule(int TopicIndex, RuleWord[] Words, bool Exclusion)
    {
        public bool MatchesAt(List<string> words, int at)
        {
            if (at + Words.Length > words.Count)
            {
                return false;
            }

            for (var k = 0; k < Words.Length; k++)
            {
                if (!Words[k].Matches(words[at + k]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

/// <summary>A topics file that cannot be used, with what is wrong in words a person can act on.</summary>
public sealed class TopicTaxonomyException(string message) : Exception(message);

namespace PolicyTracker.Extraction.People;

/// <summary>Full names seen in one report, so a later surname ("Xi", "Mishustin") resolves to
/// the person named in full. Built per call; never shared.</summary>
internal sealed class PersonRegistry
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Full, int Position)>> _byFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Full, int Position)>> _byLast = new(StringComparer.Ordinal);

    public void Add(string full, int position)
    {
        if (!_known.Add(full))
        {
            return;
        }

        var parts = full.Split(' ');
        var last = parts[^1];
        if (parts.Length > 2 && last is "II" or "III" or "IV" or "Jr" or "Jr.")
        {
            last = parts[^2];
        }

        Append(_byFirst, parts[0], full, position);
        Append(_byLast, last, full, position);
    }

    /// <summary>The registered form of a full name (names are kept as written).</summary>
    public string ResolveFull(string name)
    {
        // "UEDA Kazuo" in a list is the "Kazuo Ueda" of the lead.
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && space == name.LastIndexOf(' ') && HasCapitalsWord(name))
        {
            var swapped = string.Concat(name.AsSpan(space + 1), " ", name.AsSpan(0, space));
            foreach (var known in _known)
            {
                if (string.Equals(known, swapped, StringComparison.OrdinalIgnoreCase) && !HasCapitalsWord(known))
                {
                    return known;
                }
            }
        }

        return name;
    }

    private static bool HasCapitalsWord(string name)
    {
        foreach (var word in name.Split(' '))
        {
            if (word.Length >= 2 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The most recent full name, mentioned before <paramref name="position"/>, whose
    /// surname is <paramref name="single"/>.</summary>
    public string? Resolve(string single, int position)
    {
        // East Asian names put the surname first ("Xi" is Xi Jinping, not Li Xi).
        var surnameFirst = Gazetteers.GazetteerStore.Titles.SurnameFirst.Contains(single);
        var primary = surnameFirst ? _byFirst : _byLast;
        var secondary = surnameFirst ? _byLast : _byFirst;
        return Best(primary, single, position) ?? Best(secondary, single, position);
    }

    private static void Append(Dictionary<string, List<(string, int)>> map, string key, string full, int position)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add((full, position));
    }

    private static string? Best(Dictionary<string, List<(string Full, int Position)>> map, string key, int position)
    {
        if (!map.TryGetValue(key, out var list) || list.Count == 0)
        {
            return null;
        }

        string? best = null;
        var bestPos = int.MinValue;
        foreach (var (full, pos) in list)
        {
            if (pos <= position && pos > bestPos)
            {
                best = full;
                bestPos = pos;
            }
        }

        return best ?? list[0].Full;
    }
}

namespace PolicyTracker.Extraction.People;

/// <summary>Full names seen in one report, so a later surname ("Xi", "Mishustin") or given
/// name resolves to the person named in full. Built per call; never shared.</summary>
internal sealed class PersonRegistry
{
    private readonly List<(string Full, string[] Parts, int Position)> _people = [];

    public void Add(string full, int position)
    {
        foreach (var p in _people)
        {
            if (string.Equals(p.Full, full, StringComparison.Ordinal))
            {
                return;
            }
        }

        _people.Add((full, full.Split(' '), position));
    }

    /// <summary>A longer registered name that starts with this one ("Aquilino Pimentel" for
    /// "Aquilino Pimentel III"), else the name itself.</summary>
    public string ResolveFull(string name) => name;

    public string? Resolve(string single, int position)
    {
        // East Asian names put the surname first ("Xi" is Xi Jinping, not Li Xi).
        var surnameFirst = Gazetteers.GazetteerStore.Titles.SurnameFirst.Contains(single);
        return Best(single, position, surnameFirst ? 0 : 1) ?? Best(single, position, surnameFirst ? 1 : 0);
    }

    private string? Best(string single, int position, int mode)
    {
        string? best = null;
        var bestPos = int.MinValue;
        string? any = null;
        foreach (var (full, parts, pos) in _people)
        {
            var last = parts[^1];
            if (parts.Length > 2 && last is "II" or "III" or "IV" or "Jr" or "Jr.")
            {
                last = parts[^2];
            }

            var match = mode == 0 ? string.Equals(parts[0], single, StringComparison.Ordinal) : string.Equals(last, single, StringComparison.Ordinal);
            if (!match)
            {
                continue;
            }

            any ??= full;
            if (pos <= position && pos > bestPos)
            {
                best = full;
                bestPos = pos;
            }
        }

        return best ?? any;
    }
}

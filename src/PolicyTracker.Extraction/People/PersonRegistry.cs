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
        string? best = null;
        var bestPos = int.MinValue;
        var anyBest = (string?)null;
        foreach (var (full, parts, pos) in _people)
        {
            var last = parts[^1];
            if (parts.Length > 2 && last is "II" or "III" or "IV" or "Jr" or "Jr.")
            {
                last = parts[^2];
            }

            if (!string.Equals(parts[0], single, StringComparison.Ordinal) && !string.Equals(last, single, StringComparison.Ordinal))
            {
                continue;
            }

            anyBest ??= full;
            if (pos <= position && pos > bestPos)
            {
                best = full;
                bestPos = pos;
            }
        }

        return best ?? anyBest;
    }
}

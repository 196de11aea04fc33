using System.Globalization;
using System.Text;

namespace PolicyTracker.Web.Components.Shared;

/// <summary>The one place where query-string filters and form fields are checked. Pages use the cleaned
/// values and show <see cref="Problems"/> as a note; API handlers answer 400 with them
/// (<see cref="ProblemResult"/>). Nothing hostile reaches a query: no NUL (PostgreSQL refuses it), no
/// control or bidi characters, no text longer than a filter needs, no date outside 1900 to tomorrow.</summary>
public sealed class QueryInput(TimeProvider time)
{
    public const int MaxTextLength = 200;

    /// <summary>Longer than this a query value is refused outright, before any parsing.</summary>
    public const int MaxRawLength = 2000;

    /// <summary>The summary draws one bar per month; beyond this many the chart says nothing more.</summary>
    public const int MaxSummaryMonths = 240;

    public static readonly DateOnly MinDate = PolicyTracker.Data.Editing.ReportInput.EarliestDate;

    /// <summary>Longer passwords are refused before they are hashed: a megabyte of password costs the server, not the attacker.</summary>
    public const int MaxPasswordLength = 128;

    /// <summary>Longest e-mail address (RFC 5321).</summary>
    public const int MaxEmailLength = 254;

    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public bool HasProblems => _problems.Count > 0;

    /// <summary>A problem found by a caller's own parsing (the summary's period), shown with the rest.</summary>
    public void Add(string problem) => _problems.Add(problem);

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Tomorrow: a report dated in another time zone can be a day ahead of UTC.</summary>
    public DateOnly MaxDate => Today.AddDays(1);

    /// <summary>Filter text: trimmed, control and bidi characters removed, at most <paramref name="maxLength"/>
    /// characters; null when nothing is left.</summary>
    public string? Text(string name, string? raw, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var cleaned = Clean(raw, out var removed).Trim();
        if (removed)
        {
            _problems.Add($"The {name} filter contained control characters; they were left out.");
        }

        if (cleaned.Length > maxLength)
        {
            _problems.Add($"The {name} filter is longer than {maxLength} characters; only the first {maxLength} were used.");
            cleaned = cleaned[..maxLength];
            if (char.IsHighSurrogate(cleaned[^1]))
            {
                cleaned = cleaned[..^1];
            }
        }

        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>A yyyy-MM-dd date from 1900-01-01 to tomorrow; null (with a problem) for anything else.</summary>
    public DateOnly? Date(string name, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            _problems.Add($"The {name} date is not a date written as yyyy-mm-dd; it was ignored.");
            return null;
        }

        return CheckDate(name, date);
    }

    /// <summary>A date already parsed (a form's date picker): inside the same bounds, else null with a problem.</summary>
    public DateOnly? CheckDate(string name, DateOnly? date)
    {
        if (date is not { } d)
        {
            return null;
        }

        if (d < MinDate || d > MaxDate)
        {
            _problems.Add($"The {name} date {d:yyyy-MM-dd} is outside {MinDate:yyyy-MM-dd} to {MaxDate:yyyy-MM-dd}; it was ignored.");
            return null;
        }

        return d;
    }

    /// <summary>A from/to pair: each bounded, swapped when given the wrong way round.</summary>
    public (DateOnly? From, DateOnly? To) Range(string? fromRaw, string? toRaw)
    {
        var from = Date("from", fromRaw);
        var to = Date("to", toRaw);
        if (from is { } f && to is { } t && f > t)
        {
            _problems.Add($"The from date {f:yyyy-MM-dd} is after the to date {t:yyyy-MM-dd}; they were swapped.");
            return (t, f);
        }

        return (from, to);
    }

    /// <summary>Days as <see cref="DayRange"/> writes them (<c>FROM..TO</c>, one day, or <c>any</c>), each end bounded as
    /// <see cref="Date"/>, swapped when given the wrong way round; null when absent or unusable (with a problem).</summary>
    public DayRange? Days(string name, string? raw)
    {
        var text = Text(name, raw, 30);
        if (text is null)
        {
            return null;
        }
        if (text.Equals("any", StringComparison.OrdinalIgnoreCase))
        {
            return DayRange.Any;
        }
        var at = text.IndexOf("..", StringComparison.Ordinal);
        var (fromText, toText) = at < 0 ? (text, text) : (text[..at], text[(at + 2)..]);
        var problems = _problems.Count;
        var from = Date(name, fromText);
        var to = Date(name, toText);
        if (_problems.Count > problems)
        {
            return null;
        }
        return from is { } f && to is { } t && f > t ? new DayRange(t, f) : new DayRange(from, to);
    }

    /// <summary>A summary range: as <see cref="Range"/>, and at most <see cref="MaxSummaryMonths"/> months long
    /// (the last ones are kept).</summary>
    public (DateOnly? From, DateOnly? To) SummaryRange(string? fromRaw, string? toRaw)
    {
        var (from, to) = Range(fromRaw, toRaw);
        if (from is { } f && (to ?? MaxDate) is var end && MonthsBetween(f, end) > MaxSummaryMonths)
        {
            var start = new DateOnly(end.Year, end.Month, 1).AddMonths(-(MaxSummaryMonths - 1));
            _problems.Add($"The summary covers at most {MaxSummaryMonths / 12} years; it starts at {start:yyyy-MM-dd} instead of {f:yyyy-MM-dd}.");
            return (start, to);
        }

        return (from, to);
    }

    /// <summary>A page number from 1 to 100,000 (1 when absent or unusable).</summary>
    public int Page(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return 1;
        }

        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1 || page > 100_000)
        {
            _problems.Add("The page number is not a number from 1 to 100,000; the first page is shown.");
            return 1;
        }

        return page;
    }

    /// <summary>An identifier from the query string (a body, a person); null with a problem when it is not one.</summary>
    public Guid? Id(string name, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (!Guid.TryParse(raw, out var id))
        {
            _problems.Add($"The {name} in the address is not an identifier; it was ignored.");
            return null;
        }

        return id;
    }

    /// <summary>A form field checked before it is used (a user's e-mail, a password, a token's name): the
    /// message to show when it is longer than <paramref name="maxLength"/> or holds control characters,
    /// direction marks or a broken character; null when it may be used. Form fields are refused rather
    /// than cleaned, so a password is never silently changed.</summary>
    public static string? FieldProblem(string label, string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            return $"The {label} is longer than {maxLength} characters.";
        }

        Clean(value, out var removed);
        return removed ? $"The {label} contains control characters, invisible direction marks or a broken character; remove them." : null;
    }

    /// <summary>A year from 1900 to this year's next; null (with a problem) for anything else.</summary>
    public int? Year(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (!int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < MinDate.Year || year > MaxDate.Year)
        {
            _problems.Add($"The year is not a year from {MinDate.Year} to {MaxDate.Year}; it was ignored.");
            return null;
        }

        return year;
    }

    /// <summary>One of <paramref name="allowed"/> (case-insensitive, returned in its listed spelling); null (with a problem) otherwise.</summary>
    public string? OneOf(string name, string? raw, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var found = allowed.FirstOrDefault(a => string.Equals(a, raw.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            _problems.Add($"The {name} must be one of {string.Join(", ", allowed)}; it was ignored.");
        }

        return found;
    }

    /// <summary>A 400 ProblemDetails listing what is wrong, or null when the query is fine.</summary>
    public IResult? ProblemResult() => HasProblems
        ? TypedResults.Problem(title: "The query has values that cannot be used", detail: string.Join(" ", _problems), statusCode: StatusCodes.Status400BadRequest)
        : null;

    /// <summary>The query string's first unusable value (NUL, control characters, too long), for a request
    /// that must be refused before any handler runs; null when every value is usable.</summary>
    public static string? FindRawProblem(IQueryCollection query)
    {
        foreach (var (key, values) in query)
        {
            if (key.Length > 100 || HasControl(key))
            {
                return "A query parameter name is too long or contains control characters.";
            }

            foreach (var value in values)
            {
                if (value is null)
                {
                    continue;
                }

                if (value.Length > MaxRawLength)
                {
                    return $"The value of {key} is longer than {MaxRawLength} characters.";
                }

                if (HasControl(value))
                {
                    return $"The value of {key} contains NUL or other control characters.";
                }
            }
        }

        return null;
    }

    private static bool HasControl(string value)
    {
        foreach (var c in value)
        {
            if (IsUnwanted(c))
            {
                return true;
            }
        }

        return false;
    }

    // Control characters (NUL included), bidi overrides and isolates, and lone surrogates (what a
    // malformed %-escape can leave).
    private static bool IsUnwanted(char c) =>
        char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\uFEFF';

    private static string Clean(string raw, out bool removed)
    {
        removed = false;
        StringBuilder? builder = null;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            var lone = char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
                && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(raw[i - 1]));
            if (IsUnwanted(c) || lone)
            {
                removed = true;
                builder ??= new StringBuilder(raw, 0, i, raw.Length);
                // Tabs and line breaks separate words; the rest simply go.
                if (c is '\t' or '\n' or '\r')
                {
                    builder.Append(' ');
                }

                continue;
            }

            builder?.Append(c);
        }

        return builder?.ToString() ?? raw;
    }

    private static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
}

using System.Collections.Frozen;

namespace PolicyTracker.Extraction.Dates;

/// <summary>Month and weekday vocabulary of English wire copy.</summary>
internal static class DateWords
{
    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["jan"] = 1,
        ["january"] = 1,
        ["feb"] = 2,
        ["february"] = 2,
        ["mar"] = 3,
        ["march"] = 3,
        ["apr"] = 4,
        ["april"] = 4,
        ["may"] = 5,
        ["jun"] = 6,
        ["june"] = 6,
        ["jul"] = 7,
        ["july"] = 7,
        ["aug"] = 8,
        ["august"] = 8,
        ["sep"] = 9,
        ["sept"] = 9,
        ["september"] = 9,
        ["oct"] = 10,
        ["october"] = 10,
        ["nov"] = 11,
        ["november"] = 11,
        ["dec"] = 12,
        ["december"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static int Month(string lower) => Months.TryGetValue(lower, out var m) ? m : 0;

    public static bool TryWeekday(string lower, out DayOfWeek day) => Weekdays.TryGetValue(lower, out day);

    public static bool IsDateWord(string lower) => Months.ContainsKey(lower) || Weekdays.ContainsKey(lower);

    /// <summary>Leading day number of "30", "20-23" or "1st"; 0 when not a day.</summary>
    public static int Day(string s)
    {
        var n = 0;
        var i = 0;
        while (i < s.Length && char.IsDigit(s[i]) && i < 3)
        {
            n = n * 10 + (s[i] - '0');
            i++;
        }

        return i is 0 or 3 || n is < 1 or > 31 ? 0 : n;
    }

    public static int Year(string s)
    {
        if (s.Length != 4 || !char.IsDigit(s[0]) || !char.IsDigit(s[1]) || !char.IsDigit(s[2]) || !char.IsDigit(s[3]))
        {
            return 0;
        }

        var y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        return y is >= 1900 and <= 2100 ? y : 0;
    }

    public static DateOnly? Make(int year, int month, int day)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }
}

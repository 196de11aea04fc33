using System.Globalization;

namespace PolicyTracker.Data.Editing;

/// <summary>The longest value each short form field may hold: the database column's length, so a
/// value the form accepts is one the database stores whole. A longer value is never cut: the
/// field says how long it is and what the limit is, and the form does not save until it fits.</summary>
public static class FieldLimits
{
    public const int Headline = 1000;
    public const int Outlet = 200;
    public const int SourceUrl = 2000;
    public const int TokenName = 100;

    /// <summary>How much a field takes from the browser at once: a few times its limit, so an
    /// over-long paste arrives whole to be shortened in place, yet far below what one message to
    /// the server may carry (32 KB; the value travels twice, at up to 3 bytes a character).</summary>
    public static int PasteCap(int limit) => Math.Min(limit * 4, 4000);

    /// <summary>"The headline is 1,234 characters; the limit is 1,000. Shorten it: nothing was cut."</summary>
    public static string? TooLong(string what, string? value, int limit) =>
        value is { Length: var length } && length > limit
            ? string.Create(CultureInfo.InvariantCulture, $"{what} is {length:N0} characters; the limit is {limit:N0}. Shorten it: nothing was cut.")
            : null;
}

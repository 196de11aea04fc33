using System.Globalization;

namespace PolicyTracker.Web.Components.Shared;

public static class Format
{
    /// <summary>Dates as analysts read them: 2023-05-30 (Tue).</summary>
    public static string Date(DateOnly? date) =>
        date is { } d ? d.ToString("yyyy-MM-dd (ddd)", CultureInfo.InvariantCulture) : "—";

    public static string Timestamp(DateTimeOffset? at) =>
        at is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
